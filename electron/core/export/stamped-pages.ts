// Draws a range of a family's pages onto an export file's document with their stamps: the Bates number on every
// page, the family's confidentiality legend, and (when asked) the exhibit label on the family's first page.
import type { PDFDocument, PDFPage } from '@cantoo/pdf-lib';
import type { BatesSettings } from '../../../shared/api.ts';
import { batesNumber, type FamilyBates } from './bates.ts';
import type { ExportJob } from './export-job.ts';
import type { Fonts } from './fonts.ts';
import { drawFamilyPages, familyConfidentiality, type Family, type Member, type RenderSource } from './rendition.ts';
import { LEGENDS, stampPage } from './stamp.ts';

export interface StampSettings {
  bates: BatesSettings;
  caseNumber: string | null;
  /** Stamped exports label the first page; bundles put a slip sheet before it instead. */
  label: boolean;
  /** "PX-012 – 3 of 7" on every page, for the member exhibit the page belongs to. */
  pageLabels?: boolean;
}

export interface StampedRange {
  pages: PDFPage[];
  /** Each member whose first page is in the range, with that page's position in `pages`. */
  memberStarts: { member: Member; index: number }[];
}

export async function drawStampedPages(
  job: ExportJob,
  source: RenderSource,
  target: { doc: PDFDocument; fonts: Fonts },
  family: Family,
  numbers: FamilyBates,
  range: { from: number; to: number },
  settings: StampSettings,
): Promise<StampedRange> {
  const legend = LEGENDS[familyConfidentiality(family)];
  const pages: PDFPage[] = [];
  const memberStarts: StampedRange['memberStarts'] = [];
  await drawFamilyPages(source, target, family, range.from, range.to, job.warn, ({ page, view, member, redactions }, p) => {
    job.checkCancelled();
    if (p === member.firstPage) memberStarts.push({ member, index: pages.length });
    const label = settings.label && p === 0 ? { exhibit: family.head.exhibitNo, caseNumber: settings.caseNumber } : null;
    const bates = batesNumber(settings.bates, numbers.start + p);
    const ofMember = p - member.firstPage + 1;
    const pageLabel = settings.pageLabels ? `${member.exhibit.exhibitNo} – ${ofMember} of ${member.pages.length}` : null;
    stampPage(page, view, { bates, legend, label, pageLabel }, target.fonts, settings.bates.position);
    for (const redaction of redactions ?? []) source.redact?.applied.push({ exhibitNo: member.exhibit.exhibitNo, page: ofMember, bates, redaction });
    pages.push(page);
  });
  return { pages, memberStarts };
}
