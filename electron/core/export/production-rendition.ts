// A document received in a production with a native file (an email, a spreadsheet, a Word file) as its original is
// exported as the images it was produced as: those are the pages the other side Bates-stamped and a trial team cites
// ("RCV0001234 at 3"), and the images are what the court and the witness saw. Its native is printed instead only
// when the export asks (printNatives), or where redactions were drawn on the native's pages.
import type { Exhibit } from '../../../shared/model.ts';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { openOriginalPdf } from './original-pdf.ts';
import { originalSource, type OriginalSource } from './original-page.ts';
import type { RenderSource, RenditionPage } from './rendition.ts';

/** The produced images' pages, or null when the exhibit is printed from its own original. */
export async function producedPages(source: RenderSource, e: Exhibit, warnings: string[]): Promise<RenditionPage[] | null> {
  const rendition = producedImages(source, e);
  if (rendition === null) return null;
  if (source.redact && source.ctx.redactions.acceptedByPage(e.id).size > 0) {
    warnings.push(`${e.exhibitNo} has redactions drawn on its native file's pages, so it is printed from the native file, not the images it was produced as.`);
    return null;
  }
  const opened = await openOriginalPdf(source.ctx.vault, rendition, []);
  if ('problem' in opened) {
    warnings.push(`${e.exhibitNo}: the images it was produced as cannot be read (${opened.problem}); it is printed from its native file.`);
    return null;
  }
  return Array.from({ length: opened.doc.getPageCount() }, (_, index) => ({ kind: 'produced', index }));
}

/** The produced images of the exhibit, opened to copy pages from into `out`. */
export async function openProducedImages(source: RenderSource, e: Exhibit, out: PDFDocument): Promise<OriginalSource | { problem: string }> {
  const rendition = producedImages(source, e);
  if (rendition === null) return { problem: 'it has no produced images' };
  const opened = await openOriginalPdf(source.ctx.vault, rendition, []);
  return 'doc' in opened ? originalSource(out, opened.doc) : opened;
}

function producedImages(source: RenderSource, e: Exhibit): string | null {
  if (source.printNatives) return null;
  return source.ctx.productionSources.images(e.id)?.rendition ?? null;
}
