// "New fact": a date as the user writes it, the statement, its status and whether it is a key fact.
import { useState } from 'react';
import { FACT_STATUSES, FACT_STATUS_LABELS, type Fact, type FactStatus } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';

export function NewFactDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (fact: Fact) => void }) {
  return (
    <Dialog open={open} title="New fact" onClose={onClose} className="new-fact-dialog">
      {open && <NewFactForm onClose={onClose} onAdded={onAdded} />}
    </Dialog>
  );
}

function NewFactForm({ onClose, onAdded }: { onClose: () => void; onAdded: (fact: Fact) => void }) {
  const [date, setDate] = useState('');
  const [statement, setStatement] = useState('');
  const [status, setStatus] = useState<FactStatus>('undisputed');
  const [key, setKey] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      onAdded(await api.addFact({ date: date.trim(), statement, status, key }));
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>Date</span>
        <input autoFocus value={date} onChange={(e) => setDate(e.target.value)} placeholder="e.g. 28 March 2017, March 2017, early 2018" autoComplete="off" />
      </label>
      <label className="field">
        <span>Statement</span>
        <textarea rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} placeholder="What happened, in one or two sentences" />
      </label>
      <div className="fact-editor-line">
        <label className="field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as FactStatus)}>
            {FACT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FACT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={key} onChange={(e) => setKey(e.target.checked)} /> Key fact
        </label>
      </div>
      <FormFooter error={error} onCancel={onClose} busy={saving} submitLabel="Add fact" />
    </form>
  );
}
