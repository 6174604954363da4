// The page thumbnails beside a PDF: virtualized, each drawn small when it scrolls into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PDFDocumentProxy } from 'pdfjs-dist/build/pdf.mjs';
import { useEffect, useRef } from 'react';
import { PageCanvas } from './PageCanvas.tsx';

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
                <PageCanvas doc={doc} pageNumber={n} width={THUMB_WIDTH} maxHeight={Math.round(THUMB_WIDTH * aspect)} />
                <span className="num">{n}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
