// The PDF viewer's toolbar: thumbnails, page navigation, zoom, find in document, search terms, highlight, page notes,
// the document's notes, redact.
import { useEffect, useState, type RefObject } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { RedactToggle } from '../redaction/RedactBar.tsx';
import type { Find } from './use-find.ts';
import type { Zoom } from './zoom.ts';

const ZOOM_CHOICES = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface ViewerToolbarProps {
  thumbs: boolean;
  onThumbs: () => void;
  page: number;
  total: number;
  goTo: (page: number) => void;
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  onZoomStep: (by: 1 | -1) => void;
  find: Find;
  findInput: RefObject<HTMLInputElement | null>;
  terms: readonly string[];
  onClearTerms: () => void;
  canHighlight: boolean;
  onHighlight: () => void;
  /** Escape in the find box: back to the page, the match kept (Shift+arrows select from it, H highlights it). */
  onFindDone: () => void;
  onAddNote: () => void;
  notesOpen: boolean;
  noteCount: number;
  onNotes: () => void;
  redacting: boolean;
  onRedactMode: () => void;
}

export function ViewerToolbar(props: ViewerToolbarProps) {
  const { page, total, goTo, zoom, find, terms } = props;
  const [pageInput, setPageInput] = useState(String(page));
  useEffect(() => setPageInput(String(page)), [page]);
  const zoomValue = typeof zoom === 'number' ? String(zoom) : zoom;

  return (
    <div role="toolbar" aria-label="Document tools" className="viewer-toolbar">
      <button type="button" className="icon-button" aria-label="Page thumbnails" aria-pressed={props.thumbs} onClick={props.onThumbs}>
        <Icon name="thumbnails" />
      </button>
      <span className="toolbar-divider" />
      <button type="button" className="icon-button" aria-label="Previous page" disabled={page <= 1} onClick={() => goTo(page - 1)}>
        <Icon name="chevronLeft" />
      </button>
      <form
        className="page-jump"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(pageInput);
          if (Number.isFinite(n)) goTo(n);
        }}
      >
        <input
          aria-label="Page number"
          className="num"
          inputMode="numeric"
          value={pageInput}
          onChange={(e) => setPageInput(e.target.value)}
          onBlur={() => setPageInput(String(page))}
          size={String(total).length + 1}
        />
        <span className="muted num">/ {total}</span>
      </form>
      <button type="button" className="icon-button" aria-label="Next page" disabled={page >= total} onClick={() => goTo(page + 1)}>
        <Icon name="chevronRight" />
      </button>
      <span className="toolbar-divider" />
      <button type="button" className="icon-button zoom-step" aria-label="Zoom out" onClick={() => props.onZoomStep(-1)}>
        <Icon name="zoomOut" />
      </button>
      <select
        aria-label="Zoom"
        className="zoom-select"
        value={zoomValue}
        onChange={(e) => props.onZoom(e.target.value === 'fit-width' || e.target.value === 'fit-page' ? e.target.value : Number(e.target.value))}
      >
        <option value="fit-width">Fit width</option>
        <option value="fit-page">Fit page</option>
        {typeof zoom === 'number' && !ZOOM_CHOICES.includes(zoom) && <option value={zoomValue}>{Math.round(zoom * 100)}%</option>}
        {ZOOM_CHOICES.map((z) => (
          <option key={z} value={String(z)}>
            {z * 100}%
          </option>
        ))}
      </select>
      <button type="button" className="icon-button zoom-step" aria-label="Zoom in" onClick={() => props.onZoomStep(1)}>
        <Icon name="zoomIn" />
      </button>
      <span className="toolbar-divider" />
      <div className="find">
        <Icon name="search" size={14} className="find-icon" />
        <input
          ref={props.findInput}
          type="search"
          aria-label="Find in document"
          placeholder="Find in document"
          value={find.query}
          onChange={(e) => find.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find.step(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape' && find.query) {
              e.preventDefault();
              e.stopPropagation();
              props.onFindDone();
            }
          }}
        />
        {find.query.trim() !== '' && (
          <>
            <span className="find-count num" aria-live="polite">
              {find.matches === null ? '…' : find.matches.length === 0 ? 'No matches' : `${find.current + 1} of ${find.matches.length}`}
            </span>
            <button type="button" className="icon-button small" aria-label="Previous match" onClick={() => find.step(-1)}>
              <Icon name="chevronUp" size={14} />
            </button>
            <button type="button" className="icon-button small" aria-label="Next match" onClick={() => find.step(1)}>
              <Icon name="chevronDown" size={14} />
            </button>
          </>
        )}
      </div>
      <span className="toolbar-spacer" />
      {terms.length > 0 && (
        <span className="terms-chip" title="Terms from the search hit">
          <mark>{terms.join(', ')}</mark>
          <button type="button" className="icon-button small" aria-label="Stop highlighting search terms" onClick={props.onClearTerms}>
            <Icon name="close" size={12} />
          </button>
        </span>
      )}
      <button
        type="button"
        className="button primary small"
        disabled={!props.canHighlight}
        // Keeps the text selection on the page when the button is pressed.
        onMouseDown={(e) => e.preventDefault()}
        onClick={props.onHighlight}
        title="Select text on the page (with the mouse, or Shift+arrows), or find it, first (H)"
      >
        <Icon name="highlight" size={15} />
        <span className="toolbar-label">Highlight selection</span>
      </button>
      <button type="button" className="icon-button" aria-label="Add note to this page" title="Add a note to this page, no text selected (N)" onClick={props.onAddNote}>
        <Icon name="note" />
      </button>
      <button
        type="button"
        className="icon-button notes-toggle"
        aria-pressed={props.notesOpen}
        title="Notes and highlights on this document"
        onClick={props.onNotes}
      >
        <Icon name="text" />
        <span className="visually-hidden">Notes on this document</span>
        {props.noteCount > 0 && <span className="notes-toggle-count num">{props.noteCount}</span>}
      </button>
      <RedactToggle on={props.redacting} onToggle={props.onRedactMode} />
    </div>
  );
}
