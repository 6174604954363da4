// A picture exhibit, page by page: a picture the browser draws itself (PNG, JPEG, GIF, WebP, BMP, one page) is shown
// from its original; any other (TIFF, HEIC) and every page of a multi-page TIFF as the core renders it, upright.
import { useEffect, useState } from 'react';
import { idRef, type Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useOriginalBlobUrl } from './use-original-blob.ts';

const BROWSER_DRAWS = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

export function PictureViewer({ exhibit }: { exhibit: Exhibit }) {
  const pages = Math.max(1, exhibit.pages ?? 1);
  if (pages === 1 && BROWSER_DRAWS.has(exhibit.mediaType)) return <OriginalPicture exhibit={exhibit} />;
  return <RenderedPicture key={exhibit.id} exhibit={exhibit} pages={pages} />;
}

function OriginalPicture({ exhibit }: { exhibit: Exhibit }) {
  const { url, error } = useOriginalBlobUrl(exhibit.sha256);
  return (
    <div className="image-view">
      {url && <img src={url} alt={exhibit.title} />}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

function RenderedPicture({ exhibit, pages }: { exhibit: Exhibit; pages: number }) {
  const [page, setPage] = useState(1);
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
    <div className="image-view picture-pages">
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
      {shown && 'src' in shown && <img src={shown.src} alt={`${exhibit.title}, page ${shown.page} of ${pages}`} />}
      {shown && 'error' in shown && <p role="alert">{shown.error}</p>}
      {!shown && <p className="muted">Drawing page {page}…</p>}
    </div>
  );
}
