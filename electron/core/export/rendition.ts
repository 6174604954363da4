// What every exhibit family becomes in an export: a list of pages (pages of an original PDF, printed pages for
// emails and text, the pages of a picture, or a placeholder saying why something cannot be shown), planned before anything is
// drawn so that Bates numbers are known up front, then drawn a range at a time onto an export file's pages.
import { PDFPage, rgb } from '@cantoo/pdf-lib';
import type { ExportSelection } from '../../../shared/api.ts';
import type { PageSize } from '../../../shared/court-profiles.ts';
import type { Confidentiality, Exhibit, Redaction } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import type { CaseContext } from '../case/case-context.ts';
import { OriginalChangedError } from '../vault/vault.ts';
import type { FamilyBates } from './bates.ts';
import { compareExhibitNos } from './display.ts';
import type { ExportedOriginal, ExportJob } from './export-job.ts';
import { missingCharacters, type Fonts } from './fonts.ts';
import { imagePage, pictureOriginal, type PictureOriginal } from './image-page.ts';
import { drawOcrTextLayer } from './ocr-text-layer.ts';
import { openOriginalPdf } from './original-pdf.ts';
import { originalSource, placeOriginalPage, type OriginalSource } from './original-page.ts';
import { pageView, type PageView } from './page-geometry.ts';
import { openProducedImages, producedPages } from './production-rendition.ts';
import { NATIVE_FORMAT, placeholderPage, printedExhibit, printsAsText } from './printed-exhibit.ts';
import { selectFamilies } from './selection.ts';
import { LEGENDS } from './stamp.ts';
import type { PdfiumDocument } from '../import/formats/pdfium-document.ts';
import { boxesOf, drawLabels, keptOcrLayout, redactedPdfPage, type RedactionDrawing } from './redacted-page.ts';
import { redactPrinted } from '../redaction/printed-text.ts';
import { drawLaidOut, LETTER, type LaidOutPage } from './text-flow.ts';

export type RenditionPage =
  | { kind: 'original'; index: number } // a page of the member's PDF, 0-based
  | { kind: 'printed'; index: number } // a page of the member's printed text
  | { kind: 'image'; index: number } // a page of the member's picture, 0-based (TIFFs have many)
  | { kind: 'produced'; index: number } // a page of the images a received production gave for its native, 0-based
  | { kind: 'placeholder'; reason: string };

export interface Member {
  exhibit: Exhibit;
  depth: number; // 0 for the exhibit itself, 1 for its attachments, 2 for theirs …
  firstPage: number; // index of its first page within the family
  pages: RenditionPage[];
}

/** An exhibit and its attachments, exported as one exhibit: the exhibit first, then each attachment by number. */
export interface Family {
  head: Exhibit;
  members: Member[];
  pageCount: number;
  warnings: string[];
  /** Every character its printed pages use, to reserve room for the fonts in a size-limited file. */
  characters: Set<string>;
}

export interface RenderSource {
  ctx: CaseContext;
  passwords: string[];
  /** A court's page size: original pages larger than it are scaled onto it. */
  pageSize?: PageSize | null;
  /** Accepted redactions are applied (null when the export was explicitly asked to leave them out). */
  redact?: RedactionRun | null;
  /** Families with an original changed on disk since import are left out by name (else the export fails). */
  skipChanged?: boolean;
  /** Documents received in a production with a native original are printed from it, not from their produced images. */
  printNatives?: boolean;
}

/** One page's redactions as an export applied them, for the redaction log. */
export interface AppliedRedaction {
  exhibitNo: string;
  page: number;
  bates: string;
  redaction: Redaction;
}

export interface RedactionRun extends RedactionDrawing {
  applied: AppliedRedaction[];
}

function attachmentsOf(ctx: CaseContext, e: Exhibit): Exhibit[] {
  return ctx.exhibits.children(e.id).sort((a, b) => compareExhibitNos(a.exhibitNo, b.exhibitNo));
}

function familyMembers(ctx: CaseContext, head: Exhibit): { exhibit: Exhibit; depth: number }[] {
  const out: { exhibit: Exhibit; depth: number }[] = [];
  const visit = (e: Exhibit, depth: number) => {
    out.push({ exhibit: e, depth });
    for (const child of attachmentsOf(ctx, e)) visit(child, depth + 1);
  };
  visit(head, 0);
  return out;
}

/** What an exhibit without pages of its own prints from: its stored text, and an email's attachments. */
export function printSource(ctx: CaseContext, e: Exhibit) {
  return { exhibit: e, body: ctx.exhibits.bodyText(e.id), attachments: e.kind === 'email' ? attachmentsOf(ctx, e) : [] };
}


/** The selected families, planned one by one (their warnings passed on), in exhibit-number order. */
export async function planFamilies(job: ExportJob, source: RenderSource, selection: ExportSelection): Promise<Family[]> {
  const families: Family[] = [];
  for (const head of selectFamilies(source.ctx, selection)) {
    job.checkCancelled();
    if (source.skipChanged) {
      const changed = await changedMembers(source.ctx, head);
      if (changed.length > 0) {
        job.warn(`${head.exhibitNo} was left out: the original of ${changed.join(', ')} has changed on disk since it was imported (run exhibit-desk verify).`);
        continue;
      }
    }
    const family = await planFamily(source, head);
    family.warnings.forEach(job.warn);
    families.push(family);
  }
  return families;
}

/** The members of a family whose original no longer hashes to what was imported (or is missing). */
async function changedMembers(ctx: CaseContext, head: Exhibit): Promise<string[]> {
  const changed: string[] = [];
  for (const { exhibit } of familyMembers(ctx, head)) if ((await ctx.vault.hashOf(exhibit.sha256)) !== exhibit.sha256) changed.push(exhibit.exhibitNo);
  return changed;
}

/** Plans a family's pages from what the case knows (page counts, stored text); originals are only opened for PDFs
 * whose page count is unknown. */
async function planFamily(source: RenderSource, head: Exhibit): Promise<Family> {
  const warnings: string[] = [];
  const characters = new Set<string>();
  const members: Member[] = [];
  let firstPage = 0;
  for (const { exhibit: e, depth } of familyMembers(source.ctx, head)) {
    for (const text of [e.exhibitNo, e.title, e.sourceName, e.mediaType, e.sha256, source.ctx.ocr.text(e.id)]) for (const ch of text) characters.add(ch);
    const pages = await refuseChanged(e, plannedPages(source, e, warnings, characters));
    members.push({ exhibit: e, depth, firstPage, pages });
    firstPage += pages.length;
  }
  return { head, members, pageCount: firstPage, warnings, characters };
}

async function plannedPages(source: RenderSource, e: Exhibit, warnings: string[], characters: Set<string>): Promise<RenditionPage[]> {
  const produced = await producedPages(source, e, warnings);
  if (produced) return produced;
  if (e.kind === 'pdf') {
    let count = e.pages;
    if (count === null) {
      const opened = await openOriginalPdf(source.ctx.vault, e.sha256, source.passwords);
      if ('problem' in opened) return [{ kind: 'placeholder', reason: opened.problem }];
      count = opened.doc.getPageCount();
    }
    if (count === 0) return [{ kind: 'placeholder', reason: 'the PDF has no pages' }];
    return Array.from({ length: count }, (_, index) => ({ kind: 'original', index }));
  }
  if (printsAsText(e.kind)) {
    const print = printSource(source.ctx, e);
    const text = [e.title, e.subject, e.from, e.to, e.cc, e.date, print.body, ...print.attachments.map((a) => `${a.exhibitNo} ${a.sourceName}`)]
      .filter(Boolean)
      .join('\n');
    for (const ch of text) characters.add(ch);
    const missing = missingCharacters(text);
    if (missing.length > 0) {
      const examples = missing.slice(0, 5).join(' ');
      warnings.push(`${e.exhibitNo}: ${missing.length} character(s) have no glyph in the export font and print as boxes (${examples}).`);
    }
    return printedExhibit(print).map((_, index) => ({ kind: 'printed', index }));
  }
  if (e.kind === 'image') return Array.from({ length: Math.max(1, e.pages ?? 1) }, (_, index) => ({ kind: 'image', index }));
  warnings.push(`${e.exhibitNo} (${e.sourceName}) is produced in native format: a slip sheet with its name, size and SHA-256 stands in for it.`);
  return [{ kind: 'placeholder', reason: NATIVE_FORMAT }];
}

/** The page drawn for one page of a family, and how it is shown (stamps go on it in that view). */
export interface DrawnPage {
  page: PDFPage;
  view: PageView;
  member: Member;
  /** The redactions applied to this page. */
  redactions?: Redaction[];
}

const LETTER_VIEW = pageView({ x0: 0, y0: 0, x1: LETTER.width, y1: LETTER.height }, 0);

/**
 * Draws pages [from, to) of a family into the target document, one original open at a time. `onPage` is called
 * for each page as it is drawn (to stamp it, and to stop when the export is cancelled).
 */
export async function drawFamilyPages(
  source: RenderSource,
  target: { doc: PDFPage['doc']; fonts: Fonts },
  family: Family,
  from: number,
  to: number,
  warn: (message: string) => void,
  onPage: (drawn: DrawnPage, familyPage: number) => void,
): Promise<void> {
  for (const member of family.members) {
    const start = Math.max(from, member.firstPage);
    const end = Math.min(to, member.firstPage + member.pages.length);
    if (start >= end) continue;
    const drawer = memberDrawer(source, target, member, warn);
    try {
      for (let p = start; p < end; p++) onPage({ ...(await refuseChanged(member.exhibit, drawer.draw(member.pages[p - member.firstPage]!))), member }, p);
    } finally {
      drawer.close();
    }
  }
}

/** Draws a member's pages one by one, opening its original (if it has one) at the first and keeping it open. */
function memberDrawer(
  source: RenderSource,
  target: { doc: PDFPage['doc']; fonts: Fonts },
  member: Member,
  warn: (message: string) => void,
): { draw: (page: RenditionPage) => Promise<{ page: PDFPage; view: PageView; redactions?: Redaction[] }>; close(): void } {
  const e = member.exhibit;
  const redactions = source.redact ? source.ctx.redactions.acceptedByPage(e.id) : new Map<number, Redaction[]>();
  let pdfium: PdfiumDocument | null | undefined;
  /** A redacted page that cannot be drawn is never printed unredacted: a placeholder says so. */
  const unredactable = (n: number, why: string) => {
    const reason = `page ${n} has redactions and could not be drawn with them applied (${why}); it is withheld`;
    warn(`${e.exhibitNo}, ${reason}.`);
    return placeholder(reason, n);
  };
  const laidOut = (l: LaidOutPage) => {
    const page = PDFPage.create(target.doc);
    page.setSize(LETTER.width, LETTER.height);
    drawLaidOut(page, l, target.fonts);
    return { page, view: LETTER_VIEW };
  };
  const placeholder = (reason: string, number?: number) =>
    laidOut(placeholderPage(e, reason, number === undefined ? undefined : { number, of: member.pages.length }));

  let original: OriginalSource | { problem: string } | null = null;
  let producedImages: OriginalSource | { problem: string } | null = null;
  let picture: PictureOriginal | null = null;
  let printed: LaidOutPage[] | null = null;
  const close = () => pdfium?.close();
  const draw = async (page: RenditionPage): Promise<{ page: PDFPage; view: PageView; redactions?: Redaction[] }> => {
    switch (page.kind) {
      case 'placeholder':
        return placeholder(page.reason);
      case 'printed': {
        printed ??= printedExhibit(printSource(source.ctx, e));
        const applied = redactions.get(page.index + 1);
        if (!applied) return laidOut(printed[page.index]!);
        const rects = boxesOf(applied);
        const { page: kept, removed } = redactPrinted(printed[page.index]!, rects);
        // The page is laid out from the exhibit's text and fields as they are now: when they have changed since the
        // redactions were made, the boxes may no longer be over what they removed, so the page is withheld instead.
        if (!sameText(removed, applied)) {
          return unredactable(page.index + 1, 'its printed text has changed since the redactions were made; review them');
        }
        const drawn = laidOut(kept);
        for (const r of rects) {
          drawn.page.drawRectangle({ x: r.x * LETTER.width, y: (1 - r.y - r.height) * LETTER.height, width: r.width * LETTER.width, height: r.height * LETTER.height, color: rgb(0, 0, 0) });
        }
        if (source.redact?.labels) drawLabels({ ...drawn, original: { width: LETTER.width, height: LETTER.height, toPage: [1, 0, 0, 1, 0, 0] } }, applied, target.fonts.regular);
        return { ...drawn, redactions: applied };
      }
      case 'image':
        try {
          picture ??= pictureOriginal(await source.ctx.vault.read(e.sha256));
          const applied = redactions.get(page.index + 1);
          const rects = applied ? boxesOf(applied) : [];
          const placed = await imagePage(target.doc, picture, page.index, rects);
          const layout = source.ctx.ocr.layout(e.id, page.index + 1);
          drawOcrTextLayer(placed, applied ? keptOcrLayout(layout, rects) : layout, target.fonts.regular);
          if (applied && source.redact?.labels) drawLabels(placed, applied, target.fonts.regular);
          return applied ? { ...placed, redactions: applied } : placed;
        } catch (err) {
          if (err instanceof OriginalChangedError) throw err;
          if (redactions.has(page.index + 1)) return unredactable(page.index + 1, err instanceof Error ? err.message.slice(0, 120) : 'unknown error');
          const reason = `the picture could not be read (${err instanceof Error ? err.message.slice(0, 120).replace(/\.$/, '') : 'unknown error'})`;
          const where = member.pages.length > 1 ? `${e.exhibitNo}, page ${page.index + 1}` : e.exhibitNo;
          warn(`${where}: ${reason}; a placeholder page is printed instead.`);
          return placeholder(reason, member.pages.length > 1 ? page.index + 1 : undefined);
        }
      case 'produced': {
        producedImages ??= await openProducedImages(source, e, target.doc);
        if ('problem' in producedImages) {
          warn(`${e.exhibitNo}: the images it was produced as cannot be read (${producedImages.problem}); placeholder pages are printed.`);
          return placeholder(producedImages.problem, page.index + 1);
        }
        return placeOriginalPage(target.doc, producedImages, page.index, source.pageSize ?? null);
      }
      case 'original': {
        if (original === null) {
          const opened = await openOriginalPdf(source.ctx.vault, e.sha256, source.passwords);
          original = 'doc' in opened ? originalSource(target.doc, opened.doc) : opened;
          if ('doc' in opened) warnOnPageCount(e, member.pages.length, opened.doc.getPageCount(), warn);
        }
        if ('problem' in original) {
          warn(`${e.exhibitNo}: ${original.problem}; its ${member.pages.length} page(s) are printed as placeholder pages.`);
          return placeholder(original.problem, page.index + 1);
        }
        if (page.index >= original.doc.getPageCount()) return placeholder('the original has no such page', page.index + 1);
        const applied = redactions.get(page.index + 1);
        if (applied) {
          // PDFium and pdf.js load with the first redacted page an export draws.
          if (pdfium === undefined) pdfium = await (await import('../redaction/page-texts.ts')).openPdfOriginal(await source.ctx.vault.read(e.sha256), source.passwords);
          if (!pdfium) return unredactable(page.index + 1, 'PDFium cannot open the original');
          const placed = await redactedPdfPage(
            target.doc,
            pdfium,
            page.index,
            applied,
            source.ctx.ocr.layout(e.id, page.index + 1),
            source.pageSize ?? null,
            target.fonts.regular,
            source.redact!,
          );
          return placed ? { ...placed, redactions: applied } : unredactable(page.index + 1, 'PDFium cannot draw the page');
        }
        try {
          const placed = placeOriginalPage(target.doc, original, page.index, source.pageSize ?? null);
          drawOcrTextLayer(placed, source.ctx.ocr.layout(e.id, page.index + 1), target.fonts.regular);
          return placed;
        } catch (err) {
          const reason = `the page could not be copied (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'})`;
          warn(`${e.exhibitNo}, page ${page.index + 1}: ${reason}; a placeholder page is printed instead.`);
          return placeholder(reason, page.index + 1);
        }
      }
    }
  };
  return { draw, close };
}

/** Whether the characters a printed page lost under the boxes are the texts its redactions were made to remove. */
function sameText(removed: string, applied: readonly Redaction[]): boolean {
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  const got = squeeze(removed);
  return applied.every((r) => r.text === null || got.includes(squeeze(r.text)));
}

/**
 * An export reproduces originals as they were imported, or not at all: one whose bytes have changed on disk since
 * (the vault checks every read) fails the whole export, by name, before anything is written.
 */
async function refuseChanged<T>(e: Exhibit, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof OriginalChangedError)) throw err;
    throw new UserError(
      'damaged',
      `The original of ${e.exhibitNo} has changed on disk since it was imported; run exhibit-desk verify. Nothing was exported (to export the rest without it, export again leaving out changed originals: --skip-changed).`,
    );
  }
}

/** The case's page count (read at import) rules, as pinpoint cites use it; a PDF that reads otherwise here is reported. */
function warnOnPageCount(e: Exhibit, counted: number, read: number, warn: (message: string) => void): void {
  if (read === counted) return;
  const pages = (from: number, to: number) => (from === to ? `page ${from}` : `pages ${from}–${to}`);
  const differs = `${e.exhibitNo}: the PDF reads as ${read} page(s) here, not the ${counted} the case counts`;
  warn(
    read < counted
      ? `${differs}; ${pages(read + 1, counted)} are printed as placeholder pages.`
      : `${differs}; ${pages(counted + 1, read)} are not in the export.`,
  );
}

/** Filings (bundles, stamped exhibits) name each family marked confidential: it may belong under seal. */
export function warnUnderSeal(job: ExportJob, families: readonly Family[]): void {
  for (const family of families) {
    const legend = LEGENDS[familyConfidentiality(family)];
    if (legend) job.warn(`${family.head.exhibitNo} is marked ${legend}: under a protective order it may have to be filed under seal (or redacted), not publicly.`);
  }
}

/** The strictest designation in a family applies to all of it: a confidential email's attachments are too. */
export function familyConfidentiality(family: Family): Confidentiality {
  const order: Confidentiality[] = ['none', 'confidential', 'highly_confidential_aeo'];
  return family.members.reduce<Confidentiality>(
    (worst, m) => (order.indexOf(m.exhibit.confidentiality) > order.indexOf(worst) ? m.exhibit.confidentiality : worst),
    'none',
  );
}

/** The originals a family's pages reproduce, with their Bates numbers, for the manifest. */
export function originalsOf(family: Family, numbers: FamilyBates): ExportedOriginal[] {
  return family.members.map(({ exhibit: e }, i) => ({
    exhibitId: e.id,
    exhibitNo: e.exhibitNo,
    sourceName: e.sourceName,
    sha256: e.sha256,
    bates: { first: numbers.members[i]!.first, last: numbers.members[i]!.last },
  }));
}
