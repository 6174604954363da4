// Marks a paragraph as needing no evidence, with the reason (a common one picked, or the user's own words).
import { useEffect, useId, useRef, useState } from 'react';
import type { Paragraph } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { authorArg } from '../notes/author.ts';

const REASONS = ['Jurisdiction and venue', 'Parties', 'Realleges earlier paragraphs', 'Legal conclusion', 'Prayer for relief'];

export function NoEvidenceForm({ paragraph, onDone }: { paragraph: Paragraph; onDone: () => void }) {
  const { reloadAllegations, announce } = useWorkspace();
  const [reason, setReason] = useState(/realleg|incorporat/i.test(paragraph.text) ? 'Realleges earlier paragraphs' : '');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => input.current?.focus(), []);

  async function save() {
    try {
      await api.setNoEvidenceNeeded({ paragraph: paragraph.number, reason: reason.trim(), ...authorArg() });
      announce(`¶ ${paragraph.number} needs no evidence: ${reason.trim()}.`);
      await reloadAllegations();
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form
      className="no-evidence-form"
      aria-label={`Why ¶ ${paragraph.number} needs no evidence`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>Reason it needs no evidence</span>
        <input ref={input} value={reason} list={listId} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Jurisdiction and venue" />
      </label>
      <datalist id={listId}>
        {REASONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button small primary">
          Mark as not needed
        </button>
      </div>
    </form>
  );
}
