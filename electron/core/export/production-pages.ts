// Draws a production document's pages, stamped as every export stamps them (Bates number, confidentiality legend,
// redactions applied): its own pages, or the one slip sheet that stands in for a withheld or natively produced document.
import { PDFPage } from '@cantoo/pdf-lib';
import { PRIVILEGE_LABELS } from '../../../shared/model.ts';
import { batesNumber, type FamilyBates } from './bates.ts';
import type { ExportJob } from './export-job.ts';
import type { Fonts } from './fonts.ts';
import { pageView } from './page-geometry.ts';
import type { PlannedDocument } from './production-plan.ts';
import { familyConfidentiality, type Family, type RenderSource } from './rendition.ts';
import { LEGENDS, stampPage } from './stamp.ts';
import { drawStampedPages, type StampSettings } from './stamped-pages.ts';
import { drawLaidOut, LETTER, TextFlow } from './text-flow.ts';

const LETTER_VIEW = pageView({ x0: 0, y0: 0, x1: LETTER.width, y1: LETTER.height }, 0);

/** Pages [0, limit) of the document, drawn and stamped onto the target's document. */
export async function drawDocumentPages(
  job: ExportJob,
  source: RenderSource,
  target: { doc: PDFPage['doc']; fonts: Fonts },
  family: Family,
  numbers: FamilyBates,
  doc: PlannedDocument,
  settings: StampSettings,
  limit = Infinity,
): Promise<PDFPage[]> {
  const m = doc.member;
  if (doc.form === 'imaged') {
    const range = { from: m.firstPage, to: m.firstPage + Math.min(m.pages.length, limit) };
    return (await drawStampedPages(job, source, target, family, numbers, range, settings)).pages;
  }
  const bates = batesNumber(settings.bates, numbers.start + m.firstPage);
  const flow = new TextFlow();
  if (doc.form === 'withheld') {
    // Nothing that could reveal what is privileged: no title, no file name, no hash; the privilege log describes it.
    flow.text('DOCUMENT WITHHELD — PRIVILEGED', { size: 20, weight: 'bold', before: 180 });
    flow.text(PRIVILEGE_LABELS[doc.withheld!.type], { size: 14, before: 14 });
    flow.text(`Bates ${bates}. This document is described in the privilege log produced with this volume.`, { before: 18, tone: 'muted' });
  } else {
    flow.text('DOCUMENT PRODUCED IN NATIVE FORMAT', { size: 20, weight: 'bold', before: 180 });
    flow.field('File:', m.exhibit.sourceName, 60, { size: 11 });
    flow.field('Bates:', bates, 60, { size: 11 });
    flow.text('The native file is produced in the NATIVES folder of this volume under this Bates number.', { before: 18, tone: 'muted' });
  }
  const page = PDFPage.create(target.doc);
  page.setSize(LETTER.width, LETTER.height);
  drawLaidOut(page, flow.result()[0]!, target.fonts);
  stampPage(page, LETTER_VIEW, { bates, legend: LEGENDS[familyConfidentiality(family)], label: null }, target.fonts, settings.bates.position);
  return [page];
}
