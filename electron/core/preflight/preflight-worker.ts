// Worker thread entry: reads one PDF at a time for preflight, so that parsing a large or hostile file never holds up
// the thread the app or the CLI answers on (and a file that hangs or runs out of memory costs only this thread).
import type { CourtProfile } from '../../../shared/court-profiles.ts';
import type { PreflightProblem } from '../../../shared/preflight.ts';
import { serveCalls } from '../workers/serve-calls.ts';
import { contentProblems } from './file-checks.ts';

export interface PreflightRequest {
  file: string;
  limits: CourtProfile;
}

await serveCalls<PreflightRequest, PreflightProblem[]>({ answer: ({ file, limits }) => contentProblems(file, limits) });
