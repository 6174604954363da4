// A page with accepted redactions, as exports print it. The page is drawn as a picture (PDFium for a PDF page, the
// picture decoder for a picture), every redaction box is painted black into its pixels, and the text left outside
// the boxes is laid over it invisibly, so the page still searches and copies. Nothing of the original page's objects
// is carried over (its text, fonts, images, annotations, form fields, links, hidden layers, metadata): what lay under
// a box exists nowhere in the export. A character partly under a box is removed whole from the text; its visible part
// stays visible in the picture (the box covers exactly what was asked).
import { PDFPage, rgb, type PDFDocument, type PDFFont, type PDFRef } from '@cantoo/pdf-lib';
import type { PageSize } from '../../../shared/court-profiles.ts';
import type { Rect, Redaction } from '../../../shared/model.ts';
import type { PdfiumDocument } from '../import/formats/pdfium-document.ts';
import { fromOcrLayout, fromPageChars, joinTexts, keptRuns, EMPTY_TEXT } from '../redaction/positioned-text.ts';
import type { OcrLayout } from '../store/ocr-text.ts';
import { textWidth } from './fonts.ts';
import { deflatedImage } from './image-page.ts';
import { drawOcrTextLayer } from './ocr-text-layer.ts';
import { placeRenderedPage, type PlacedOriginalPage } from './original-page.ts';

// 200 dpi: text stays sharp in print and on screen, at about a quarter of 300 dpi's bytes.
const DPI = 200;
const MAX_PIXELS = 12_000_000;
const JPEG_QUALITY = 88;

export interface RedactionDrawing {
  /** Print each box's label (or reason) in it. */
  labels: boolean;
}

/** Paints the boxes black into RGBA pixels, each widened by a pixel so that anti-aliased edges go too. */
export function blackOut(rgba: Uint8Array, width: number, height: number, rects: Rect[]): void {
  for (const r of rects) {
    const x0 = Math.max(0, Math.floor(r.x * width) - 1);
    const y0 = Math.max(0, Math.floor(r.y * height) - 1);
    const x1 = Math.min(width, Math.ceil((r.x + r.width) * width) + 1);
    const y1 = Math.min(height, Math.ceil((r.y + r.height) * height) + 1);
    for (let y = y0; y < y1; y++) rgba.fill(0, (y * width + x0) * 4, (y * width + x1) * 4);
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgba[(y * width + x) * 4 + 3] = 255;
  }
}

/** The pixels as an image of the export: grey pages losslessly (text stays crisp), colour ones as JPEG. */
export async function embedPixels(out: PDFDocument, rgba: Uint8Array, width: number, height: number): Promise<PDFRef> {
  const pixels = width * height;
  let grey = true;
  for (let i = 0; i < pixels && grey; i++) grey = rgba[i * 4] === rgba[i * 4 + 1] && rgba[i * 4] === rgba[i * 4 + 2];
  if (grey) {
    const samples = new Uint8Array(pixels);
    for (let i = 0; i < pixels; i++) samples[i] = rgba[i * 4]!;
    return deflatedImage(out, samples, { Width: width, Height: height, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
  }
  // The native canvas loads with the first colour page an export redacts.
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  const data = g.createImageData(width, height);
  data.data.set(rgba);
  g.putImageData(data, 0, 0);
  const image = await out.embedJpg(canvas.toBuffer('image/jpeg', JPEG_QUALITY));
  await image.embed();
  return image.ref;
}

/** All the boxes of a page's redactions. */
export function boxesOf(redactions: readonly Redaction[]): Rect[] {
  return redactions.flatMap((r) => r.rects);
}

/** A page of a PDF original with its redactions applied; null when PDFium cannot draw it (the caller must not fall back to the page itself). */
export async function redactedPdfPage(
  out: PDFDocument,
  original: PdfiumDocument,
  index: number,
  redactions: readonly Redaction[],
  ocr: OcrLayout | null,
  fitTo: PageSize | null,
  font: PDFFont,
  drawing: RedactionDrawing,
): Promise<PlacedOriginalPage | null> {
  const rendered = original.render(index + 1, DPI, MAX_PIXELS);
  if (!rendered) return null;
  const rects = boxesOf(redactions);
  blackOut(rendered.rgba, rendered.width, rendered.height, rects);
  const image = await embedPixels(out, rendered.rgba, rendered.width, rendered.height);
  const placed = placeRenderedPage(out, image, rendered.widthPt, rendered.heightPt, fitTo);
  const chars = original.chars(index + 1);
  const text = joinTexts(chars ? fromPageChars(chars) : EMPTY_TEXT, fromOcrLayout(ocr));
  drawOcrTextLayer(placed, { words: keptRuns(text, rects) }, font);
  if (drawing.labels) drawLabels(placed, redactions, font);
  return placed;
}

/** The words OCR read on a picture page, less those touching a redaction box. */
export function keptOcrLayout(ocr: OcrLayout | null, rects: Rect[]): OcrLayout | null {
  if (!ocr) return null;
  return { words: keptRuns(fromOcrLayout(ocr), rects) };
}

/** Each box's label (or reason) in white, as large as fits its first rectangle, as text that is not part of the page. */
export function drawLabels(placed: PlacedOriginalPage, redactions: readonly Redaction[], font: PDFFont): void {
  const { page, original } = placed;
  for (const r of redactions) {
    const text = (r.label ?? r.reason).replace(/[^\x20-\x7e\u00a0-\u017f\u2013\u2014\u2018\u2019]/g, '');
    const box = [...r.rects].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (!box || text === '') continue;
    const w = box.width * original.width;
    const h = box.height * original.height;
    const size = Math.min(h * 0.7, 10, (w * 0.9 * 10) / Math.max(1, textWidth(text, 10)));
    if (size < 3) continue;
    const width = textWidth(text, size);
    const [a, b, c, d, e, f] = original.toPage;
    const x = box.x * original.width + (w - width) / 2;
    const y = (1 - box.y - box.height) * original.height + (h - size * 0.7) / 2;
    drawAt(page, text, [a, b, c, d, e, f], x, y, size, font);
  }
}

function drawAt(page: PDFPage, text: string, m: [number, number, number, number, number, number], x: number, y: number, size: number, font: PDFFont): void {
  const [a, b, c, d, e, f] = m;
  const px = a * x + c * y + e;
  const py = b * x + d * y + f;
  const scale = Math.sqrt(a * a + b * b);
  page.drawText(text, { x: px, y: py, size: size * scale, font, color: rgb(1, 1, 1) });
}
