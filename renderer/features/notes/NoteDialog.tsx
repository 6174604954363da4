// A note on a page, with no passage selected: what to check, who to ask, why the page matters.
import { useEffect, useRef, useState } from 'react';
import { idRef, type Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { AuthorField, useAuthorChoice } from './AuthorField.tsx';

export interface PageNoteTarget {
  exhibit: Exhibit;
  page: number;
}

export function NoteDialog({ target, onClose }: { target: PageNoteTarget | null; onClose: () => void }) {
  const title = target ? `Note on page ${target.page} of ${target.exhibit.exhibitNo}` : 'Note on page';
  return (
    <Dialog open={target !== null} title={title} onClose={onClose}>
      {target && <NoteForm key={`${target.exhibit.id}-${target.page}`} target={target} onClose={onClose} />}
    </Dialog>
  );
}

function NoteForm({ target, onClose }: { target: PageNoteTarget; onClose: () => void }) {
  const { announce, touch } = useWorkspace();
  const who = useAuthorChoice();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  // The dialog opens after this form mounts, so focus is put in the note once it is shown.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  async function save() {
    if (!note.trim()) return setError('Write the note first.');
    setSaving(true);
    setError(null);
    const by = await who.commit();
    if ('error' in by) {
      setSaving(false);
      return setError(by.error);
    }
    try {
      // Bound to the exhibit and page the dialog was opened on, whatever the viewer shows by now.
      await api.addAnnotation({ exhibit: idRef(target.exhibit.id), page: target.page, rects: [], note: note.trim(), author: by.author });
      announce(`Added a note to page ${target.page} of ${target.exhibit.exhibitNo}.`);
      touch();
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
      <label className="field">
        <span>Note</span>
        <textarea ref={input} rows={4} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What this page shows, what to ask about it" />
      </label>
      <AuthorField choice={who} />
      <FormFooter error={error} onCancel={onClose} busy={saving} submitLabel="Save note" />
    </form>
  );
}
