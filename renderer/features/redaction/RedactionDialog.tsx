// Asks why a box drawn (or a passage selected) on a page is to be redacted, then stores it on the exhibit it was
// drawn on: the draft carries that exhibit, so a selection that moves while the dialog is open changes nothing.
import { useState } from 'react';
import { idRef, type Exhibit, type Rect } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { lastReason, ReasonField, rememberReason } from './ReasonField.tsx';

/** What is to be redacted, fixed when the box is drawn. */
export interface RedactionDraft {
  exhibit: Exhibit;
  page: number;
  /** Fractions of the page as shown upright. */
  rects: Rect[];
  /** The words selected, when the redaction was made from a selection. */
  text: string | null;
  origin: 'box' | 'text';
  /** Tells drafts apart that are otherwise alike, so each opens a fresh form. */
  serial: number;
}

export function RedactionDialog({ draft, onClose }: { draft: RedactionDraft | null; onClose: () => void }) {
  return (
    <Dialog open={draft !== null} title="Redact" onClose={onClose} className="redaction-dialog">
      {draft && <RedactionForm key={`${draft.exhibit.id}-${draft.serial}`} draft={draft} onClose={onClose} />}
    </Dialog>
  );
}

function RedactionForm({ draft, onClose }: { draft: RedactionDraft; onClose: () => void }) {
  const { announce, touch } = useWorkspace();
  const [reason, setReason] = useState(lastReason);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { exhibit, page } = draft;
  const wholePage = draft.rects.length === 1 && draft.rects[0]!.width >= 0.999 && draft.rects[0]!.height >= 0.999;

  async function save() {
    const why = reason.trim();
    if (!why) return setError('Give a reason for the redaction.');
    setSaving(true);
    setError(null);
    try {
      await api.addRedaction({
        exhibit: idRef(exhibit.id),
        page,
        rects: draft.rects,
        unit: 'fraction',
        reason: why,
        label: label.trim() || null,
        text: draft.text,
        origin: draft.origin,
      });
      rememberReason(why);
      touch();
      announce(`Redacted ${wholePage ? 'the whole of' : 'part of'} page ${page} of ${exhibit.exhibitNo} (${why}).`);
      if (draft.origin === 'text') document.getSelection()?.removeAllRanges();
      onClose();
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
      <figure className="quote-preview redaction-preview">
        <blockquote>{draft.text ?? (wholePage ? 'The whole page' : draft.rects.length === 1 ? 'A box drawn on the page' : `${draft.rects.length} boxes drawn on the page`)}</blockquote>
        <figcaption className="muted">
          <span className="num">{exhibit.exhibitNo}</span>, page {page}
          {exhibit.title ? ` · ${exhibit.title}` : ''}
        </figcaption>
      </figure>
      <ReasonField value={reason} onChange={setReason} />
      <label className="field">
        <span>Label in the box (optional)</span>
        <input value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} placeholder="Printed instead of the reason, e.g. SSN" />
      </label>
      <FormFooter error={error} onCancel={onClose} busy={saving} submitLabel="Redact" />
    </form>
  );
}
