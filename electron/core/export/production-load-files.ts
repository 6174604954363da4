// The load files of a production volume: the DAT (one row per document, in the fields and order below), the OPT (one
// line per page image), each document's text file, and the privilege log of what is withheld (CSV, Word and PDF).
import path from 'node:path';
import { PRIVILEGE_LABELS, type Exhibit, type Withheld } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { csvBytes } from './csv.ts';
import { writeOutputFile } from './export-folder.ts';
import type { ExportJob, WrittenFile } from './export-job.ts';
import { tableDocx } from './table-docx.ts';
import { writeTablePdf } from './table-pdf.ts';
import type { Table } from './table.ts';

export const DAT_FIELDS = [
  'BEGBATES', 'ENDBATES', 'BEGATTACH', 'ENDATTACH', 'PAGECOUNT', 'CUSTODIAN', 'DATESENT', 'FROM', 'TO', 'CC', 'SUBJECT',
  'TITLE', 'FILENAME', 'MD5HASH', 'SHA256', 'CONFIDENTIALITY', 'TEXTPATH', 'NATIVEPATH',
] as const;
export type DatField = (typeof DAT_FIELDS)[number];

/** A produced document's row, as the DAT and the privilege log describe it. */
export interface ProducedDocument {
  exhibit: Exhibit;
  begBates: string;
  endBates: string;
  begAttach: string;
  endAttach: string;
  pages: number;
  confidentiality: string;
  withheld: Withheld | null;
  md5: string;
  /** Relative to the volume root, with forward slashes; null when none was written. */
  textPath: string | null;
  nativePath: string | null;
}

/** MM/DD/YYYY, as review platforms read dates; the date as the case records it, without moving it across time zones. */
export function datDate(iso: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[2]}/${m[3]}/${m[1]}` : '';
}

/** A path in a load file: relative to the volume root, Windows style (.\TEXT\0001\ABC0000001.txt). */
export function loadFilePath(relative: string | null): string {
  return relative === null ? '' : `.\\${relative.replaceAll('/', '\\')}`;
}

/** A withheld document's row says only what the privilege log says of it: who, when, and its place in the family. */
export function datRow(d: ProducedDocument): string[] {
  const e = d.exhibit;
  const hidden = d.withheld !== null;
  const values: Record<DatField, string> = {
    BEGBATES: d.begBates,
    ENDBATES: d.endBates,
    BEGATTACH: d.begAttach,
    ENDATTACH: d.endAttach,
    PAGECOUNT: String(d.pages),
    CUSTODIAN: '',
    DATESENT: datDate(e.date),
    FROM: e.from ?? '',
    TO: e.to ?? '',
    CC: e.cc ?? '',
    SUBJECT: hidden ? '' : (e.subject ?? ''),
    TITLE: hidden ? '' : e.title,
    FILENAME: hidden ? '' : e.sourceName,
    MD5HASH: hidden ? '' : d.md5,
    SHA256: hidden ? '' : e.sha256,
    CONFIDENTIALITY: d.confidentiality,
    TEXTPATH: loadFilePath(d.textPath),
    NATIVEPATH: loadFilePath(d.nativePath),
  };
  return DAT_FIELDS.map((f) => values[f]);
}

/**
 * A document's text as the case knows it, page by page, pages joined by form feeds: a PDF's or picture's page text
 * (or what OCR read), a printed document's header and body, a native file's extracted text.
 */
export function storedText(ctx: CaseContext, e: Exhibit, pages: number): string {
  if (e.kind === 'pdf' || e.kind === 'image') {
    return Array.from({ length: pages }, (_, i) => {
      const own = ctx.exhibits.pageText(e.id, i + 1) ?? '';
      if (own.trim() !== '') return own;
      return (ctx.ocr.layout(e.id, i + 1)?.words ?? []).map((w) => w[0]).join(' ');
    }).join('\f');
  }
  const body = ctx.exhibits.bodyText(e.id) ?? '';
  if (e.kind !== 'email') return body;
  const header = [
    ['From', e.from],
    ['To', e.to],
    ['Cc', e.cc],
    ['Date', e.date],
    ['Subject', e.subject],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  return `${header.join('\n')}\n\n${body}`;
}

const LOG_COLUMNS = [
  { header: 'Bates', width: 12 },
  { header: 'Family (BEGATTACH)', width: 12 },
  { header: 'Date', width: 8 },
  { header: 'Author', width: 12 },
  { header: 'From', width: 14 },
  { header: 'To', width: 14 },
  { header: 'CC', width: 12 },
  { header: 'Privilege type', width: 12 },
  { header: 'Description', width: 28 },
];

export const PRIVILEGE_LOG = 'Privilege log';

/** One row per withheld document, in Bates order, so that the members of a family stand together under its BEGATTACH. */
export async function writePrivilegeLog(job: ExportJob, volumeDir: string, volume: string, documents: readonly ProducedDocument[]): Promise<WrittenFile[]> {
  const withheld = documents.filter((d) => d.withheld !== null);
  if (withheld.length === 0) return [];
  const body = withheld.map((d) => [
    d.begBates === d.endBates ? d.begBates : `${d.begBates} – ${d.endBates}`,
    d.begAttach,
    datDate(d.exhibit.date),
    d.exhibit.author ?? (d.exhibit.kind === 'email' ? (d.exhibit.from ?? '') : ''),
    d.exhibit.from ?? '',
    d.exhibit.to ?? '',
    d.exhibit.cc ?? '',
    PRIVILEGE_LABELS[d.withheld!.type],
    d.withheld!.description,
  ]);
  const exhibits = withheld.map((d) => d.exhibit.exhibitNo);
  const caseTitle = job.ctx.settings.title();
  const table: Table = {
    title: 'PRIVILEGE LOG',
    subtitle: [caseTitle, `Production volume ${volume}: ${withheld.length} document(s) withheld as privileged; a slip sheet carries each one's Bates number.`],
    columns: LOG_COLUMNS,
    rows: body.map((cells, i) => ({ cells, indent: withheld[i]!.begBates !== withheld[i]!.begAttach ? 8 : 0 })),
  };
  const dir = path.join(job.folder, volumeDir);
  const name = (ext: string) => `${volumeDir}/${PRIVILEGE_LOG}.${ext}`;
  const csv = writeOutputFile(path.join(dir, `${PRIVILEGE_LOG}.csv`), csvBytes([LOG_COLUMNS.map((c) => c.header), ...body]));
  const docx = writeOutputFile(path.join(dir, `${PRIVILEGE_LOG}.docx`), await tableDocx(table, { creator: 'Exhibit Desk', title: `${caseTitle} – ${PRIVILEGE_LOG}` }));
  const pdf = await writeTablePdf(path.join(dir, `${PRIVILEGE_LOG}.pdf`), table, { title: `${caseTitle} – ${PRIVILEGE_LOG} – ${volume}`, createdAt: job.createdAt });
  return [
    { name: name('csv'), ...csv, pages: null, exhibits },
    { name: name('docx'), ...docx, pages: null, exhibits },
    { name: name('pdf'), ...pdf, exhibits },
  ];
}
