// The exhibit list in court layout (exhibit no., description, date, Bates range, and empty "Date identified" and
// "Date admitted" columns for trial), as PDF, Word or CSV. Bates ranges are those of the most recent bundle or
// stamped export; exhibits it did not hold have none.
import path from 'node:path';
import { rangeText } from './bates.ts';
import { lastBatesAssignment } from './bates-register.ts';
import { csvBytes } from './csv.ts';
import { dayOf, describe, displayDateTime } from './display.ts';
import { writeOutputFile } from './export-folder.ts';
import type { ExportArgs, ExportJob, ExportOutcome, Exporter } from './export-job.ts';
import { safeFileName } from './file-names.ts';
import { citeExhibit, citesByDesignation } from '../numbers/cite-by.ts';
import { selectFamilies } from './selection.ts';
import type { Table } from './table.ts';
import { tableDocx } from './table-docx.ts';
import { writeTablePdf } from './table-pdf.ts';

export const exhibitListExporter: Exporter<'list'> = { kind: 'list', run: exportList };

async function exportList(job: ExportJob, args: ExportArgs<'list'>): Promise<ExportOutcome> {
  const { ctx } = job;
  const heads = selectFamilies(ctx, args.select);
  const register = lastBatesAssignment(ctx);
  const caseTitle = ctx.settings.title();
  const rows = heads.map((head) => {
    const attachments = ctx.exhibits.children(head.id);
    const description = attachments.length
      ? `${describe(head)} (attachments: ${attachments.map((a) => `${a.exhibitNo} ${a.sourceName}`).join('; ')})`
      : describe(head);
    const bates = register.families.get(head.id);
    const number = citesByDesignation(args) ? citeExhibit(ctx, head, args) : head.exhibitNo;
    return { head, cells: [number, description, dayOf(head.date), bates ? rangeText(bates) : '', '', ''] };
  });
  const columns = [
    { header: 'Exhibit No.', width: 10 },
    { header: 'Description', width: 34 },
    { header: 'Date', width: 10 },
    { header: 'Bates Range', width: 18 },
    { header: 'Date Identified', width: 14 },
    { header: 'Date Admitted', width: 14 },
  ];
  const batesNote = register.source
    ? `Bates ranges as assigned by the ${register.source.kind} export of ${displayDateTime(register.source.at)}.`
    : 'No bundle or stamped export has assigned Bates numbers yet.';
  const table: Table = { title: 'EXHIBIT LIST', subtitle: [caseTitle, batesNote], columns, rows: rows.map((r) => ({ cells: r.cells })) };
  const name = `${safeFileName(caseTitle)} – Exhibit list.${args.format}`;
  const file = path.join(job.folder, name);
  job.progress(0, 1, name);
  let written: { sha256: string; bytes: number; pages: number | null };
  if (args.format === 'pdf') {
    written = await writeTablePdf(file, table, { title: `${caseTitle} – Exhibit list`, createdAt: job.createdAt });
  } else if (args.format === 'docx') {
    written = { ...writeOutputFile(file, await tableDocx(table, { creator: 'Exhibit Desk', title: `${caseTitle} – Exhibit list` })), pages: null };
  } else {
    written = { ...writeOutputFile(file, csvBytes([columns.map((c) => c.header), ...rows.map((r) => r.cells)])), pages: null };
  }
  job.progress(1, 1, null);
  return {
    files: [{ name, ...written, exhibits: heads.map((h) => h.exhibitNo) }],
    exhibits: rows.map(({ head }) => {
      const bates = register.families.get(head.id);
      return {
        exhibitId: head.id,
        exhibitNo: head.exhibitNo,
        title: head.title,
        bates: bates ? { first: bates.first, last: bates.last } : null,
        pages: null,
        files: [name],
        originals: [],
      };
    }),
    bates: null,
    settings: { format: args.format, select: args.select, batesFrom: register.source, citeBy: args.citeBy ?? null, citeAlso: args.citeAlso ?? [] },
  };
}
