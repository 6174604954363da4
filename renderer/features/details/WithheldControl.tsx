// Whether an exhibit is withheld from productions as privileged: a toggle that opens a small form (privilege type and
// the privilege log's description), the status once withheld, and the way back. Bound to the exhibit it was opened on.
import { useState } from 'react';
import { idRef, PRIVILEGE_LABELS, PRIVILEGE_TYPES, type Exhibit, type PrivilegeType, type Withheld } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

interface Props {
  exhibit: Exhibit;
  /** As stored; undefined while the details are still loading. */
  withheld: Withheld | null | undefined;
}

/** The form's draft, with the exhibit it was opened on: a save always goes there, whatever is selected by then. */
interface Draft {
  exhibitId: number;
  exhibitNo: string;
  type: PrivilegeType;
  description: string;
}

export function WithheldControl({ exhibit, withheld }: Props) {
  const { touch, announce } = useWorkspace();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = () => {
    setError(null);
    setDraft({ exhibitId: exhibit.id, exhibitNo: exhibit.exhibitNo, type: withheld?.type ?? 'attorney_client', description: withheld?.description ?? '' });
  };

  async function save(exhibitId: number, exhibitNo: string, value: Withheld | null) {
    setBusy(true);
    setError(null);
    try {
      await api.setWithheld({ exhibit: idRef(exhibitId), withheld: value });
      setDraft(null);
      announce(value ? `${exhibitNo} is withheld from productions (${PRIVILEGE_LABELS[value.type]}).` : `${exhibitNo} is no longer withheld from productions.`);
      touch();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const checked = draft !== null || (withheld ?? null) !== null;
  return (
    <div className="withheld">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={busy || withheld === undefined}
          onChange={(e) => {
            if (e.target.checked) return open();
            if (withheld) void save(exhibit.id, exhibit.exhibitNo, null);
            else setDraft(null);
          }}
        />
        <span>Withhold from productions</span>
      </label>
      {withheld && !draft && (
        <p className="withheld-status" role="status">
          <strong>Withheld ({PRIVILEGE_LABELS[withheld.type]}):</strong> {withheld.description}{' '}
          <button type="button" className="text-button" onClick={open}>
            Edit
          </button>
        </p>
      )}
      {draft && (
        <form
          className="withheld-form"
          aria-label="Withhold from productions"
          onSubmit={(e) => {
            e.preventDefault();
            const description = draft.description.trim();
            if (!description) return setError('Describe what is withheld, for the privilege log.');
            void save(draft.exhibitId, draft.exhibitNo, { type: draft.type, description });
          }}
        >
          <label className="field">
            <span>Privilege type</span>
            <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as PrivilegeType })}>
              {PRIVILEGE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {PRIVILEGE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Description for the privilege log</span>
            <textarea
              rows={2}
              value={draft.description}
              aria-required="true"
              placeholder="e.g. Email to counsel seeking legal advice on the contract"
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            />
          </label>
          <div className="withheld-actions">
            <button type="button" className="button small" disabled={busy} onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="button primary small" disabled={busy}>
              Withhold
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
