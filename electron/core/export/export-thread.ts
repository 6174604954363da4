// The worker thread exports run in. Its libraries (PDF writer, fonts, Word writer) take about a second to load, so
// after an export its thread waits briefly for the next one (exports often come in a row: a bundle, then its list).
import type { Worker } from 'node:worker_threads';
import type { CallOptions } from '../../../shared/api.ts';
import { UserError, fromErrorPayload } from '../../../shared/errors.ts';
import { spawnWorker } from '../workers/spawn-worker.ts';
import type { ExportOutcome } from './export-job.ts';
import type { ExportMessage, ExportStart } from './export-protocol.ts';

const WORKER_URL = new URL('./export-worker.ts', import.meta.url);
const MEMORY_MB = 4096;
// Short, because a waiting thread keeps the process alive (its output pipes do, even unreferenced).
const KEEP_WARM_MS = 1500;

let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;

function acquire(): Worker {
  if (idle) {
    clearTimeout(idle.timer);
    const { worker } = idle;
    idle = null;
    return worker;
  }
  return spawnWorker(WORKER_URL, { maxOldGenerationSizeMb: MEMORY_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 });
}

/** A thread that finished its export cleanly waits for the next; any other is ended. */
function release(worker: Worker, clean: boolean): void {
  worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  if (!clean || idle) {
    void worker.terminate();
    return;
  }
  worker.once('exit', () => {
    if (idle?.worker === worker) idle = null;
  });
  idle = { worker, timer: setTimeout(stopExportThread, KEEP_WARM_MS) };
}

/** Ends the waiting thread now: for a process that knows it will export no more (the CLI). */
export function stopExportThread(): void {
  if (!idle) return;
  clearTimeout(idle.timer);
  void idle.worker.terminate();
  idle = null;
}

export function exportInWorker(start: ExportStart, options: CallOptions): Promise<{ outcome: ExportOutcome; warnings: string[] }> {
  const worker = acquire();
  const cancel = () => Atomics.store(start.cancel, 0, 1);
  let current: string | null = null;
  let clean = false;
  return new Promise<{ outcome: ExportOutcome; warnings: string[] }>((resolve, reject) => {
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel);
    worker.on('message', (message: ExportMessage) => {
      if (message.type === 'progress') {
        current = message.progress.current ?? current;
        options.onProgress?.(message.progress);
        return;
      }
      clean = message.type === 'done' || message.error.code !== 'internal';
      if (message.type === 'done') resolve(message);
      else reject(fromErrorPayload(message.error));
    });
    worker.on('error', (e: Error & { code?: string }) =>
      reject(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new UserError('too_large', `The export needed more than ${MEMORY_MB} MB of memory${current ? ` (at ${current})` : ''}.`)
          : e,
      ),
    );
    worker.on('exit', () => reject(new Error('The export worker stopped unexpectedly.')));
    worker.postMessage(start);
  }).finally(() => {
    options.signal?.removeEventListener('abort', cancel);
    release(worker, clean);
  });
}
