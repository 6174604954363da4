// Beside the page: the document's notes and highlights, this page's first, each editable and deletable in place.
import { useMemo } from 'react';
import type { Annotation } from '../../../shared/model.ts';
import { Icon } from '../../components/Icon.tsx';
import { NoteCard } from '../notes/NoteCard.tsx';

interface DocumentNotesProps {
  annotations: readonly Annotation[];
  page: number;
  onGoTo: (page: number) => void;
  onClose: () => void;
}

export function DocumentNotes({ annotations, page, onGoTo, onClose }: DocumentNotesProps) {
  const [here, elsewhere] = useMemo(() => [annotations.filter((a) => a.page === page), annotations.filter((a) => a.page !== page)], [annotations, page]);
  return (
    <aside className="document-notes" aria-label="Notes on this document">
      <header className="document-notes-head">
        <h3>Notes</h3>
        <button type="button" className="icon-button small" aria-label="Close notes" onClick={onClose}>
          <Icon name="close" size={13} />
        </button>
      </header>
      <div className="document-notes-body">
        {annotations.length === 0 && <p className="muted">No notes yet. Select text and press H, or press N for a note on the page.</p>}
        {here.length > 0 && <h4>This page</h4>}
        {here.map((a) => (
          <NoteCard key={a.id} note={a} />
        ))}
        {elsewhere.length > 0 && <h4>Other pages</h4>}
        {elsewhere.map((a) => (
          <NoteCard key={a.id} note={a} onOpen={() => onGoTo(a.page)} />
        ))}
      </div>
    </aside>
  );
}
