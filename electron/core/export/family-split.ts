// Splits an exhibit too large for one volume at page boundaries: its pages are drawn once into a scratch document
// to learn what each needs (objects shared by several pages count once per part), then packed into parts that fit.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFPage, PDFRef, PDFStream, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import type { FamilyBates } from './bates.ts';
import type { ExportJob } from './export-job.ts';
import { cleanPagesForCourt, courtCleanState } from './court-clean.ts';
import { embedFonts } from './fonts.ts';
import type { Family, RenderSource } from './rendition.ts';
import { drawSlipSheet } from './slip-sheet.ts';
import { drawStampedPages, type StampSettings } from './stamped-pages.ts';
import { XREF_ENTRY_BYTES } from './pdf-file-writer.ts';

/** What a page adds to the page tree besides its objects. */
const PAGE_BYTES = 14;
/** A serialized object's number, "obj" and "endobj" besides the object itself, and its cross-reference entry. */
const OBJECT_OVERHEAD = 24 + XREF_ENTRY_BYTES;

/**
 * Page ranges [from, to) of the family, each of which fits in `capacity` bytes with a slip sheet before it, and the
 * pages that do not fit even alone (each then makes a range of its own).
 */
export async function splitFamily(
  job: ExportJob,
  source: RenderSource,
  family: Family,
  numbers: FamilyBates,
  settings: StampSettings,
  capacity: number,
  /** The volumes are cleaned for a court: the font programs that adds count with the pages that need them. */
  courtClean = false,
): Promise<{ ranges: { from: number; to: number }[]; oversized: number[] }> {
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(scratch);
  const slip = PDFPage.create(scratch);
  // As large as any of the real ones will be (a part label, the range), to measure what a slip sheet takes.
  drawSlipSheet(slip, fonts, {
    exhibitNo: family.head.exhibitNo,
    title: family.head.title,
    date: family.head.date ?? '',
    bates: `${numbers.family.first} – ${numbers.family.last}`,
    legend: null,
    part: { number: 99, of: 99 },
    caseTitle: '',
    caseNumber: null,
  });
  const { pages } = await drawStampedPages(job, source, { doc: scratch, fonts }, family, numbers, { from: 0, to: family.pageCount }, settings);
  if (courtClean) cleanPagesForCourt(pages, courtCleanState());
  const context = scratch.context;
  const sizes = new Map(context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, object.sizeInBytes() + OBJECT_OVERHEAD]));
  const cost = (objects: Set<number>, seen: Set<number>) => {
    let bytes = PAGE_BYTES;
    for (const n of objects) if (!seen.has(n)) bytes += sizes.get(n) ?? 0;
    return bytes;
  };
  const slipBytes = cost(reachable(context, slip.ref), new Set());

  const ranges: { from: number; to: number }[] = [];
  const oversized: number[] = [];
  let from = 0;
  while (from < pages.length) {
    const seen = new Set<number>();
    let used = slipBytes;
    let to = from;
    while (to < pages.length) {
      const objects = reachable(context, pages[to]!.ref);
      const add = cost(objects, seen);
      if (used + add > capacity) {
        if (to > from) break;
        oversized.push(to);
      }
      used += add;
      for (const n of objects) seen.add(n);
      to++;
    }
    ranges.push({ from, to });
    from = to;
  }
  return { ranges, oversized };
}

/** The numbers of the objects a page needs: everything it refers to, except its parent in the page tree. */
function reachable(context: PDFContext, root: PDFRef): Set<number> {
  const found = new Set<number>();
  const stack: PDFObject[] = [root];
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      if (found.has(object.objectNumber)) continue;
      const target = context.lookup(object);
      if (target === undefined) continue; // a font, written when the file is finished
      found.add(object.objectNumber);
      stack.push(target);
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) if (key !== PDFName.of('Parent')) stack.push(value);
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    }
  }
  return found;
}
