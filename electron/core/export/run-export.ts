// Runs an export for the API: prepares the output folder, has a worker thread build the files (reporting progress,
// honouring cancel), writes the manifest, publishes the folder and records the export in the audit log (not on a case
// open read-only because its database is damaged: exporting what can be read is its way out).
import path from 'node:path';
import type { CallOptions } from '../../../shared/api.ts';
import type { CourtId } from '../../../shared/court-profiles.ts';
import { courtLimits } from '../../../shared/court-profiles.ts';
import { UserError } from '../../../shared/errors.ts';
import type { Exhibit, ExportPreflight, ExportResult } from '../../../shared/model.ts';
import { NOTE_CODES } from '../../../shared/preflight.ts';
import { selectFamilies } from './selection.ts';
import type { CaseContext } from '../case/case-context.ts';
import { sqliteBinding } from '../store/sqlite-binding.ts';
import { recordFiling } from '../numbers/filings.ts';
import { AUDIT_OBJECT } from './bates-register.ts';
import { discardExportFolder, prepareOutDir, publishExportFolder, startExportFolder, writeOutputFile } from './export-folder.ts';
import type { ExportKind, ExportOutcome, ExportRequest } from './export-job.ts';
import { exportInWorker } from './export-thread.ts';
import { MANIFEST_NAME, manifestBytes } from './manifest.ts';

export async function runExport(ctx: CaseContext, request: ExportRequest, options: CallOptions): Promise<ExportResult> {
  const dir = prepareOutDir(request.args.outDir, ctx.vault.root);
  const createdAt = ctx.now();
  const court = courtOf(request);
  const ocrWarnings = court && !ctx.readOnly ? await readPagesForCourt(ctx, request, options) : [];
  const temp = startExportFolder(dir, request.kind);
  try {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const start = { request, dbFile: ctx.db.name, sqliteBinding: sqliteBinding(), vaultRoot: ctx.vault.root, folder: temp, createdAt, cancel };
    const { outcome, warnings } = await exportInWorker(start, options);
    warnings.unshift(...ocrWarnings);
    const checked = court ? await checkForCourt(temp, court, outcome, options) : undefined;
    if (checked) warnings.push(...checked.lines);
    if (ctx.readOnly) warnings.push('The case is open read-only (its database is damaged), so this export is not recorded in its audit log.');
    const manifestFile = manifestBytes(request.kind, ctx.settings.title(), createdAt, outcome, warnings, ctx.audit.head(), checked?.summary);
    const manifest = writeOutputFile(path.join(temp, MANIFEST_NAME), manifestFile);
    const folder = publishExportFolder(temp, request.kind, createdAt);
    if (!ctx.readOnly) recordExport(ctx, request.kind, folder, manifest.sha256, outcome);
    const filing = ctx.readOnly || (request.kind !== 'bundle' && request.kind !== 'stamped') ? null : recordFiling(ctx, request.kind, folder, outcome);
    if (ctx.readOnly && outcome.filing) warnings.push('The case is open read-only, so this filing and its labels are not recorded.');
    return {
      files: outcome.files.map((f) => ({ path: path.join(folder, f.name), sha256: f.sha256, pages: f.pages, bytes: f.bytes })),
      manifest: path.join(folder, MANIFEST_NAME),
      warnings,
      ...(checked ? { preflight: checked.summary } : {}),
      ...(filing ? { filing } : {}),
    };
  } catch (e) {
    discardExportFolder(temp);
    throw e;
  }
}

/** The court a bundle or stamped export is made for (a profile other than "any court"), or null. */
function courtOf(request: ExportRequest): CourtId | null {
  if (request.kind !== 'bundle' && request.kind !== 'stamped') return null;
  return request.args.court && request.args.court !== 'generic' ? request.args.court : null;
}

/**
 * A court wants every page text-searchable: pages of the exported exhibits that OCR has not read yet are read first
 * (as `exhibit-desk ocr` would, and kept in the case), so the export can lay their text over them.
 */
async function readPagesForCourt(ctx: CaseContext, request: ExportRequest, options: CallOptions): Promise<string[]> {
  if (request.kind !== 'bundle' && request.kind !== 'stamped') return [];
  const ids = new Set<number>();
  const add = (e: Exhibit) => {
    ids.add(e.id);
    for (const child of ctx.exhibits.children(e.id)) add(child);
  };
  for (const head of selectFamilies(ctx, request.args.select)) add(head);
  // Loaded only for an export made for a court: OCR and preflight bring PDF readers the other exports never need.
  const { runOcr } = await import('../ocr/run-ocr.ts');
  const report = await runOcr(ctx, { passwords: request.args.passwords, exhibitIds: ids }, options);
  if (report.cancelled) throw new UserError('cancelled', 'The export was cancelled while OCR read its scanned pages; nothing was exported.');
  const read = report.pages > 0 ? [`OCR read ${report.pages} scanned page(s) first, so that every page of the export has text (${report.seconds.toFixed(0)} s).`] : [];
  return [...read, ...report.warnings];
}

/**
 * Checks what the export wrote as the court's system will (the same preflight a user runs) and says either that it
 * passes, or per file and page what could not be made to pass and why.
 */
async function checkForCourt(
  folder: string,
  court: CourtId,
  outcome: ExportOutcome,
  options: CallOptions,
): Promise<{ lines: string[]; summary: ExportPreflight }> {
  const pdfs = outcome.files.filter((f) => f.name.toLowerCase().endsWith('.pdf'));
  const { preflight } = await import('../preflight/preflight.ts');
  const report = await preflight(
    pdfs.map((f) => path.join(folder, f.name)),
    courtLimits(court, undefined),
    { signal: options.signal },
  );
  const files = report.files.map((f) => ({ ...f, path: path.basename(f.path) }));
  const failing = files.filter((f) => !f.ok);
  const lines =
    failing.length === 0
      ? [`Passes ${court} preflight: all ${files.length} PDF file(s) checked as the court's system reads them.`]
      : failing.flatMap((f) =>
          f.problems.filter((p) => !NOTE_CODES.has(p.code)).map((p) => `Does not pass ${court} preflight: ${f.path}${p.page === null ? '' : `, page ${p.page}`}: ${p.message}`),
        );
  for (const f of files) {
    const marked = f.problems.filter((p) => NOTE_CODES.has(p.code) && p.page !== null).map((p) => p.page!);
    if (marked.length > 0) {
      lines.push(`Note: ${f.path}: ${marked.length === 1 ? `page ${marked[0]} carries` : `${marked.length} pages carry`} a confidentiality legend; the filing may belong under seal.`);
    }
  }
  return { lines, summary: { court, passes: failing.length === 0, files } };
}

/** The audit entry of an export; its Bates assignment is what later exhibit lists and proof charts cite. */
function recordExport(ctx: CaseContext, kind: ExportKind, folder: string, manifestSha256: string, outcome: ExportOutcome): void {
  ctx.db
    .transaction(() => {
      ctx.audit.record({
        action: `export.${kind}`,
        objectType: AUDIT_OBJECT,
        objectId: kind,
        after: {
          folder,
          manifest: manifestSha256,
          files: outcome.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
          settings: outcome.settings,
          bates: outcome.bates,
        },
        sha256: outcome.files.map((f) => f.sha256),
      });
    })
    .immediate();
}
