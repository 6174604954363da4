// Runs preflight's file checks in a worker thread, one file at a time, with a time and memory limit per file: a file
// that exceeds them is reported as unreadable and the next file gets a fresh thread. Reports progress, honours cancel.
import fs from 'node:fs';
import path from 'node:path';
import type { CallOptions } from '../../../shared/api.ts';
import type { CourtProfile } from '../../../shared/court-profiles.ts';
import { UserError } from '../../../shared/errors.ts';
import { NOTE_CODES, type PreflightFile, type PreflightProblem } from '../../../shared/preflight.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { isWorkerFailure, type WorkerFailure } from '../workers/worker-thread.ts';
import type { PreflightRequest } from './preflight-worker.ts';

const MEMORY_MB = 2048;
/** Long enough for a 35 MB file of a few thousand pages on a slow laptop. */
const FILE_SECONDS = 300;

const cancelled = () => new UserError('cancelled', 'Preflight was cancelled.');

export async function preflightInWorker(files: string[], limits: CourtProfile, options: CallOptions): Promise<PreflightFile[]> {
  const results: PreflightFile[] = [];
  // Loaded here, not with the API: the checks' module brings the PDF readers the worker uses.
  const { sizeProblems } = await import('./file-checks.ts');
  const pool = new WorkerPool<PreflightRequest, PreflightProblem[]>({ worker: 'preflight', size: 1, memoryMb: MEMORY_MB });
  try {
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) throw cancelled();
      options.onProgress?.({ done: i, total: files.length, current: path.basename(file) });
      const problems = sizeProblems(fs.statSync(file).size, limits) ?? (await checkInWorker(pool, { file, limits }, options.signal));
      results.push({ path: file, ok: problems.every((p) => NOTE_CODES.has(p.code)), problems });
    }
    options.onProgress?.({ done: files.length, total: files.length, current: null });
    return results;
  } finally {
    void pool.close();
  }
}

/** The file's problems; a file its thread could not finish is unreadable, and the pool starts a fresh thread. */
async function checkInWorker(pool: WorkerPool<PreflightRequest, PreflightProblem[]>, request: PreflightRequest, signal: AbortSignal | undefined): Promise<PreflightProblem[]> {
  try {
    return await pool.call(request, { timeoutMs: FILE_SECONDS * 1000, signal });
  } catch (e) {
    if (isWorkerFailure(e, 'aborted')) throw cancelled();
    if (isWorkerFailure(e)) return [{ code: 'unreadable', message: unreadable(e), page: null }];
    throw new Error(`preflight of ${request.file} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function unreadable(failure: WorkerFailure): string {
  switch (failure.reason) {
    case 'timeout':
      return `Checking the file took longer than ${FILE_SECONDS} seconds, so it was given up.`;
    case 'out_of_memory':
      return `Checking the file needed more than ${MEMORY_MB} MB of memory, so it was given up.`;
    default:
      return failure.detail ? `The file could not be checked (${failure.detail}).` : 'The file could not be checked: its reader stopped unexpectedly.';
  }
}
