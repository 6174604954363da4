// The pool of extraction workers an import reads its files in, with a time and memory limit per file: a file that
// overruns them, or crashes its reader, is refused in plain words, and its worker is replaced.
import fs from 'node:fs';
import os from 'node:os';
import { UserError } from '../../../shared/errors.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { workerScript } from '../workers/worker-script.ts';
import { isWorkerFailure, WorkerThread } from '../workers/worker-thread.ts';
import { MAX_READ_BYTES, type ExtractRequest, type ExtractedFile } from './extract-protocol.ts';

export interface PoolOptions {
  size?: number;
  timeoutMs?: number;
  memoryMb?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MEMORY_MB = 1536;

type ExtractThread = WorkerThread<ExtractRequest, ExtractedFile>;

/** Threads started ahead of an import, which the next pool with the usual memory limit takes in. */
const warmed: ExtractThread[] = [];

/**
 * Starts extraction threads now, one per file up to one per core (a folder counts as many files), for an import about
 * to be asked for (the CLI's import command): they load their readers while the case is opened. Threads no import
 * takes do not keep the process alive.
 */
export function warmExtractWorkers(paths: string[]): void {
  const folders = paths.some((p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory());
  const count = Math.min(os.availableParallelism(), folders ? Infinity : paths.length);
  while (warmed.length < count) warmed.push(new WorkerThread(workerScript('extract'), { memoryMb: DEFAULT_MEMORY_MB }));
}

export function createExtractPool(options: PoolOptions = {}) {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const started = memoryMb === DEFAULT_MEMORY_MB ? warmed.splice(0, size) : [];
  const pool = new WorkerPool<ExtractRequest, ExtractedFile>({ worker: 'extract', size, memoryMb }, started);

  return {
    size,
    async extract(path: string, fileName: string, passwords: string[]): Promise<ExtractedFile> {
      // A file too large to read is only hashed, as a stream: that takes as long as the disk needs and cannot hang, so
      // the time limit (meant for parsers) does not apply to it; cancelling still ends it.
      const limited = sizeOf(path) <= MAX_READ_BYTES;
      try {
        return await pool.call({ path, fileName, passwords }, { timeoutMs: limited ? timeoutMs : undefined });
      } catch (e) {
        throw refusal(e, timeoutMs);
      }
    },
    close: () => pool.close(),
  };
}

export type ExtractPool = ReturnType<typeof createExtractPool>;

/** What the user reads when a reader gave no answer; a file's own problem (a UserError from the worker) passes as is. */
function refusal(e: unknown, timeoutMs: number): unknown {
  if (!isWorkerFailure(e)) return e;
  switch (e.reason) {
    case 'closed':
    case 'aborted':
      return new UserError('cancelled', 'The import was cancelled.');
    case 'timeout':
      return new UserError('too_large', `The file took longer than ${Number((timeoutMs / 1000).toFixed(2))} s to read.`);
    case 'out_of_memory':
      return new UserError('too_large', 'The file needs more memory to read than is allowed.');
    default:
      return new UserError('damaged', 'The file could not be read (the reader stopped unexpectedly).');
  }
}

function sizeOf(path: string): number {
  try {
    return fs.statSync(path).size;
  } catch {
    return 0; // the worker reports the file's absence in its own words
  }
}
