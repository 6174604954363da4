// Messages between a worker thread and the primitive that runs it (worker-thread.ts in the caller, serve-calls.ts in
// the thread): the thread says when it has loaded, then answers one call at a time, with progress on the way.
import type { ErrorPayload } from '../../../shared/errors.ts';

export interface CallMessage<Request> {
  id: number;
  request: Request;
}

export type WorkerMessage<Answer, Progress> =
  | { type: 'ready' }
  /** The thread could not load what its calls need (OCR's engine, say): it takes no calls. */
  | { type: 'unavailable'; error: ErrorPayload }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'done'; id: number; value: Answer }
  | { type: 'failed'; id: number; error: ErrorPayload };
