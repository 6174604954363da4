// The worker thread exports run in. Its libraries (PDF writer, fonts, Word writer) take a while to load, so one thread
// is kept: it may be started ahead of the first export (the CLI's export command, the Export dialog's preview) and
// waits for the next export after each (a preview, then the export; a bundle, then its list). A waiting thread does
// not keep the process alive.
import type { CallOptions } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { ImportProgress } from '../../../shared/model.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { isWorkerFailure } from '../workers/worker-thread.ts';
import type { ExportKind } from './export-job.ts';
import type { ExportAnswer, ExportStart, ExportWarmth } from './export-protocol.ts';

const MEMORY_MB = 4096;
/** A waiting thread holds its libraries' memory: after this long without an export it is let go. */
const KEEP_WARM_MS = 10 * 60_000;

// Exports asked for at once (a preview while an export runs) each get a thread, as they always did. A young generation of
// 16 MB: a 10,000-page bundle peaks at 245 MB instead of 295 MB with the default, in no more time.
const pool = new WorkerPool<ExportStart, ExportAnswer, ImportProgress>({ worker: 'export', size: 4, memoryMb: MEMORY_MB, youngMb: 16, idleMs: KEEP_WARM_MS });

/**
 * Starts the thread now and has it load what an export of this kind needs (its exporter, the fonts), so that this is
 * done by the time the export is asked for: while the case is opened, or while the Export dialog shows its preview.
 */
export function warmExportThread(kind: ExportKind): void {
  pool.warm({ prepare: kind } satisfies ExportWarmth);
}

/** Ends the waiting thread now: for a process that knows it will export no more. */
export function stopExportThread(): void {
  pool.stopIdle();
}

export async function exportInWorker(start: ExportStart, options: CallOptions): Promise<ExportAnswer> {
  // Cancelling is asked of the thread, which stops between pages and stays usable.
  const cancel = () => Atomics.store(start.cancel, 0, 1);
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel);
  let current: string | null = null;
  try {
    return await pool.call(start, {
      onProgress: (progress) => {
        current = progress.current ?? current;
        options.onProgress?.(progress);
      },
    });
  } catch (e) {
    if (isWorkerFailure(e, 'out_of_memory')) {
      throw new UserError('too_large', `The export needed more than ${MEMORY_MB} MB of memory${current ? ` (at ${current})` : ''}.`);
    }
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}
