// The proof chart: for each cause of action and each of its paragraphs, the evidence linked to it as pinpoint cites
// ("Ex. 12 at 3–4", with Bates numbers where the last bundle or stamped export assigned them), the quoted passage,
// the note and the stance, then the chronology’s facts for the paragraph; paragraphs with no evidence say so (or that they
// need none, and why), and the subtitle counts the gaps. As PDF or Word.
import path from 'node:path';
import type { Fact, Paragraph } from '../../../shared/model.ts';
import { batesPinpoint, lastBatesAssignment } from './bates-register.ts';
import { writeOutputFile } from './export-folder.ts';
import type { ExportArgs, ExportJob, ExportOutcome, ExportedExhibit, Exporter } from './export-job.ts';
import { safeFileName } from './file-names.ts';
import { citeExhibit, citesByDesignation } from '../numbers/cite-by.ts';
import type { Table, TableRow } from './table.ts';
import { tableDocx } from './table-docx.ts';
import { writeTablePdf } from './table-pdf.ts';

const STANCE_NAMES = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' } as const;

export const proofChartExporter: Exporter<'proof-chart'> = { kind: 'proof-chart', run: exportProofChart };

async function exportProofChart(job: ExportJob, args: ExportArgs<'proof-chart'>): Promise<ExportOutcome> {
  const { ctx } = job;
  const register = lastBatesAssignment(ctx);
  const causes = ctx.allegations.causes();
  const paragraphs = ctx.allegations.paragraphs();
  const cited = new Map<number, ExportedExhibit>();
  const groups: { heading: string; paragraphs: Paragraph[] }[] = [
    { heading: 'General allegations', paragraphs: paragraphs.filter((p) => p.causeId === null || !causes.some((c) => c.id === p.causeId)) },
    ...causes.map((c) => ({ heading: `Cause of action ${c.ordinal}: ${c.title}`, paragraphs: paragraphs.filter((p) => p.causeId === c.id) })),
  ].filter((g) => g.paragraphs.length > 0);

  // The chronology's facts tied to each paragraph, in date order: the story the evidence tells for it.
  const factsFor = new Map<number, Fact[]>();
  for (const fact of ctx.facts.list(false)) for (const n of fact.paragraphs) factsFor.set(n, [...(factsFor.get(n) ?? []), fact]);
  const factRows = (p: Paragraph): TableRow[] =>
    (factsFor.get(p.number) ?? []).map((f) => ({
      cells: ['', '', f.sources.length > 0 ? f.sources.map((s) => s.cite).join('\n') : 'No source', 'Fact', `${f.date.display}: ${f.statement}`],
      indent: 8,
    }));

  const rows: TableRow[] = groups.flatMap((group) => [
    { cells: [], heading: group.heading },
    ...group.paragraphs.flatMap((p): TableRow[] => {
      const links = ctx.evidence.forParagraph(p.id);
      if (links.length === 0) {
        const gap = p.noEvidenceReason ? `No evidence needed: ${p.noEvidenceReason}` : 'No evidence linked';
        return [{ cells: [`¶ ${p.number}`, p.text, gap, '', ''] }, ...factRows(p)];
      }
      return [...links.map((link, i) => {
        const exhibit = ctx.exhibits.get(link.exhibitId);
        cited.set(exhibit.id, {
          exhibitId: exhibit.id,
          exhibitNo: exhibit.exhibitNo,
          title: exhibit.title,
          bates: null,
          pages: exhibit.pages,
          files: [],
          originals: [],
        });
        const bates = batesPinpoint(register.exhibits.get(link.exhibitId), link.pageFrom, link.pageTo);
        const passage = [link.quote ? `“${link.quote}”` : '', link.note ? `Note: ${link.note}` : ''].filter(Boolean).join('\n');
        return {
          cells: [
            i === 0 ? `¶ ${p.number}` : '',
            i === 0 ? p.text : '',
            `${citesByDesignation(args) ? citeExhibit(ctx, exhibit, args, { from: link.pageFrom, to: link.pageTo }) : link.cite}${bates ? ` (${bates})` : ''}\n${exhibit.title}`,
            STANCE_NAMES[link.stance],
            passage,
          ],
        };
      }), ...factRows(p)];
    }),
  ]);
  if (paragraphs.length === 0) job.warn('The case has no allegations yet; import the complaint first.');

  const caseTitle = ctx.settings.title();
  // The gaps as the allegations pane counts them: no supporting evidence, and not marked as needing none.
  const gaps = ctx.allegations.unsupported().length;
  const needNone = paragraphs.filter((p) => p.noEvidenceReason).length;
  const gapLine = `Gaps: ${gaps} of ${paragraphs.length} paragraphs without supporting evidence${needNone ? `; ${needNone} need none` : ''}.`;
  const table: Table = {
    title: 'PROOF CHART',
    subtitle: [
      caseTitle,
      'Each paragraph of the complaint with the evidence linked to it and the chronology’s facts for it; pinpoint cites are to exhibit pages.',
      ...(paragraphs.length > 0 ? [gapLine] : []),
    ],
    columns: [
      { header: '¶', width: 6 },
      { header: 'Allegation', width: 32 },
      { header: 'Evidence', width: 20 },
      { header: 'Stance', width: 9 },
      { header: 'Quoted passage and note', width: 33 },
    ],
    rows,
  };
  const name = `${safeFileName(caseTitle)} – Proof chart.${args.format}`;
  const file = path.join(job.folder, name);
  job.progress(0, 1, name);
  const info = { title: `${caseTitle} – Proof chart`, createdAt: job.createdAt };
  const written =
    args.format === 'pdf'
      ? await writeTablePdf(file, table, info)
      : { ...writeOutputFile(file, await tableDocx(table, { creator: 'Exhibit Desk', title: info.title })), pages: null };
  job.progress(1, 1, null);
  return {
    files: [{ name, ...written, exhibits: [...cited.values()].map((e) => e.exhibitNo) }],
    exhibits: [...cited.values()],
    bates: null,
    settings: { format: args.format, batesFrom: register.source, citeBy: args.citeBy ?? null, citeAlso: args.citeAlso ?? [] },
  };
}
