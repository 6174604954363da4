// One fact of the chronology: its date, statement, status, key mark, sources as pinpoint cites, paragraphs and gaps;
// edited in place, or accepted and rejected while it is only a proposal.
import { memo, useState } from 'react';
import { FACT_STATUSES, FACT_STATUS_LABELS, type Fact, type FactSource, type FactStatus } from '../../../shared/model.ts';
import { Icon } from '../../components/Icon.tsx';

export interface FactRowHandlers {
  onActivate: (id: number) => void;
  onOpenSource: (source: FactSource) => void;
  onEdit: (id: number) => void;
  /** Opens the screen that links and unlinks its sources and paragraphs. */
  onLinks: (fact: Fact) => void;
  onSave: (fact: Fact, edit: FactEdit) => Promise<string | null>;
  onCancelEdit: () => void;
  onRemove: (fact: Fact) => void;
  onDecide: (fact: Fact, accept: boolean) => void;
}

/** What the inline editor changes; `date` is the text as typed. */
export interface FactEdit {
  statement: string;
  date: string;
  status: FactStatus;
  key: boolean;
}

interface FactRowProps {
  fact: Fact;
  /** Its place in the whole list (1-based) and the list's length: a feed's articles say so, since most are not drawn. */
  position: number;
  total: number;
  active: boolean;
  editing: boolean;
  handlers: FactRowHandlers;
}

export const FactRow = memo(function FactRow({ fact, position, total, active, editing, handlers }: FactRowProps) {
  const classes = ['fact', active && 'active', fact.key && 'key', fact.proposed && 'proposed', fact.unsourced && 'unsourced'].filter(Boolean).join(' ');
  return (
    <article
      className={classes}
      id={`fact-${fact.id}`}
      aria-current={active ? 'true' : undefined}
      aria-posinset={position}
      aria-setsize={total}
      aria-label={`${fact.date.display || 'Undated'}: ${fact.statement}`}
      onMouseDown={() => handlers.onActivate(fact.id)}
    >
      <div className="fact-date num">{fact.date.display || <span className="muted">Undated</span>}</div>
      {editing ? <FactEditor fact={fact} handlers={handlers} /> : <FactBody fact={fact} handlers={handlers} />}
    </article>
  );
});

function FactBody({ fact, handlers }: { fact: Fact; handlers: FactRowHandlers }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div className="fact-main">
        <p className="fact-statement">
          {fact.key && (
            <span className="fact-key" title="Key fact">
              KEY
            </span>
          )}
          {fact.statement}
        </p>
        <div className="fact-meta">
          {fact.proposed && <span className="badge fact-proposed-badge">Proposed</span>}
          <span className={`fact-status status-${fact.status}`}>{FACT_STATUS_LABELS[fact.status]}</span>
          {fact.sources.map((s) => (
            <button
              key={s.id}
              type="button"
              className="cite"
              title={s.quote ? `“${s.quote}”` : `Open ${s.exhibitNo}`}
              onClick={(e) => {
                e.stopPropagation();
                handlers.onOpenSource(s);
              }}
            >
              {s.cite}
            </button>
          ))}
          {fact.unsourced && (
            <span className="badge warn" title="No exhibit shows this fact yet">
              <Icon name="alert" size={12} /> No source
            </span>
          )}
          {fact.paragraphs.length > 0 && <span className="fact-paragraphs muted">{fact.paragraphs.map((p) => `¶ ${p}`).join(', ')}</span>}
          {fact.tags.map((t) => (
            <span key={t} className="fact-tag">
              {t}
            </span>
          ))}
        </div>
      </div>
      <div className="fact-actions">
        {fact.proposed ? (
          <>
            <button type="button" className="button small primary" onClick={() => handlers.onDecide(fact, true)}>
              Accept
            </button>
            <button type="button" className="button small" onClick={() => handlers.onDecide(fact, false)}>
              Reject
            </button>
          </>
        ) : confirming ? (
          <>
            <button type="button" className="button small danger" onClick={() => handlers.onRemove(fact)}>
              Remove
            </button>
            <button type="button" className="button small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button type="button" className="text-button" onClick={() => handlers.onEdit(fact.id)} aria-label={`Edit fact of ${fact.date.display || 'no date'}`}>
              Edit
            </button>
            <button type="button" className="text-button" onClick={() => handlers.onLinks(fact)} aria-label={`Link sources and paragraphs to the fact of ${fact.date.display || 'no date'}`}>
              Link
            </button>
            <button type="button" className="text-button muted" onClick={() => setConfirming(true)}>
              Remove
            </button>
          </>
        )}
      </div>
    </>
  );
}

function FactEditor({ fact, handlers }: { fact: Fact; handlers: FactRowHandlers }) {
  const [draft, setDraft] = useState<FactEdit>({ statement: fact.statement, date: fact.date.text, status: fact.status, key: fact.key });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof FactEdit>(k: K) => (v: FactEdit[K]) => setDraft((d) => ({ ...d, [k]: v }));

  async function save() {
    setSaving(true);
    const problem = await handlers.onSave(fact, draft);
    if (problem) {
      setError(problem);
      setSaving(false);
    }
  }

  return (
    <form
      className="fact-editor"
      aria-label="Edit fact"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          handlers.onCancelEdit();
        }
      }}
    >
      <div className="fact-editor-line">
        <label className="field fact-date-field">
          <span>Date</span>
          <input value={draft.date} onChange={(e) => set('date')(e.target.value)} placeholder="e.g. 28 March 2017, March 2017" autoComplete="off" />
        </label>
        <label className="field">
          <span>Status</span>
          <select value={draft.status} onChange={(e) => set('status')(e.target.value as FactStatus)}>
            {FACT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FACT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.key} onChange={(e) => set('key')(e.target.checked)} /> Key fact
        </label>
      </div>
      <label className="field">
        <span>Statement</span>
        <textarea
          autoFocus
          rows={3}
          value={draft.statement}
          onChange={(e) => set('statement')(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl/⌘+Enter saves from the text, as plain Enter does from the one-line fields.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button small" onClick={handlers.onCancelEdit}>
          Cancel
        </button>
        <button type="submit" className="button small primary" disabled={saving}>
          Save fact
        </button>
      </div>
    </form>
  );
}
