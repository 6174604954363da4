// Turns a document's stamped PDF into the page images a production is made of: each page rendered by PDFium at
// 300 dpi, made black and white at a fixed threshold, and written as a single-page Group 4 TIFF carrying its resolution.
import { UserError } from '../../../shared/errors.ts';
import { openPdfium } from '../import/formats/pdfium-document.ts';
import { encodeBilevelFromRgba, encodeG4Tiff } from '../production/g4-tiff.ts';

export const IMAGE_DPI = 300;
// Ledger (11×17 in) at 300 dpi, with room: a larger page is drawn smaller rather than exhausting memory.
const MAX_PIXELS = 20_000_000;

export interface RenderedDocument {
  tiffs: Uint8Array[];
  /** Each page's text as the image shows it (what redactions left), for documents whose text must come from the images. */
  texts: string[];
}

export async function renderTiffs(pdf: Uint8Array, pages: number, withText: boolean, what: string): Promise<RenderedDocument> {
  const doc = await openPdfium(pdf);
  if (!doc) throw new Error(`PDFium cannot open the stamped pages of ${what}`);
  try {
    const tiffs: Uint8Array[] = [];
    const texts: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const page = doc.render(n, IMAGE_DPI, MAX_PIXELS);
      if (!page) throw new UserError('damaged', `Page ${n} of ${what} could not be rendered as an image; nothing was produced.`);
      tiffs.push(encodeG4Tiff({ ...encodeBilevelFromRgba(page.rgba, page.width, page.height), dpi: IMAGE_DPI }));
      if (withText) texts.push(doc.pageText(n) ?? '');
    }
    return { tiffs, texts };
  } finally {
    doc.close();
  }
}

/** The text of the pages of a stamped PDF as it shows them (the images-as-PDF form of a production). */
export async function pdfPageTexts(pdf: Uint8Array, pages: number, what: string): Promise<string[]> {
  const doc = await openPdfium(pdf);
  if (!doc) throw new Error(`PDFium cannot open the stamped pages of ${what}`);
  try {
    return Array.from({ length: pages }, (_, i) => doc.pageText(i + 1) ?? '');
  } finally {
    doc.close();
  }
}
