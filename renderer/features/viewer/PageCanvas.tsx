// One page of a PDF drawn small at a fixed width (thumbnails, export previews); sharp on high-density screens.
import type { PDFDocumentProxy } from 'pdfjs-dist/build/pdf.mjs';
import { memo, useEffect, useRef } from 'react';

interface PageCanvasProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  width: number;
  maxHeight?: number;
  /** Names the picture for screen readers; without it the canvas is decoration beside a label of its own. */
  label?: string;
}

export const PageCanvas = memo(function PageCanvas({ doc, pageNumber, width, maxHeight, label }: PageCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancel = () => {};
    let live = true;
    // A document closed while its pages were still being drawn refuses further calls: nothing more to draw then.
    void Promise.resolve()
      .then(() => doc.getPage(pageNumber))
      .then((page) => {
        const canvas = canvasRef.current;
        if (!live || !canvas) return;
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        const context = canvas.getContext('2d');
        if (!context) return;
        const task = page.render({ canvas, canvasContext: context, viewport });
        cancel = () => task.cancel();
        task.promise.catch(() => {});
      })
      .catch(() => {});
    return () => {
      live = false;
      cancel();
    };
  }, [doc, pageNumber, width]);
  const style = { width, maxHeight };
  return label ? <canvas ref={canvasRef} style={style} role="img" aria-label={label} /> : <canvas ref={canvasRef} style={style} aria-hidden="true" />;
});
