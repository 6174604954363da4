// A PDF exhibit: toolbar (pages, zoom, find, highlight, redact), thumbnails, and the current page with its text layer.
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/build/pdf.mjs';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Annotation, Exhibit, Rect, Redaction } from '../../../shared/model.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatBytes } from '../../components/format.ts';
import { RedactBar } from '../redaction/RedactBar.tsx';
import type { RedactionDraft } from '../redaction/RedactionDialog.tsx';
import { pdfFrame, screenToFraction, WHOLE_PAGE } from '../redaction/redaction-geometry.ts';
import { draftOf, useRedactMode } from '../redaction/use-redact-mode.ts';
import { DocumentNotes } from './DocumentNotes.tsx';
import { HighlightDialog } from './HighlightDialog.tsx';
import { currentMatchMarks, extendSelection, isSelectionKey, rangeOverMarks } from './keyboard-selection.ts';
import { toScreenRect } from './page-geometry.ts';
import { openPdf } from './pdf-document.ts';
import { PdfPage } from './PdfPage.tsx';
import { termsPattern } from './text-marks.ts';
import { Thumbnails } from './Thumbnails.tsx';
import { useFind } from './use-find.ts';
import { ViewerToolbar } from './ViewerToolbar.tsx';
import { passageOf, usePassageSelection, type Passage } from './use-passage-selection.ts';
import { takeFocus } from './viewer-focus.ts';
import { scaleFor, stepZoom, type Zoom } from './zoom.ts';

export interface ViewTarget {
  page: number | null;
  terms: string[];
  nonce: number;
  /** Put the keyboard in the document once it is shown (it was opened by the user, not shown again). */
  focus: boolean;
}

interface PdfViewerProps {
  exhibit: Exhibit;
  target: ViewTarget;
  annotations: readonly Annotation[];
  redactions: readonly Redaction[];
  defaultParagraph: number | null;
  /** Opens the reason dialog for a box drawn or a passage selected. */
  onRedact: (draft: RedactionDraft) => void;
  /** The page being read, as it changes. */
  onPage?: (page: number) => void;
  /** Asks for a note on a page, with no passage selected. */
  onAddNote: (page: number) => void;
}

type Loading = { state: 'loading'; loaded: number; total: number } | { state: 'ready'; doc: PDFDocumentProxy } | { state: 'failed'; message: string };

export function PdfViewer(props: PdfViewerProps) {
  const { exhibit } = props;
  const [loading, setLoading] = useState<Loading>({ state: 'loading', loaded: 0, total: exhibit.bytes });

  useEffect(() => {
    const abort = new AbortController();
    let close = () => {};
    setLoading({ state: 'loading', loaded: 0, total: exhibit.bytes });
    openPdf(exhibit.sha256, abort.signal, (loaded, total) => setLoading({ state: 'loading', loaded, total })).then(
      (pdf) => {
        close = pdf.close;
        if (abort.signal.aborted) pdf.close();
        else setLoading({ state: 'ready', doc: pdf.doc });
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setLoading({ state: 'failed', message: (e as Error).message });
      },
    );
    return () => {
      abort.abort();
      close();
    };
  }, [exhibit.sha256, exhibit.bytes]);

  if (loading.state === 'loading') {
    return (
      <div className="viewer-message">
        <p>Opening {exhibit.exhibitNo}…</p>
        <ProgressBar
          label={`Opening ${exhibit.exhibitNo}`}
          value={loading.loaded}
          max={loading.total}
          valueText={`${formatBytes(loading.loaded)} of ${formatBytes(loading.total)}`}
        />
      </div>
    );
  }
  if (loading.state === 'failed') {
    return (
      <div className="viewer-message">
        <Icon name="alert" size={22} />
        <p>{loading.message}</p>
      </div>
    );
  }
  return <LoadedPdf key={exhibit.sha256} doc={loading.doc} {...props} />;
}

function LoadedPdf({ doc, exhibit, target, annotations, redactions, defaultParagraph, onRedact, onPage, onAddNote }: PdfViewerProps & { doc: PDFDocumentProxy }) {
  const { findAndRedact } = useWorkspace();
  const redact = useRedactMode();
  const total = doc.numPages;
  const clampPage = useCallback((n: number) => Math.max(1, Math.min(total, Math.round(n))), [total]);
  const [page, setPage] = useState(() => clampPage(target.page ?? 1));
  const [terms, setTerms] = useState<string[]>(target.terms);
  const [zoom, setZoom] = useState<Zoom>('fit-width');
  const [thumbs, setThumbs] = useState(true);
  const [notesOpen, setNotesOpen] = useState(false);
  const [proxy, setProxy] = useState<PDFPageProxy | null>(null);
  const [firstPage, setFirstPage] = useState<{ width: number; height: number } | null>(null);
  const [space, setSpace] = useState({ width: 800, height: 700 });
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  // The passage and the exhibit it was selected on, fixed when the dialog opens: its note and link go to that exhibit.
  const [highlighting, setHighlighting] = useState<{ passage: Passage; exhibit: Exhibit } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);

  // Only a new opening (a new nonce) moves the viewer: the page being read is written back into the target meanwhile
  // (for Back and for the tab shown again), and must not bring back search terms the reader put away.
  const opening = useRef(target);
  opening.current = target;
  useEffect(() => {
    setPage(clampPage(opening.current.page ?? 1));
    setTerms(opening.current.terms);
  }, [target.nonce, clampPage]);

  useEffect(() => {
    if (takeFocus(target)) scroller.current?.focus({ preventScroll: true });
  }, [target]);

  useEffect(() => onPage?.(page), [page, onPage]);

  useEffect(() => {
    // A document closed meanwhile (its tab closed) refuses further calls: nothing to show then.
    doc.getPage(1).then(
      (p) => {
        const v = p.getViewport({ scale: 1 });
        setFirstPage({ width: v.width, height: v.height });
      },
      () => {},
    );
  }, [doc]);

  useEffect(() => {
    let live = true;
    doc.getPage(page).then(
      (p) => live && setProxy(p),
      () => {},
    );
    scroller.current?.scrollTo({ top: 0 });
    return () => {
      live = false;
    };
  }, [doc, page]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSpace({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const goTo = useCallback((n: number) => setPage(clampPage(n)), [clampPage]);
  const find = useFind(doc, page, goTo);
  const passage = usePassageSelection(pageRef, viewport, page);
  const termPattern = useMemo(() => termsPattern(terms), [terms]);

  const pageSize = proxy ? proxy.getViewport({ scale: 1 }) : firstPage;
  const scale = pageSize ? scaleFor(zoom, pageSize, space) : 1;
  const findMatch = find.matches && find.current >= 0 ? find.matches[find.current] : undefined;
  const pageAnnotations = useMemo(() => annotations.filter((a) => a.page === page), [annotations, page]);
  // The page drawn (which follows `page` a moment later): a box goes on the page it was drawn over.
  const shownPage = proxy?.pageNumber ?? page;
  const pageRedactions = useMemo(() => redactions.filter((r) => r.page === shownPage), [redactions, shownPage]);
  const onDrawn = useCallback((rect: Rect) => onRedact(draftOf(exhibit, shownPage, [rect])), [onRedact, exhibit, shownPage]);

  // The selection's rectangles are in PDF points (as highlights are); a redaction wants fractions of the upright page.
  const redactSelection = () => {
    if (!passage || !viewport || !proxy || passage.page !== proxy.pageNumber) return;
    const frame = pdfFrame(viewport, proxy.rotate);
    onRedact(draftOf(exhibit, passage.page, passage.rects.map((r) => screenToFraction(toScreenRect(r, viewport), frame)), passage.quote));
  };

  const zoomBy = (by: 1 | -1) => setZoom(stepZoom(scale, by));

  // The current find match on this page, as a passage: what H highlights when nothing is selected.
  const matchPassage = (): Passage | null => {
    const element = pageRef.current;
    const layer = element?.querySelector<HTMLElement>('.textLayer');
    if (!element || !layer || !viewport || !proxy) return null;
    const range = rangeOverMarks(currentMatchMarks(layer));
    return range ? passageOf(range, element, viewport, proxy.pageNumber) : null;
  };
  // The selection as it is at this moment: the hook's copy is refreshed a frame after the selection moves, so a key
  // pressed right after Shift+arrow would otherwise highlight the passage as it was before.
  const selectedPassage = (): Passage | null => {
    const selection = document.getSelection();
    const element = pageRef.current;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !element || !viewport || !proxy) return null;
    return passageOf(selection.getRangeAt(0), element, viewport, proxy.pageNumber);
  };
  const highlight = () => {
    const p = selectedPassage() ?? passage ?? matchPassage();
    if (p) setHighlighting({ passage: p, exhibit });
    return p !== null;
  };

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select') !== null;
    if ((e.ctrlKey || e.metaKey) && e.key === 'f') {
      e.preventDefault();
      findInput.current?.focus();
      findInput.current?.select();
      return;
    }
    if (typing || e.altKey) return;
    const handled = (fn: () => void) => {
      e.preventDefault();
      fn();
    };
    if (e.shiftKey && !e.ctrlKey && !e.metaKey && isSelectionKey(e.key)) {
      const layer = pageRef.current?.querySelector<HTMLElement>('.textLayer');
      if (layer && extendSelection(layer, e.key)) e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      if (e.key === '=' || e.key === '+') handled(() => zoomBy(1));
      else if (e.key === '-') handled(() => zoomBy(-1));
      else if (e.key === '0') handled(() => setZoom('fit-width'));
      return;
    }
    switch (e.key) {
      case 'PageDown':
      case 'ArrowRight':
        return handled(() => goTo(page + 1));
      case 'PageUp':
      case 'ArrowLeft':
        return handled(() => goTo(page - 1));
      case 'Home':
        return handled(() => goTo(1));
      case 'End':
        return handled(() => goTo(total));
      case '+':
      case '=':
        return handled(() => zoomBy(1));
      case '-':
        return handled(() => zoomBy(-1));
      case '0':
        return handled(() => setZoom('fit-width'));
      case 'h':
        if (highlight()) e.preventDefault();
        return;
      case 'n':
        return handled(() => onAddNote(shownPage));
      case 'r':
        return handled(redact.toggle);
      case 'Escape':
        if (redact.on) handled(redact.leave);
        else if (find.query) handled(() => find.setQuery(''));
        return;
    }
  }

  return (
    <div className="pdf-viewer" onKeyDown={onKeyDown}>
      <ViewerToolbar
        thumbs={thumbs}
        onThumbs={() => setThumbs(!thumbs)}
        page={page}
        total={total}
        goTo={(n) => {
          goTo(n);
          scroller.current?.focus();
        }}
        zoom={zoom}
        onZoom={setZoom}
        onZoomStep={zoomBy}
        find={find}
        findInput={findInput}
        terms={terms}
        onClearTerms={() => setTerms([])}
        canHighlight={passage !== null || findMatch?.page === page}
        onHighlight={highlight}
        onFindDone={() => scroller.current?.focus({ preventScroll: true })}
        onAddNote={() => onAddNote(shownPage)}
        notesOpen={notesOpen}
        noteCount={annotations.length}
        onNotes={() => setNotesOpen(!notesOpen)}
        redacting={redact.on}
        onRedactMode={redact.toggle}
      />
      {redact.on && (
        <RedactBar
          tool={redact.tool}
          onTool={redact.setTool}
          canSelectText
          hasSelection={passage !== null}
          onRedactSelection={redactSelection}
          onWholePage={() => onRedact(draftOf(exhibit, shownPage, [WHOLE_PAGE]))}
          onFindAndRedact={() => findAndRedact([exhibit.id])}
          onDone={redact.leave}
        />
      )}
      <div className="viewer-body">
        {thumbs && firstPage && <Thumbnails doc={doc} current={page} aspect={firstPage.height / firstPage.width} onChoose={goTo} />}
        <div ref={scroller} className="page-scroller" tabIndex={0} aria-label={`Page ${page} of ${total}`}>
          {proxy && (
            <PdfPage
              page={proxy}
              scale={scale}
              termPattern={termPattern}
              findPattern={find.pattern}
              findCurrent={findMatch && findMatch.page === page ? findMatch.index : -1}
              annotations={pageAnnotations}
              redactions={pageRedactions}
              drawing={redact.on && redact.tool === 'box'}
              onDrawn={onDrawn}
              pageRef={pageRef}
              onViewport={setViewport}
            />
          )}
        </div>
        {notesOpen && <DocumentNotes annotations={annotations} page={page} onGoTo={goTo} onClose={() => setNotesOpen(false)} />}
        <p className="page-status num" role="status">
          Page {page} of {total}
          <span className="muted"> · {Math.round(scale * 100)}%</span>
        </p>
      </div>
      <HighlightDialog passage={highlighting?.passage ?? null} exhibit={highlighting?.exhibit ?? exhibit} defaultParagraph={defaultParagraph} onClose={() => setHighlighting(null)} />
    </div>
  );
}
