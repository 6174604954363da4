// What each document of a production becomes: its own pages as images, one slip sheet standing in for a withheld
// document, or one slip sheet with the native file beside it; planned per family so that Bates numbers, family
// ranges (BEGATTACH/ENDATTACH) and page counts are known before any page is drawn.
import type { Exhibit, Withheld } from '../../../shared/model.ts';
import type { ExportArgs, ExportJob } from './export-job.ts';
import { NATIVE_FORMAT } from './printed-exhibit.ts';
import { planFamilies, type Family, type Member, type RenderSource } from './rendition.ts';

export type DocumentForm = 'imaged' | 'withheld' | 'native';

export interface PlannedDocument {
  member: Member;
  /** imaged: its pages; withheld: one slip sheet, no text, no native; native: one slip sheet and the original. */
  form: DocumentForm;
  withheld: Withheld | null;
  /** Whether its original is copied into NATIVES/ (natively produced, or every original under `--natives all`). */
  native: boolean;
}

export interface PlannedFamily {
  family: Family;
  documents: PlannedDocument[];
}

const SPREADSHEET_EXTENSIONS = /\.(xlsx|xlsm|xlsb|xls|ods|csv)$/i;
const SPREADSHEET_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/csv',
]);

export function isSpreadsheet(e: Exhibit): boolean {
  return SPREADSHEET_TYPES.has(e.mediaType.toLowerCase()) || SPREADSHEET_EXTENSIONS.test(e.sourceName);
}

export async function planProduction(job: ExportJob, source: RenderSource, args: ExportArgs<'production'>): Promise<PlannedFamily[]> {
  const withheld = job.ctx.withheld.all();
  const families = await planFamilies(job, source, args.select);
  return families.map((family) => {
    let firstPage = 0;
    const documents = family.members.map((m): PlannedDocument => {
      const e = m.exhibit;
      const form = formOf(job, m, withheld.get(e.id) ?? null, args, source);
      const pages = form === 'imaged' ? m.pages : [{ kind: 'placeholder' as const, reason: form }];
      const member: Member = { ...m, firstPage, pages };
      firstPage += pages.length;
      const native = form === 'native' || (form === 'imaged' && args.natives === 'all' && !hasRedactions(source, e));
      return { member, form, withheld: withheld.get(e.id) ?? null, native };
    });
    return { family: { ...family, members: documents.map((d) => d.member), pageCount: firstPage }, documents };
  });
}

function formOf(job: ExportJob, m: Member, withheld: Withheld | null, args: ExportArgs<'production'>, source: RenderSource): DocumentForm {
  if (withheld) return 'withheld';
  const e = m.exhibit;
  const unprintable = m.pages.length === 1 && m.pages[0]!.kind === 'placeholder' && m.pages[0]!.reason === NATIVE_FORMAT;
  if (!(unprintable || isSpreadsheet(e)) || args.natives === 'none') {
    if (unprintable) job.warn(`${e.exhibitNo} (${e.sourceName}) cannot be imaged and natives are not produced: only a slip sheet stands in for it.`);
    return 'imaged';
  }
  // A native file cannot be redacted: a spreadsheet with redactions is produced as images of its printed text instead.
  if (hasRedactions(source, e)) {
    job.warn(`${e.exhibitNo} has redactions, so it is produced as redacted images, not in native format.`);
    return 'imaged';
  }
  return 'native';
}

function hasRedactions(source: RenderSource, e: Exhibit): boolean {
  return !!source.redact && source.ctx.redactions.acceptedByPage(e.id).size > 0;
}
