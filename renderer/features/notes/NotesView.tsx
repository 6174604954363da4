// The Notes tab: every note and highlight in the case, in exhibit order, filtered by author, exhibit and the paragraph
// they bear on; each opens its page, and is edited or deleted in place.
import { useEffect, useMemo, useState } from 'react';
import { idRef } from '../../../shared/model.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { plural } from '../../components/format.ts';
import { useAuthor } from './author.ts';
import { NoteCard } from './NoteCard.tsx';
import { useNotes, type NoteFilters } from './use-notes.ts';

export function NotesView({ onCount }: { onCount?: (count: number) => void }) {
  const { openExhibit, allegations } = useWorkspace();
  const author = useAuthor();
  const [filters, setFilters] = useState<NoteFilters>({});
  const { notes, everyNote, users, error } = useNotes(filters);

  useEffect(() => onCount?.(everyNote.length), [everyNote.length, onCount]);

  // The exhibits that have notes, in the order the list shows them.
  const exhibits = useMemo(() => {
    const seen = new Map<number, string>();
    for (const n of everyNote) if (!seen.has(n.exhibitId)) seen.set(n.exhibitId, n.exhibitNo);
    return [...seen];
  }, [everyNote]);

  const set = <K extends keyof NoteFilters>(k: K, v: NoteFilters[K] | undefined) =>
    setFilters((f) => {
      const next = { ...f };
      if (v === undefined) delete next[k];
      else next[k] = v;
      return next;
    });

  return (
    <div className="notes-view">
      <search className="filter-bar notes-filters" aria-label="Filter notes">
        <label className="filter">
          <span className="visually-hidden">Author</span>
          <select aria-label="Author" value={filters.author ?? ''} onChange={(e) => set('author', e.target.value || undefined)}>
            <option value="">Every author</option>
            {users.map((u) => (
              <option key={u.id} value={u.name}>
                {u.name} ({u.notes})
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="visually-hidden">Exhibit</span>
          <select aria-label="Exhibit" value={filters.exhibit ?? ''} onChange={(e) => set('exhibit', e.target.value || undefined)}>
            <option value="">Every exhibit</option>
            {exhibits.map(([id, no]) => (
              <option key={id} value={idRef(id)}>
                {no}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="visually-hidden">Paragraph</span>
          <select aria-label="Paragraph" value={filters.paragraph ?? ''} onChange={(e) => set('paragraph', e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">Any ¶</option>
            {(allegations?.paragraphs ?? []).map((p) => (
              <option key={p.id} value={p.number}>
                ¶ {p.number}
              </option>
            ))}
          </select>
        </label>
        {Object.keys(filters).length > 0 && (
          <button type="button" className="text-button" onClick={() => setFilters({})}>
            Clear
          </button>
        )}
        <span className="notes-count muted" aria-live="polite">
          {notes ? plural(notes.length, 'note') : ''}
        </span>
        <span className="notes-author muted">{author ? `You write as ${author}` : 'You will be asked your name with your first note'}</span>
      </search>
      {error && (
        <p role="alert" className="form-error notes-error">
          {error}
        </p>
      )}
      <section className="notes-list" aria-label="Notes" aria-busy={notes === null}>
        {notes !== null && notes.length === 0 ? (
          <div className="pane-empty centered">
            {Object.keys(filters).length > 0
              ? 'No note matches these filters.'
              : 'No notes yet. Highlight a passage in the viewer, or add a note to a page with “Add note”.'}
          </div>
        ) : (
          <ol>
            {(notes ?? []).map((n) => (
              <li key={n.id}>
                <NoteCard note={n} onOpen={() => openExhibit({ exhibitId: n.exhibitId, page: n.page })} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
