// A picture exhibit, page by page: a picture the browser draws itself (PNG, JPEG, GIF, WebP, BMP, one page) is shown
// from its original; any other (TIFF, HEIC) and every page of a multi-page TIFF as the core renders it, upright. Its
// redactions lie over it, and in redact mode boxes are drawn on it.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { idRef, type Exhibit, type Rect, type Redaction } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { RedactBar, RedactToggle } from '../redaction/RedactBar.tsx';
import type { RedactionDraft } from '../redaction/RedactionDialog.tsx';
import { WHOLE_PAGE } from '../redaction/redaction-geometry.ts';
import { RedactionLayer } from '../redaction/RedactionLayer.tsx';
import { draftOf, useRedactMode } from '../redaction/use-redact-mode.ts';
import { useOriginalBlobUrl } from './use-original-blob.ts';

const BROWSER_DRAWS = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

interface PictureViewerProps {
  exhibit: Exhibit;
  redactions: readonly Redaction[];
  onRedact: (draft: RedactionDraft) => void;
}

/** What a picture page needs to show its redactions and take new boxes. */
interface Overlay {
  redactions: readonly Redaction[];
  drawing: boolean;
  onDrawn: (page: number, rect: Rect) => void;
}

export function PictureViewer({ exhibit, redactions, onRedact }: PictureViewerProps) {
  const { findAndRedact } = useWorkspace();
  const redact = useRedactMode();
  const pages = Math.max(1, exhibit.pages ?? 1);
  const [page, setPage] = useState(1);
  const overlay: Overlay = {
    redactions,
    drawing: redact.on,
    onDrawn: useCallback((p: number, rect: Rect) => onRedact(draftOf(exhibit, p, [rect])), [onRedact, exhibit]),
  };

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) return;
    if (e.key === 'r') {
      e.preventDefault();
      redact.toggle();
    } else if (e.key === 'Escape' && redact.on) {
      e.preventDefault();
      redact.leave();
    }
  }

  return (
    <div className="picture-viewer" onKeyDown={onKeyDown}>
      <div role="toolbar" aria-label="Picture tools" className="viewer-toolbar">
        <span className="toolbar-spacer" />
        <RedactToggle on={redact.on} onToggle={redact.toggle} />
      </div>
      {redact.on && (
        <RedactBar
          tool="box"
          onTool={() => {}}
          canSelectText={false}
          hasSelection={false}
          onRedactSelection={() => {}}
          onWholePage={() => onRedact(draftOf(exhibit, page, [WHOLE_PAGE]))}
          onFindAndRedact={() => findAndRedact([exhibit.id])}
          onDone={redact.leave}
        />
      )}
      {pages === 1 && BROWSER_DRAWS.has(exhibit.mediaType) ? (
        <OriginalPicture exhibit={exhibit} overlay={overlay} />
      ) : (
        <RenderedPicture key={exhibit.id} exhibit={exhibit} pages={pages} page={page} setPage={setPage} overlay={overlay} />
      )}
    </div>
  );
}

function OriginalPicture({ exhibit, overlay }: { exhibit: Exhibit; overlay: Overlay }) {
  const { url, error } = useOriginalBlobUrl(exhibit.sha256);
  return (
    <div className="image-view" tabIndex={0} aria-label={`${exhibit.exhibitNo} picture`}>
      {url && <PictureWithRedactions src={url} alt={exhibit.title} page={1} overlay={overlay} />}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

interface RenderedPictureProps {
  exhibit: Exhibit;
  pages: number;
  page: number;
  setPage: (update: (page: number) => number) => void;
  overlay: Overlay;
}

function RenderedPicture({ exhibit, pages, page, setPage, overlay }: RenderedPictureProps) {
  const [shown, setShown] = useState<{ page: number; src: string } | { page: number; error: string } | null>(null);

  useEffect(() => {
    let live = true;
    api.picturePage({ exhibit: idRef(exhibit.id), page }).then(
      (r) => live && setShown({ page, src: `data:image/png;base64,${r.png}` }),
      (e: unknown) => live && setShown({ page, error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [exhibit.id, page]);

  return (
    <div className="image-view picture-pages" tabIndex={0} aria-label={`${exhibit.exhibitNo} picture`}>
      {pages > 1 && (
        <nav className="picture-pager" aria-label="Picture pages">
          <button type="button" className="button small" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page === 1}>
            Previous page
          </button>
          <span className="num" aria-live="polite">
            Page {page} of {pages}
          </span>
          <button type="button" className="button small" onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={page === pages}>
            Next page
          </button>
        </nav>
      )}
      {shown && 'src' in shown && <PictureWithRedactions src={shown.src} alt={`${exhibit.title}, page ${shown.page} of ${pages}`} page={shown.page} overlay={overlay} />}
      {shown && 'error' in shown && <p role="alert">{shown.error}</p>}
      {!shown && <p className="muted">Drawing page {page}…</p>}
    </div>
  );
}

/** The picture, with its page's redactions laid exactly over it wherever the layout puts it and at whatever size. */
function PictureWithRedactions({ src, alt, page, overlay }: { src: string; alt: string; page: number; overlay: Overlay }) {
  const img = useRef<HTMLImageElement>(null);
  const [box, setBox] = useState<{ left: number; top: number; width: number; height: number } | null>(null);
  const measure = useCallback(() => {
    const el = img.current;
    if (el && el.complete && el.naturalWidth > 0) setBox({ left: el.offsetLeft, top: el.offsetTop, width: el.offsetWidth, height: el.offsetHeight });
  }, []);
  useLayoutEffect(() => {
    const el = img.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, [measure, src]);

  const { onDrawn } = overlay;
  const drawn = useCallback((rect: Rect) => onDrawn(page, rect), [onDrawn, page]);
  return (
    <>
      <img ref={img} src={src} alt={alt} onLoad={measure} />
      {box && (
        <div className="picture-overlay" style={box}>
          <RedactionLayer redactions={overlay.redactions.filter((r) => r.page === page)} rotation={0} drawing={overlay.drawing} onDrawn={drawn} />
        </div>
      )}
    </>
  );
}
