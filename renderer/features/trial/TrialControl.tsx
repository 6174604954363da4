// At trial, one action records what happened to the exhibit: offered, marked, admitted, refused or withdrawn, dated
// today unless another day is chosen, with the witness it came in through; what has happened so far is listed under it.
import { useState } from 'react';
import { idRef, TRIAL_EVENT_LABELS, TRIAL_EVENTS, type Designation, type Exhibit, type TrialEvent, type TrialMark } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { today, useNumbersChanged } from './use-numbers.ts';

interface Props {
  exhibit: Exhibit;
  /** As stored; undefined while the details are still loading. */
  marks: TrialMark[] | undefined;
  designations: Designation[] | undefined;
}

export function TrialControl({ exhibit, marks, designations }: Props) {
  const { announce } = useWorkspace();
  const changed = useNumbersChanged();
  const [date, setDate] = useState(today);
  const [witness, setWitness] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trialNo = designations?.filter((d) => d.kind === 'trial').map((d) => d.label).join(' / ') || null;

  // Bound to the exhibit it was shown for, whatever is selected by the time the answer comes.
  async function mark(exhibitId: number, exhibitNo: string, event: TrialEvent) {
    setBusy(true);
    setError(null);
    try {
      const done = await api.markTrial({ exhibit: idRef(exhibitId), event, date: date || undefined, witness: witness.trim() || undefined });
      announce(`${exhibitNo} ${event} ${done.date}${done.witness ? ` through ${done.witness}` : ''}.`);
      await changed(exhibitId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="trial-control">
      <p className="muted trial-number">
        {trialNo ? (
          <>
            Trial number <span className="num">{trialNo}</span>
          </>
        ) : (
          'No trial number yet: marking it keeps its exhibit number as one.'
        )}
      </p>
      <div className="trial-fields">
        <label className="field">
          <span>Date</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field">
          <span>Witness (optional)</span>
          <input value={witness} onChange={(e) => setWitness(e.target.value)} placeholder="e.g. John Smith" />
        </label>
      </div>
      <div role="group" aria-label="Mark at trial" className="trial-buttons">
        {TRIAL_EVENTS.map((event) => (
          <button key={event} type="button" className={`button small${event === 'admitted' ? ' primary' : ''}`} disabled={busy || marks === undefined} onClick={() => void mark(exhibit.id, exhibit.exhibitNo, event)}>
            {TRIAL_EVENT_LABELS[event]}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {marks && marks.length > 0 && (
        <ul className="trial-marks" aria-label="At trial">
          {marks.map((m) => (
            <li key={m.id}>
              <span className={`trial-event trial-${m.event}`}>{TRIAL_EVENT_LABELS[m.event]}</span> <span className="num">{m.date}</span>
              {m.witness ? <span className="muted"> · {m.witness}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
