// Runs an export for the API: prepares the output folder, has a worker thread build the files (reporting progress,
// honouring cancel), writes the manifest, publishes the folder and records the export in the audit log (not on a case
// open read-only because its database is damaged: exporting what can be read is its way out).
import path from 'node:path';
import type { CallOptions } from '../../../shared/api.ts';
import type { ExportResult } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { sqliteBinding } from '../store/sqlite-binding.ts';
import { AUDIT_OBJECT } from './bates-register.ts';
import { discardExportFolder, prepareOutDir, publishExportFolder, startExportFolder, writeOutputFile } from './export-folder.ts';
import type { ExportKind, ExportOutcome, ExportRequest } from './export-job.ts';
import { exportInWorker } from './export-thread.ts';
import { MANIFEST_NAME, manifestBytes } from './manifest.ts';

export async function runExport(ctx: CaseContext, request: ExportRequest, options: CallOptions): Promise<ExportResult> {
  const dir = prepareOutDir(request.args.outDir, ctx.vault.root);
  const createdAt = ctx.now();
  const temp = startExportFolder(dir, request.kind);
  try {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const start = { request, dbFile: ctx.db.name, sqliteBinding: sqliteBinding(), vaultRoot: ctx.vault.root, folder: temp, createdAt, cancel };
    const { outcome, warnings } = await exportInWorker(start, options);
    if (ctx.readOnly) warnings.push('The case is open read-only (its database is damaged), so this export is not recorded in its audit log.');
    const manifestFile = manifestBytes(request.kind, ctx.settings.title(), createdAt, outcome, warnings, ctx.audit.head());
    const manifest = writeOutputFile(path.join(temp, MANIFEST_NAME), manifestFile);
    const folder = publishExportFolder(temp, request.kind, createdAt);
    if (!ctx.readOnly) recordExport(ctx, request.kind, folder, manifest.sha256, outcome);
    return {
      files: outcome.files.map((f) => ({ path: path.join(folder, f.name), sha256: f.sha256, pages: f.pages, bytes: f.bytes })),
      manifest: path.join(folder, MANIFEST_NAME),
      warnings,
    };
  } catch (e) {
    discardExportFolder(temp);
    throw e;
  }
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
