// The numbers an exhibit carries besides its own: each with its kind and where it came from (a deposition's witness and
// date, a filing, a production), one added with a small form and one removed; a filing's frozen labels and a
// production's Bates range show but cannot be removed. The form is bound to the exhibit it was opened on.
import { useState } from 'react';
import { DESIGNATION_KIND_LABELS, DESIGNATION_KINDS, idRef, type Designation, type DesignationKind, type Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useNumbersChanged } from '../trial/use-numbers.ts';

const PLACEHOLDERS: Record<DesignationKind, string> = {
  deposition: 'e.g. Smith Dep. Ex. 4',
  trial: 'e.g. PX 12, DX 7, JX 3',
  filing: 'e.g. Ex. B to Decl. of Chen, Dkt. 45-3',
  production: 'e.g. ABC0000123 – ABC0000130',
  custom: 'e.g. Binder 2, Tab 14',
};

interface Draft {
  exhibitId: number;
  exhibitNo: string;
  kind: DesignationKind;
  label: string;
  witness: string;
  date: string;
  source: string;
}

interface Props {
  exhibit: Exhibit;
  /** As stored; undefined while the details are still loading. */
  designations: Designation[] | undefined;
}

export function Designations({ exhibit, designations }: Props) {
  const { announce } = useWorkspace();
  const changed = useNumbersChanged();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(exhibitId: number, action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    try {
      announce(await action());
      await changed(exhibitId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const add = (d: Draft) =>
    act(d.exhibitId, async () => {
      const added = await api.addDesignation({
        exhibit: idRef(d.exhibitId),
        kind: d.kind,
        label: d.label.trim(),
        witness: d.kind === 'deposition' ? d.witness.trim() || undefined : undefined,
        date: d.kind === 'deposition' ? d.date || undefined : undefined,
        source: d.source.trim() || undefined,
      });
      setDraft(null);
      return `${d.exhibitNo} is also ${added.cite}.`;
    });

  return (
    <div className="designations">
      {designations && designations.length === 0 && !draft && <p className="muted">Only its exhibit number so far.</p>}
      {designations && designations.length > 0 && (
        <ul className="designation-list" aria-label="Numbers">
          {designations.map((d) => (
            <li key={d.id ?? `production-${d.label}`}>
              <span className="designation-kind">{DESIGNATION_KIND_LABELS[d.kind]}</span>
              <span className="designation-cite num">{d.cite}</span>
              {(d.source || d.kind === 'production') && <span className="designation-source">{d.kind === 'production' ? `${d.label}, ${d.source}` : d.source}</span>}
              {d.id !== null && !d.frozen && (
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={`Remove ${d.cite}`}
                  title={`Remove ${d.cite}`}
                  disabled={busy}
                  onClick={() => void act(exhibit.id, async () => `${(await api.removeDesignation({ id: d.id! })).cite} removed from ${exhibit.exhibitNo}.`)}
                >
                  <Icon name="close" size={13} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!draft && (
        <button
          type="button"
          className="text-button"
          disabled={designations === undefined}
          onClick={() => {
            setError(null);
            setDraft({ exhibitId: exhibit.id, exhibitNo: exhibit.exhibitNo, kind: 'deposition', label: '', witness: '', date: '', source: '' });
          }}
        >
          <Icon name="plus" size={13} />
          Add a number…
        </button>
      )}
      {draft && (
        <form
          className="designation-form"
          aria-label="Add a number"
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.label.trim()) return setError('Give the number, such as "Smith Dep. Ex. 4".');
            void add(draft);
          }}
        >
          <div className="field-row">
            <label className="field">
              <span>Kind</span>
              <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as DesignationKind })}>
                {DESIGNATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {DESIGNATION_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Number</span>
              <input value={draft.label} aria-required="true" placeholder={PLACEHOLDERS[draft.kind]} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
            </label>
          </div>
          {draft.kind === 'deposition' && (
            <div className="field-row">
              <label className="field">
                <span>Witness</span>
                <input value={draft.witness} placeholder="e.g. John Smith" onChange={(e) => setDraft({ ...draft, witness: e.target.value })} />
              </label>
              <label className="field">
                <span>Deposition date</span>
                <input type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
              </label>
            </div>
          )}
          <label className="field">
            <span>Where it came from (optional)</span>
            <input value={draft.source} placeholder={draft.kind === 'deposition' ? 'Deposition of the witness, on the date' : 'e.g. Chen declaration'} onChange={(e) => setDraft({ ...draft, source: e.target.value })} />
          </label>
          <div className="designation-actions">
            <button type="button" className="button small" disabled={busy} onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="button primary small" disabled={busy}>
              Add number
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
