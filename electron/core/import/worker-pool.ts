// A pool of extraction workers with a time and memory limit per file; a worker that overruns is replaced.
import fs from 'node:fs';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { UserError, fromErrorPayload } from '../../../shared/errors.ts';
import { spawnWorker } from '../workers/spawn-worker.ts';
import { MAX_READ_BYTES, WORKER_READY, type ExtractRequest, type ExtractResponse, type ExtractedFile } from './extract-protocol.ts';

export interface PoolOptions {
  size?: number;
  timeoutMs?: number;
  memoryMb?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MEMORY_MB = 1536;
const WORKER_URL = new URL('./extract-worker.ts', import.meta.url);

interface Slot {
  worker: Worker;
  /** Settles when the worker has loaded its readers; a file's time limit starts only then. */
  ready: Promise<void>;
  busy: boolean;
}

export function createExtractPool(options: PoolOptions = {}) {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const slots: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Pick<Slot, 'worker' | 'ready'> => {
    const worker = spawnWorker(WORKER_URL, { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 });
    const ready = new Promise<void>((resolve) => {
      const onReady = (m: unknown) => {
        if (m !== WORKER_READY) return;
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
      // A worker that dies while loading is reported by the run that waits on it.
      worker.once('exit', () => resolve());
    });
    return { worker, ready };
  };

  async function acquire(): Promise<Slot> {
    const free = slots.find((s) => !s.busy);
    if (free) return claim(free);
    if (slots.length < size) {
      const slot = { ...spawn(), busy: false };
      slots.push(slot);
      return claim(slot);
    }
    return new Promise((resolve) => waiting.push((slot) => resolve(claim(slot))));
  }

  function claim(slot: Slot): Slot {
    slot.busy = true;
    return slot;
  }

  function release(slot: Slot): void {
    slot.busy = false;
    waiting.shift()?.(slot);
  }

  function replace(slot: Slot): void {
    void slot.worker.terminate();
    if (!closed) Object.assign(slot, spawn());
  }

  async function run(slot: Slot, req: ExtractRequest): Promise<ExtractedFile> {
    // A file too large to read is only hashed, as a stream: that takes as long as the disk needs and cannot hang, so
    // the time limit (meant for parsers) does not apply to it; cancelling still ends it.
    const limited = sizeOf(req.path) <= MAX_READ_BYTES;
    await slot.ready;
    return new Promise((resolve, reject) => {
      const { worker } = slot;
      const finish = (fn: () => void) => {
        if (timer) clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        fn();
      };
      const onMessage = (res: ExtractResponse) => {
        if (res.id !== req.id) return;
        finish(() => (res.ok ? resolve(res.file) : reject(fromErrorPayload(res.error))));
      };
      const onError = (e: Error & { code?: string }) => {
        replace(slot);
        const outOfMemory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(() =>
          reject(
            outOfMemory
              ? new UserError('too_large', 'The file needs more memory to read than is allowed.')
              : new UserError('damaged', 'The file could not be read (the reader stopped unexpectedly).'),
          ),
        );
      };
      const onExit = () => {
        replace(slot);
        finish(() =>
          reject(
            closed
              ? new UserError('cancelled', 'The import was cancelled.')
              : new UserError('damaged', 'The file could not be read (the reader stopped unexpectedly).'),
          ),
        );
      };
      const timer = limited
        ? setTimeout(() => {
            replace(slot);
            finish(() => reject(new UserError('too_large', `The file took longer than ${Number((timeoutMs / 1000).toFixed(2))} s to read.`)));
          }, timeoutMs)
        : null;
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(req);
    });
  }

  return {
    size,
    async extract(path: string, fileName: string, passwords: string[]): Promise<ExtractedFile> {
      if (closed) throw new UserError('cancelled', 'The import was cancelled.');
      const slot = await acquire();
      try {
        return await run(slot, { id: nextId++, path, fileName, passwords });
      } finally {
        release(slot);
      }
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export type ExtractPool = ReturnType<typeof createExtractPool>;

function sizeOf(path: string): number {
  try {
    return fs.statSync(path).size;
  } catch {
    return 0; // the worker reports the file's absence in its own words
  }
}
