// Runs an export for the API: prepares the output folder, has a worker thread build the files (reporting progress,
// honouring cancel), writes the manifest, publishes the folder and records the export in the audit log.
import path from 'node:path';
import type { CallOptions } from '../../../shared/api.ts';
import type { ExportResult } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { sqliteBinding } from '../store/sqlite-binding.ts';
import { AUDIT_OBJECT } from './bates-register.ts';
import { discardExportFolder, prepareOutDir, publishExportFolder, startExportFolder, writeOutputFile } from './export-folder.ts';
import type { ExportRequest } from './export-job.ts';
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
    const manifestFile = manifestBytes(request.kind, ctx.settings.title(), createdAt, outcome, warnings);
    const manifest = writeOutputFile(path.join(temp, MANIFEST_NAME), manifestFile);
    const folder = publishExportFolder(temp, request.kind, createdAt);
    ctx.db.transaction(() => {
      ctx.audit.record({
        action: `export.${request.kind}`,
        objectType: AUDIT_OBJECT,
        objectId: request.kind,
        after: {
          folder,
          manifest: manifest.sha256,
          files: outcome.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
          settings: outcome.settings,
          bates: outcome.bates,
        },
        sha256: outcome.files.map((f) => f.sha256),
      });
    }).immediate();
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
