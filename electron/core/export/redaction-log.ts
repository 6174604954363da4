// The redaction log written beside an export that applied redactions (CSV and PDF): each redacted page with its
// exhibit, Bates number, reason, who made the redaction and when, and how many boxes; so opposing counsel and the
// court can be told what was removed and why, without being shown it.
import path from 'node:path';
import { csvBytes } from './csv.ts';
import { displayDateTime } from './display.ts';
import type { ExportJob, WrittenFile } from './export-job.ts';
import { writeOutputFile } from './export-folder.ts';
import type { AppliedRedaction } from './rendition.ts';
import type { Table } from './table.ts';
import { writeTablePdf } from './table-pdf.ts';

export const REDACTION_LOG = 'Redaction log';

const COLUMNS = [
  { header: 'Exhibit', width: 10 },
  { header: 'Page', width: 6 },
  { header: 'Bates', width: 16 },
  { header: 'Reason', width: 22 },
  { header: 'Redacted by', width: 14 },
  { header: 'Redacted on', width: 18 },
  { header: 'Boxes', width: 6 },
];

/** One row per redaction applied (a redaction lies on one page), in the order the export printed them. */
function rows(applied: readonly AppliedRedaction[]): string[][] {
  return applied.map((a) => [
    a.exhibitNo,
    String(a.page),
    a.bates,
    a.redaction.reason,
    a.redaction.createdBy,
    displayDateTime(a.redaction.createdAt),
    String(a.redaction.rects.length),
  ]);
}

/** A bundle draws an exhibit again when it moves to the next volume: each redaction is logged once per Bates number. */
function once(applied: readonly AppliedRedaction[]): AppliedRedaction[] {
  return [...new Map(applied.map((a) => [`${a.redaction.id}@${a.bates}`, a])).values()];
}

export async function writeRedactionLog(job: ExportJob, caseTitle: string, drawn: readonly AppliedRedaction[]): Promise<WrittenFile[]> {
  const applied = once(drawn);
  if (applied.length === 0) return [];
  const exhibits = [...new Set(applied.map((a) => a.exhibitNo))];
  const body = rows(applied);
  const csvName = `${REDACTION_LOG}.csv`;
  const csv = writeOutputFile(path.join(job.folder, csvName), csvBytes([COLUMNS.map((c) => c.header), ...body]));
  const pages = new Set(applied.map((a) => `${a.exhibitNo}#${a.page}`)).size;
  const table: Table = {
    title: 'REDACTION LOG',
    subtitle: [caseTitle, `${applied.length} redaction(s) on ${pages} page(s) of ${exhibits.length} exhibit(s). The redacted content is removed from the export, not covered.`],
    columns: COLUMNS,
    rows: body.map((cells) => ({ cells })),
  };
  const pdfName = `${REDACTION_LOG}.pdf`;
  const pdf = await writeTablePdf(path.join(job.folder, pdfName), table, { title: `${caseTitle} – ${REDACTION_LOG}`, createdAt: job.createdAt });
  return [
    { name: csvName, ...csv, pages: null, exhibits },
    { name: pdfName, ...pdf, exhibits },
  ];
}

/** What the manifest records of an export's redactions: whether they were applied, and how many on which pages. */
export function redactionSettings(args: { redactions: boolean; redactionLabels: boolean }, run: { applied: readonly AppliedRedaction[] } | null) {
  const applied = once(run?.applied ?? []);
  return {
    redactions: args.redactions
      ? { applied: applied.length, pages: new Set(applied.map((a) => `${a.exhibitNo}#${a.page}`)).size, labels: args.redactionLabels }
      : 'left out at the user’s explicit request (--no-redactions)',
  };
}

/**
 * Whether an export's files go through the court-clean pass: for a court, and whenever redactions are applied, since
 * annotations, form fields, attachments and XMP of other objects in a file could carry what a box removed.
 */
export function needsCleaning(job: ExportJob, args: { court?: string | undefined }, redact: unknown): boolean {
  return args.court !== undefined || (redact !== null && job.ctx.redactions.hasAccepted());
}
