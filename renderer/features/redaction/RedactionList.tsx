// An exhibit's redactions in the details panel, by page: what each removes and why, proposals to accept or reject
// (one by one or all at once), accepted ones to remove; an item opens its page in the viewer.
import { useState } from 'react';
import { idRef, type Exhibit, type Redaction } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';

interface RedactionListProps {
  exhibit: Exhibit;
  redactions: readonly Redaction[];
}

const ORIGIN_LABELS: Record<Redaction['origin'], string> = { box: 'Box drawn', text: 'Selected text', search: 'Found by search' };

export function RedactionList({ exhibit, redactions }: RedactionListProps) {
  const { openExhibit, touch, announce, findAndRedact } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...redactions].sort((a, b) => a.page - b.page || a.id - b.id);
  const proposed = sorted.filter((r) => r.status === 'proposed').length;

  // Every change is bound to this exhibit's id or to the redaction's own id, never to what is selected when it lands.
  async function act(what: () => Promise<unknown>, said: string) {
    setBusy(true);
    setError(null);
    try {
      await what();
      announce(said);
      touch();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const describe = (r: Redaction) => `the redaction ${r.text ? `of “${r.text}” ` : ''}on page ${r.page}`;

  return (
    <>
      <div className="redaction-actions">
        {proposed > 0 && (
          <>
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() =>
                void act(() => api.decideRedactions({ ids: 'all', accept: true, exhibit: idRef(exhibit.id) }), `Accepted ${proposed} proposed redactions of ${exhibit.exhibitNo}.`)
              }
            >
              Accept all proposals
            </button>
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() =>
                void act(() => api.decideRedactions({ ids: 'all', accept: false, exhibit: idRef(exhibit.id) }), `Rejected ${proposed} proposed redactions of ${exhibit.exhibitNo}.`)
              }
            >
              Reject all
            </button>
          </>
        )}
        <button type="button" className="button small" onClick={() => findAndRedact([exhibit.id])} title="Find text to redact (Shift+R)">
          Find and redact…
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="muted redaction-empty">None yet. In the viewer, press R to draw boxes over what to remove.</p>
      ) : (
        <ul className="redaction-list" aria-label={`Redactions of ${exhibit.exhibitNo}`}>
          {sorted.map((r) => (
            <li key={r.id} className={`redaction-item ${r.status}`}>
              <button
                type="button"
                className="redaction-go"
                onClick={() => openExhibit({ exhibitId: exhibit.id, page: r.page })}
                title={`${ORIGIN_LABELS[r.origin]}${r.label ? `, labelled “${r.label}”` : ''}. Show page ${r.page}.`}
              >
                <span className={`redaction-swatch ${r.status}`} aria-hidden="true" />
                <span className="num muted">p. {r.page}</span>
                <span className="redaction-reason">{r.reason}</span>
                <span className={`badge redaction-status ${r.status}`}>{r.status === 'proposed' ? 'Proposed' : 'Accepted'}</span>
              </button>
              <div className="redaction-detail">
                <span className="redaction-text mono">{r.text ?? ''}</span>
                {r.status === 'proposed' ? (
                  <>
                    <button
                      type="button"
                      className="text-button"
                      disabled={busy}
                      aria-label={`Accept ${describe(r)}`}
                      onClick={() => void act(() => api.decideRedactions({ ids: [r.id], accept: true }), `Accepted ${describe(r)} of ${exhibit.exhibitNo}.`)}
                    >
                      <Icon name="check" size={13} />
                      Accept
                    </button>
                    <button
                      type="button"
                      className="text-button danger"
                      disabled={busy}
                      aria-label={`Reject ${describe(r)}`}
                      onClick={() => void act(() => api.decideRedactions({ ids: [r.id], accept: false }), `Rejected ${describe(r)} of ${exhibit.exhibitNo}.`)}
                    >
                      <Icon name="close" size={13} />
                      Reject
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="text-button danger"
                    disabled={busy}
                    aria-label={`Remove ${describe(r)}`}
                    onClick={() => void act(() => api.removeRedaction({ id: r.id }), `Removed ${describe(r)} of ${exhibit.exhibitNo}.`)}
                  >
                    <Icon name="close" size={13} />
                    Remove
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
