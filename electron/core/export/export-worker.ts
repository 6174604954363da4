// Worker thread entry: builds an export's files from the case, opened read-only, so that rendering and writing
// PDFs never holds up the thread the app or the CLI answers on. It runs one export at a time, then waits for the next.
import { workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { ImportProgress } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import { createCaseContext } from '../case/case-context.ts';
import { openVault } from '../vault/vault.ts';
import { serveCalls } from '../workers/serve-calls.ts';
import type { ExportJob } from './export-job.ts';
import type { ExportAnswer, ExportStart, ExportWarmth } from './export-protocol.ts';
import { loadExporter, runExporter } from './exporters.ts';
import { loadFonts } from './fonts.ts';
import { openDatabase } from '../store/open-database.ts';

async function runExport(start: ExportStart, progress: (p: ImportProgress) => void): Promise<ExportAnswer> {
  let db: Database.Database | null = null;
  try {
    db = openDatabase(start.dbFile, { readonly: true, fileMustExist: true, nativeBinding: start.sqliteBinding });
    const warnings = new Set<string>();
    const job: ExportJob = {
      ctx: createCaseContext(db, openVault(start.vaultRoot), () => start.createdAt),
      folder: start.folder,
      createdAt: start.createdAt,
      previewPages: start.previewPages,
      warn: (message) => warnings.add(message),
      progress: throttled(progress),
      checkCancelled() {
        if (Atomics.load(start.cancel, 0) === 1) throw new UserError('cancelled', 'The export was cancelled.');
      },
    };
    // One read transaction: the export sees the case as it was when it started, whatever is edited meanwhile.
    db.prepare('BEGIN').run();
    const outcome = await runExporter(job, start.request);
    return { outcome, warnings: [...warnings] };
  } finally {
    db?.close();
  }
}

/**
 * Progress at most five times a second (and always the last step): a thousand exhibits need not be a thousand
 * messages, each of which cost the 10,000-page bundle nearly a millisecond.
 */
function throttled(progress: (p: ImportProgress) => void): ExportJob['progress'] {
  let sent = 0;
  return (done, total, current) => {
    const now = performance.now();
    if (now - sent < 200 && done < total) return;
    sent = now;
    progress({ done, total, current });
  };
}

await serveCalls<ExportStart, ExportAnswer, ImportProgress>({
  // A thread started ahead of an export loads its exporter and the fonts on its own, while the caller opens the case.
  async load() {
    const warmth = workerData as ExportWarmth | undefined;
    if (!warmth) return;
    try {
      await loadExporter(warmth.prepare);
      loadFonts();
    } catch {
      // Not ready after all: the export loads them again, and says what fails.
    }
  },
  answer: runExport,
});
