// The preview an Export dialog shows before anything is written: the same exporter, in the same worker, drawing only
// the first pages into a private temporary folder that is deleted afterwards; no manifest, no audit entry, no Bates
// numbers recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallOptions, ParsedArgsOf } from '../../../shared/api.ts';
import { COURT_PROFILES } from '../../../shared/court-profiles.ts';
import { UserError } from '../../../shared/errors.ts';
import type { ExportPreview } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { sqliteBinding } from '../store/sqlite-binding.ts';
import type { ExportRequest } from './export-job.ts';
import { exportInWorker } from './export-thread.ts';

/** Word and CSV files are previewed in the PDF layout of the same table. */
function asPdf(request: ParsedArgsOf<'previewExport'>): ExportRequest {
  if (request.kind === 'list') return { kind: 'list', args: { ...request.args, format: 'pdf' } };
  if (request.kind === 'proof-chart') return { kind: 'proof-chart', args: { ...request.args, format: 'pdf' } };
  if (request.kind === 'trial-list') return { kind: 'trial-list', args: { ...request.args, format: 'pdf' } };
  return request;
}

export async function previewExport(ctx: CaseContext, preview: ParsedArgsOf<'previewExport'>, options: CallOptions): Promise<ExportPreview> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-desk-preview-'));
  try {
    const start = {
      request: asPdf(preview),
      dbFile: ctx.db.name,
      sqliteBinding: sqliteBinding(),
      vaultRoot: ctx.vault.root,
      folder,
      createdAt: ctx.now(),
      previewPages: preview.pages,
      cancel: new Int32Array(new SharedArrayBuffer(4)),
    };
    const { outcome, warnings } = await exportInWorker(start, options);
    const first = outcome.files[0];
    if (!first) throw new UserError('not_found', 'There is nothing to preview: the selection holds no exhibits.');
    return {
      pdf: fs.readFileSync(path.join(folder, first.name)).toString('base64'),
      pages: first.pages ?? 0,
      fileName: previewName(preview, first.name),
      warnings,
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The name of the file the preview begins; a preview holds too few pages to know how many volumes there will be. */
function previewName(preview: ParsedArgsOf<'previewExport'>, name: string): string {
  if (preview.kind === 'bundle') {
    const capped = preview.args.maxMb !== undefined || (preview.args.court !== undefined && COURT_PROFILES[preview.args.court].maxMb !== null);
    return name.replace(/( – Volume \d+ of \d+)?\.pdf$/, capped ? ' – Volume 1.pdf' : '.pdf');
  }
  return 'format' in preview.args ? name.replace(/\.pdf$/, `.${preview.args.format}`) : name;
}
