// The chronology report: Date, Fact, Sources (pinpoint cites, then the complaint paragraphs), Status (key facts marked
// KEY and set in bold), as Word, PDF or CSV, written like every export — into a fresh folder with a manifest of
// SHA-256 sums, published only when complete and recorded in the audit log. Small enough to run on the calling
// thread, so it does not go through the export worker.
import path from 'node:path';
import type { ParsedArgsOf } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import { FACT_STATUS_LABELS, type ExportResult, type Fact } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { AUDIT_OBJECT } from '../export/bates-register.ts';
import { csvBytes } from '../export/csv.ts';
import { discardExportFolder, prepareOutDir, publishExportFolder, startExportFolder, writeOutputFile } from '../export/export-folder.ts';
import { safeFileName } from '../export/file-names.ts';
import { MANIFEST_NAME } from '../export/manifest.ts';
import type { Table } from '../export/table.ts';
import { tableDocx } from '../export/table-docx.ts';
import { writeTablePdf } from '../export/table-pdf.ts';
import { describeFilters, selectFacts } from './select-facts.ts';

const KIND = 'chronology';

const COLUMNS = [
  { header: 'Date', width: 12 },
  { header: 'Fact', width: 50 },
  { header: 'Sources', width: 22 },
  { header: 'Status', width: 16 },
];

/** The four cells of a fact's row, as every format prints them. */
export function chronologyCells(f: Fact): string[] {
  const cites = f.sources.map((s) => s.cite).join('; ') || 'NO SOURCE';
  const paragraphs = f.paragraphs.length === 0 ? '' : `\nCompl. ${f.paragraphs.length === 1 ? '¶' : '¶¶'} ${f.paragraphs.join(', ')}`;
  const status = FACT_STATUS_LABELS[f.status];
  return [f.date.display, f.statement, `${cites}${paragraphs}`, f.key ? `KEY – ${status}` : status];
}

export async function exportChronology(ctx: CaseContext, args: ParsedArgsOf<'exportChronology'>): Promise<ExportResult> {
  const facts = selectFacts(ctx, args.filters);
  if (facts.length === 0) throw new UserError('not_found', 'No facts match; the chronology would be empty.');
  const dir = prepareOutDir(args.outDir, ctx.vault.root);
  const createdAt = ctx.now();
  const caseTitle = ctx.settings.title();
  const selected = describeFilters(args.filters);
  const table: Table = {
    title: 'CHRONOLOGY',
    subtitle: [caseTitle, ...(selected ? [selected] : []), `${facts.length} fact(s), in date order; undated facts (TBD) last; key facts marked KEY.`],
    columns: COLUMNS,
    rows: facts.map((f) => ({ cells: chronologyCells(f), weight: f.key ? ('bold' as const) : undefined })),
  };
  const unsourced = facts.filter((f) => f.unsourced).length;
  const warnings = unsourced > 0 ? [`${unsourced} fact(s) have no source; they are marked NO SOURCE.`] : [];
  if (ctx.readOnly) warnings.push('The case is open read-only (its database is damaged), so this export is not recorded in its audit log.');

  const temp = startExportFolder(dir, KIND);
  try {
    const name = `${safeFileName(caseTitle)} – Chronology.${args.format}`;
    const title = `${caseTitle} – Chronology`;
    const file = path.join(temp, name);
    const written =
      args.format === 'pdf'
        ? await writeTablePdf(file, table, { title, createdAt })
        : args.format === 'docx'
          ? { ...writeOutputFile(file, await tableDocx(table, { creator: 'Exhibit Desk', title })), pages: null }
          : { ...writeOutputFile(file, csvBytes([COLUMNS.map((c) => c.header), ...facts.map(chronologyCells)])), pages: null };
    const cited = [...new Set(facts.flatMap((f) => f.sources.map((s) => s.exhibitNo)))];
    const settings = { format: args.format, filters: args.filters };
    const manifest = writeOutputFile(path.join(temp, MANIFEST_NAME), manifestBytes(caseTitle, createdAt, settings, { name, ...written, exhibits: cited }, facts.length, warnings, ctx));
    const folder = publishExportFolder(temp, KIND, createdAt);
    if (!ctx.readOnly) {
      ctx.db.transaction(() => {
        ctx.audit.record({
          action: `export.${KIND}`,
          objectType: AUDIT_OBJECT,
          objectId: KIND,
          after: { folder, manifest: manifest.sha256, files: [{ name, sha256: written.sha256 }], settings, facts: facts.length },
          sha256: [written.sha256],
        });
      }).immediate();
    }
    return { files: [{ path: path.join(folder, name), sha256: written.sha256, pages: written.pages, bytes: written.bytes }], manifest: path.join(folder, MANIFEST_NAME), warnings };
  } catch (e) {
    discardExportFolder(temp);
    throw e;
  }
}

/** The same manifest format as the other exports (export/manifest.ts), with the facts counted instead of exhibits. */
function manifestBytes(
  caseTitle: string,
  createdAt: string,
  settings: Record<string, unknown>,
  file: { name: string; sha256: string; bytes: number; pages: number | null; exhibits: string[] },
  facts: number,
  warnings: string[],
  ctx: CaseContext,
): Uint8Array {
  const manifest = {
    format: 'exhibit-desk-export/1',
    kind: KIND,
    createdAt,
    case: { title: caseTitle },
    auditHead: ctx.audit.head(),
    settings,
    files: [file],
    facts,
    warnings,
  };
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}
