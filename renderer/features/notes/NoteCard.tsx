// One note or highlight: where it is, its quote, its note, who wrote it and when; edited in place (Ctrl/⌘+Enter saves,
// Escape cancels) and deleted with an Undo, in the Notes view and beside the document alike.
import { useEffect, useRef, useState } from 'react';
import type { Annotation, NoteEntry } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatDate } from '../../components/format.ts';
import { showUndo } from '../../components/UndoToast.tsx';
import { authorArg } from './author.ts';

interface NoteCardProps {
  note: Annotation | NoteEntry;
  /** Opens the exhibit at the note's page; the card then names the exhibit too. */
  onOpen?: () => void;
}

const kindOf = (a: Annotation) => (a.rects.length > 0 ? 'Highlight' : 'Page note');

export function NoteCard({ note, onOpen }: NoteCardProps) {
  const { announce, touch } = useWorkspace();
  const [editing, setEditing] = useState(false);
  const entry = 'exhibitNo' in note ? note : null;
  const where = `${entry ? `${entry.exhibitNo} ` : ''}p. ${note.page}`;
  const label = `${kindOf(note)} on ${where}${note.author ? ` by ${note.author}` : ''}`;

  async function remove() {
    try {
      await api.removeAnnotation({ id: note.id, ...authorArg() });
      const what = note.rects.length > 0 ? 'Highlight' : 'Note';
      announce(`Deleted the ${what.toLowerCase()} on ${where}.`);
      showUndo(`${what} deleted`, async () => {
        await api.restoreAnnotation({ id: note.id, ...authorArg() });
        announce(`${what} on ${where} restored.`);
        touch();
      });
      touch();
    } catch (e) {
      announce((e as Error).message);
    }
  }

  return (
    <article className="note-card" aria-label={label} style={{ ['--note-colour' as string]: note.color }}>
      <header className="note-head">
        {onOpen ? (
          <button type="button" className="cite" onClick={onOpen} title={entry ? entry.title : undefined}>
            {where}
          </button>
        ) : (
          <span className="note-where num">{where}</span>
        )}
        <span className="note-kind">{kindOf(note)}</span>
        <span className="note-by truncate">
          {note.author ?? 'Author not recorded'} · {formatDate(note.updatedAt ?? note.createdAt)}
          {note.updatedAt ? ' (edited)' : ''}
        </span>
        {!editing && (
          <span className="note-actions">
            <button type="button" className="icon-button small" aria-label="Edit note" title="Edit note" onClick={() => setEditing(true)}>
              <Icon name="highlight" size={13} />
            </button>
            <button type="button" className="icon-button small" aria-label="Delete note" title="Delete note" onClick={() => void remove()}>
              <Icon name="close" size={13} />
            </button>
          </span>
        )}
      </header>
      {entry && <p className="note-title muted truncate">{entry.title}</p>}
      {note.quote && <blockquote className="note-quote">“{note.quote}”</blockquote>}
      {editing ? (
        <NoteEditor note={note} onDone={() => setEditing(false)} />
      ) : (
        note.note && <p className="note-text">{note.note}</p>
      )}
      {entry && entry.paragraphs.length > 0 && (
        <p className="note-paragraphs muted">Linked to {entry.paragraphs.map((n) => `¶ ${n}`).join(', ')}</p>
      )}
    </article>
  );
}

function NoteEditor({ note, onDone }: { note: Annotation; onDone: () => void }) {
  const { announce, touch } = useWorkspace();
  const [text, setText] = useState(note.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function save() {
    if (text.trim() === (note.note ?? '')) return onDone();
    setSaving(true);
    try {
      // Made from the note as it was shown: refused if someone changed it meanwhile.
      await api.editAnnotation({ id: note.id, note: text, expected: { note: note.note }, ...authorArg() });
      announce(`Saved the note on page ${note.page}.`);
      touch();
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  }

  return (
    <form
      className="note-editor"
      aria-label="Edit note"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span className="visually-hidden">Note</span>
        <textarea
          ref={input}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onDone();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
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
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary small" disabled={saving}>
          Save note
        </button>
      </div>
    </form>
  );
}
