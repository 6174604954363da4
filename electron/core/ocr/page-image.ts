// Renders a page of a PDF (at about 300 dpi) or of a picture (at its own resolution, upright) to a PNG for OCR, with a
// cap on pixels so a huge page cannot exhaust memory.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Picture } from '../pictures/picture.ts';

const DPI = 300;
// About 16 million pixels (64 MB as RGBA): a US Letter page at 300 dpi is 8.4 million.
export const MAX_PIXELS = 16_000_000;

/** pdf.js's own canvas maker in Node (backed by @napi-rs/canvas), which its documents carry. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(mime: 'image/png'): Buffer }; context: unknown };
  destroy(canvasAndContext: unknown): void;
}

/** The page (1-based) as a PNG, upright as a reader sees it, on white. */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number): Promise<Buffer> {
  const page = await doc.getPage(pageNumber);
  try {
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / (natural.width * natural.height)));
    const viewport = page.getViewport({ scale });
    const factory = doc.canvasFactory as CanvasFactory;
    const target = factory.create(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)));
    try {
      await page.render({ canvasContext: target.context as never, canvas: null, viewport, background: 'white' }).promise;
      return target.canvas.toBuffer('image/png');
    } finally {
      factory.destroy(target);
    }
  } finally {
    page.cleanup();
  }
}

/** Page `pageNumber` (1-based) of a picture as a PNG, upright as its orientation says, under the same pixel cap. */
export async function renderPicturePage(picture: Picture, pageNumber: number): Promise<Buffer> {
  const { canvas } = await picture.render(pageNumber - 1, MAX_PIXELS);
  return canvas.toBuffer('image/png');
}
