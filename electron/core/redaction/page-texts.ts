// The positioned text of each page of an exhibit, for search-and-redact: a PDF's own characters (PDFium) and what
// OCR read on its pictures; a picture's OCR words. Other kinds have no pages to redact on.
import type { Exhibit } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { openPdfium, type PdfiumDocument } from '../import/formats/pdfium-document.ts';
import { printedExhibit, printsAsText } from '../export/printed-exhibit.ts';
import { printSource } from '../export/rendition.ts';
import { printedPositionedText } from './printed-text.ts';
import { fromOcrLayout, fromPageChars, joinTexts, EMPTY_TEXT, type PositionedText } from './positioned-text.ts';

export interface PageTexts {
  pages: number;
  text(page: number): PositionedText;
  close(): void;
}

/** Opens a PDF original in PDFium, trying no password and then each one given; null when none opens it. */
export async function openPdfOriginal(bytes: Uint8Array, passwords: readonly string[]): Promise<PdfiumDocument | null> {
  for (const password of [undefined, ...passwords]) {
    const doc = await openPdfium(bytes, password);
    if (doc) return doc;
  }
  return null;
}

export async function pageTexts(ctx: CaseContext, e: Exhibit, passwords: readonly string[]): Promise<PageTexts | { problem: string }> {
  const ocr = (page: number) => fromOcrLayout(ctx.ocr.layout(e.id, page));
  if (e.kind === 'image') {
    const pages = Math.max(1, e.pages ?? 1);
    const read = Array.from({ length: pages }, (_, i) => ctx.ocr.layout(e.id, i + 1)).some((l) => l !== null);
    if (!read) return { problem: `${e.exhibitNo} is a picture OCR has not read yet; run OCR, then search again` };
    return { pages, text: ocr, close() {} };
  }
  if (printsAsText(e.kind)) {
    // The pages an export prints for it, laid out as the export will lay them out.
    const printed = printedExhibit(printSource(ctx, e));
    return { pages: printed.length, text: (page) => (printed[page - 1] ? printedPositionedText(printed[page - 1]!) : EMPTY_TEXT), close() {} };
  }
  if (e.kind !== 'pdf') return { problem: `${e.exhibitNo} (${e.kind}) is produced in native format and has no pages to redact on` };
  const doc = await openPdfOriginal(await ctx.vault.read(e.sha256), passwords);
  if (!doc) return { problem: `${e.exhibitNo} could not be opened to find its text's places (damaged, or it needs a password)` };
  return {
    pages: doc.pageCount,
    text(page) {
      const chars = doc.chars(page);
      return joinTexts(chars ? fromPageChars(chars) : EMPTY_TEXT, ocr(page));
    },
    close: () => doc.close(),
  };
}
