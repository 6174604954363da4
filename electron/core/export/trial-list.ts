// The trial exhibit list in the form of the federal AO 187 (Exhibit and Witness List): plaintiff's and defendant's
// numbers, the dates each exhibit was offered, marked and admitted, and the description of exhibits and witnesses, from
// the exhibits' trial numbers and trial marks; as PDF or Word.
import path from 'node:path';
import { TRIAL_EVENT_LABELS } from '../../../shared/model.ts';
import { requireTrialExhibits } from '../numbers/trial.ts';
import { writeOutputFile } from './export-folder.ts';
import type { ExportArgs, ExportJob, ExportOutcome, Exporter } from './export-job.ts';
import { safeFileName } from './file-names.ts';
import type { Table } from './table.ts';
import { tableDocx } from './table-docx.ts';
import { writeTablePdf } from './table-pdf.ts';

export const trialListExporter: Exporter<'trial-list'> = { kind: 'trial-list', run: exportTrialList };

export const AO_187_COLUMNS = ['Pltf. No.', 'Def. No.', 'Date Offered', 'Marked', 'Admitted', 'Description of Exhibits and Witnesses'] as const;
const WIDTHS = [8, 8, 10, 10, 10, 54];
const BLANK = '____________________';

async function exportTrialList(job: ExportJob, args: ExportArgs<'trial-list'>): Promise<ExportOutcome> {
  const { ctx } = job;
  const trial = requireTrialExhibits(ctx, args.select);
  const caseTitle = args.caption?.caseTitle || ctx.settings.title();
  const rows = trial.map((r) => {
    const lines = [r.title];
    if (r.witnesses.length > 0) lines.push(`Witness${r.witnesses.length > 1 ? 'es' : ''}: ${r.witnesses.join('; ')}`);
    if (r.outcome) lines.push(`${TRIAL_EVENT_LABELS[r.outcome.event]} ${r.outcome.date}`);
    return { cells: [r.plaintiffNo ?? '', r.defendantNo ?? '', r.offered ?? '', r.marked ?? '', r.admitted ?? '', lines.join('\n')] };
  });
  const table: Table = {
    title: 'EXHIBIT AND WITNESS LIST',
    subtitle: [
      'AO 187 (Rev. 7/87) Exhibit and Witness List',
      `UNITED STATES DISTRICT COURT${args.caption?.court ? ` · ${args.caption.court.toUpperCase()}` : ''}`,
      `${caseTitle} · Case Number: ${args.caption?.caseNumber || BLANK}`,
      `Presiding Judge: ${args.judge || BLANK} · Trial Date(s): ${args.trialDates || BLANK}`,
      '* Include a notation as to the location of any exhibit not held with the case file or not available because of size.',
    ],
    columns: AO_187_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i]! })),
    rows,
  };
  const name = `${safeFileName(caseTitle)} – Exhibit and witness list (AO 187).${args.format}`;
  const file = path.join(job.folder, name);
  job.progress(0, 1, name);
  const info = { title: `${caseTitle} – Exhibit and witness list`, createdAt: job.createdAt };
  const written =
    args.format === 'pdf'
      ? await writeTablePdf(file, table, info)
      : { ...writeOutputFile(file, await tableDocx(table, { creator: 'Exhibit Desk', title: info.title })), pages: null };
  job.progress(1, 1, null);
  return {
    files: [{ name, ...written, exhibits: trial.map((r) => r.exhibitNo) }],
    exhibits: trial.map((r) => ({ exhibitId: r.exhibitId, exhibitNo: r.exhibitNo, title: r.title, bates: null, pages: null, files: [name], originals: [] })),
    bates: null,
    settings: { format: args.format, select: args.select, caption: args.caption ?? null, judge: args.judge ?? null, trialDates: args.trialDates ?? null },
  };
}
