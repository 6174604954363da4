// Runs preflight's file checks in a worker thread, one file at a time, with a time and memory limit per file: a file
// that exceeds them is reported as unreadable and the next file gets a fresh thread. Reports progress, honours cancel.
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { CallOptions } from '../../../shared/api.ts';
import type { CourtProfile } from '../../../shared/court-profiles.ts';
import { UserError } from '../../../shared/errors.ts';
import { NOTE_CODES, type PreflightFile, type PreflightProblem } from '../../../shared/preflight.ts';
import { spawnWorker } from '../workers/spawn-worker.ts';
import { sizeProblems } from './file-checks.ts';
import type { PreflightAnswer, PreflightRequest } from './preflight-worker.ts';

const WORKER_URL = new URL('./preflight-worker.ts', import.meta.url);
const MEMORY_MB = 2048;
/** Long enough for a 35 MB file of a few thousand pages on a slow laptop. */
const FILE_SECONDS = 300;

const cancelled = () => new UserError('cancelled', 'Preflight was cancelled.');

export async function preflightInWorker(files: string[], limits: CourtProfile, options: CallOptions): Promise<PreflightFile[]> {
  const results: PreflightFile[] = [];
  let worker: Worker | null = null;
  try {
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) throw cancelled();
      options.onProgress?.({ done: i, total: files.length, current: path.basename(file) });
      let problems = sizeProblems(fs.statSync(file).size, limits);
      if (problems === null) {
        worker ??= spawnWorker(WORKER_URL, { maxOldGenerationSizeMb: MEMORY_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 });
        const checked = await checkInWorker(worker, { file, limits }, options.signal);
        if (checked.lost) worker = null;
        problems = checked.problems;
      }
      results.push({ path: file, ok: problems.every((p) => NOTE_CODES.has(p.code)), problems });
    }
    options.onProgress?.({ done: files.length, total: files.length, current: null });
    return results;
  } finally {
    void worker?.terminate();
  }
}

/** The file's problems; `lost` when the thread had to be ended (over its limits), so the next file needs a new one. */
function checkInWorker(worker: Worker, request: PreflightRequest, signal: AbortSignal | undefined): Promise<{ problems: PreflightProblem[]; lost: boolean }> {
  return new Promise((resolve, reject) => {
    const unreadable = (message: string): PreflightProblem[] => [{ code: 'unreadable', message, page: null }];
    const detach = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
    };
    const giveUp = (message: string) => {
      detach();
      void worker.terminate();
      resolve({ problems: unreadable(message), lost: true });
    };
    const onAbort = () => {
      detach();
      void worker.terminate();
      reject(cancelled());
    };
    const timer = setTimeout(() => giveUp(`Checking the file took longer than ${FILE_SECONDS} seconds, so it was given up.`), FILE_SECONDS * 1000);
    worker.on('message', (answer: PreflightAnswer) => {
      detach();
      if (answer.type === 'done') resolve({ problems: answer.problems, lost: false });
      else reject(new Error(`preflight of ${request.file} failed: ${answer.message}`));
    });
    worker.on('error', (e: Error & { code?: string }) =>
      giveUp(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `Checking the file needed more than ${MEMORY_MB} MB of memory, so it was given up.`
          : `The file could not be checked (${e.message.split('\n')[0]}).`,
      ),
    );
    worker.on('exit', () => giveUp('The file could not be checked: its reader stopped unexpectedly.'));
    signal?.addEventListener('abort', onAbort);
    worker.postMessage(request);
  });
}
