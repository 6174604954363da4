// The page thumbnails beside a PDF: virtualized, each drawn small when it scrolls into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PDFDocumentProxy } from 'pdfjs-dist/build/pdf.mjs';
import { memo, useEffect, useRef } from 'react';

const THUMB_WIDTH = 96;

interface ThumbnailsProps {
  doc: PDFDocumentProxy;
  current: number;
  aspect: number; // height / width of the first page
  onChoose: (page: number) => void;
}

export function Thumbnails({ doc, current, aspect, onChoose }: ThumbnailsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const itemHeight = Math.round(THUMB_WIDTH * aspect) + 34;
  const virtualizer = useVirtualizer({
    count: doc.numPages,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => itemHeight,
    overscan: 3,
  });

  useEffect(() => {
    virtualizer.scrollToIndex(current - 1, { align: 'auto' });
  }, [current, virtualizer]);

  return (
    <nav ref={scrollRef} className="thumbnails" aria-label="Pages">
      <ol style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const n = item.index + 1;
          return (
            <li key={n} style={{ transform: `translateY(${item.start}px)`, height: itemHeight }}>
              <button
                type="button"
                className="thumbnail"
                aria-label={`Page ${n}`}
                aria-current={n === current ? 'page' : undefined}
                onClick={() => onChoose(n)}
              >
                <Thumbnail doc={doc} pageNumber={n} height={Math.round(THUMB_WIDTH * aspect)} />
                <span className="num">{n}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

const Thumbnail = memo(function Thumbnail({ doc, pageNumber, height }: { doc: PDFDocumentProxy; pageNumber: number; height: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancel = () => {};
    let live = true;
    void doc.getPage(pageNumber).then((page) => {
      const canvas = canvasRef.current;
      if (!live || !canvas) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (THUMB_WIDTH / page.getViewport({ scale: 1 }).width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const context = canvas.getContext('2d');
      if (!context) return;
      const task = page.render({ canvas, canvasContext: context, viewport });
      cancel = () => task.cancel();
      task.promise.catch(() => {});
    });
    return () => {
      live = false;
      cancel();
    };
  }, [doc, pageNumber]);
  return <canvas ref={canvasRef} style={{ width: THUMB_WIDTH, maxHeight: height }} aria-hidden="true" />;
});
