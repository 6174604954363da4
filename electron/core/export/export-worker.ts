// Worker thread entry: builds an export's files from the case, opened read-only, so that rendering and writing
// PDFs never holds up the thread the app or the CLI answers on. It runs one export at a time, then waits for the next.
import { parentPort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { UserError, toErrorPayload } from '../../../shared/errors.ts';
import { createCaseContext } from '../case/case-context.ts';
import { openVault } from '../vault/vault.ts';
import type { ExportJob } from './export-job.ts';
import type { ExportMessage, ExportStart } from './export-protocol.ts';
import { runExporter } from './exporters.ts';
import { openDatabase } from '../store/open-database.ts';

const port = parentPort!;
const send = (message: ExportMessage) => port.postMessage(message);

port.on('message', async (start: ExportStart) => {
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
      progress: (done, total, current) => send({ type: 'progress', progress: { done, total, current } }),
      checkCancelled() {
        if (Atomics.load(start.cancel, 0) === 1) throw new UserError('cancelled', 'The export was cancelled.');
      },
    };
    // One read transaction: the export sees the case as it was when it started, whatever is edited meanwhile.
    db.prepare('BEGIN').run();
    const outcome = await runExporter(job, start.request);
    send({ type: 'done', outcome, warnings: [...warnings] });
  } catch (e) {
    const internal = { code: 'internal' as const, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    send({ type: 'failed', error: e instanceof UserError ? toErrorPayload(e) : internal });
  } finally {
    db?.close();
  }
});
