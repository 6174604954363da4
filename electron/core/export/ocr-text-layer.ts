// The text OCR read on a scanned page, drawn invisibly over the page in an export (text render mode 3: neither
// filled nor stroked), each word stretched over where it was found, so that every page of a bundle can be searched
// and its words selected.
import {
  beginText,
  concatTransformationMatrix,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
} from '@cantoo/pdf-lib';
import type { OcrLayout } from '../store/ocr-text.ts';
import { printable, textWidth } from './fonts.ts';
import type { PlacedOriginalPage } from './original-page.ts';

// Where the baseline sits in a word's box, from its bottom: room for descenders.
const BASELINE = 0.2;

/** Draws the words over a placed original page (OCR read the page upright, as `placed.original` describes it). */
export function drawOcrTextLayer(placed: PlacedOriginalPage, layout: OcrLayout | null, font: PDFFont): void {
  if (!layout) return;
  const { page, original } = placed;
  const words = layout.words.map(([text, x0, y0, x1, y1]) => ({ text: printable(text), x0, y0, x1, y1 })).filter((w) => w.text !== '');
  if (words.length === 0) return;
  const fontName = page.node.newFontDictionary(font.name, font.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...original.toPage), beginText(), setTextRenderingMode(TextRenderingMode.Invisible));
  for (const w of words) {
    const height = Math.max(0.5, (w.y1 - w.y0) * original.height);
    const width = Math.max(0.5, (w.x1 - w.x0) * original.width);
    const natural = textWidth(w.text, height);
    page.pushOperators(
      setFontAndSize(fontName, height),
      setCharacterSqueeze(natural > 0 ? (100 * width) / natural : 100),
      setTextMatrix(1, 0, 0, 1, w.x0 * original.width, (1 - w.y1) * original.height + BASELINE * height),
      showText(font.encodeText(w.text)),
    );
  }
  page.pushOperators(endText(), popGraphicsState());
}
