// Worker thread entry: reads one PDF at a time for preflight, so that parsing a large or hostile file never holds up
// the thread the app or the CLI answers on (and a file that hangs or runs out of memory costs only this thread).
import { parentPort } from 'node:worker_threads';
import type { CourtProfile } from '../../../shared/court-profiles.ts';
import type { PreflightProblem } from '../../../shared/preflight.ts';
import { contentProblems } from './file-checks.ts';

export interface PreflightRequest {
  file: string;
  limits: CourtProfile;
}

export type PreflightAnswer = { type: 'done'; problems: PreflightProblem[] } | { type: 'failed'; message: string };

const port = parentPort!;

port.on('message', async ({ file, limits }: PreflightRequest) => {
  try {
    port.postMessage({ type: 'done', problems: await contentProblems(file, limits) } satisfies PreflightAnswer);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies PreflightAnswer);
  }
});
