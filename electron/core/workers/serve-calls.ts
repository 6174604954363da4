// The worker thread's side of the worker primitive: loads what its calls need, says it is ready, then answers the
// calls it is sent, one at a time. A UserError crosses back as itself; any other error as the worker chooses (by
// default a bug, with its stack, after which the caller retires the thread).
import { parentPort } from 'node:worker_threads';
import { UserError, toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { CallMessage, WorkerMessage } from './worker-protocol.ts';

export interface Service<Request, Answer, Progress = never> {
  /** Loads what every call needs; an error here leaves the thread unavailable (reported, taking no calls). */
  load?(): Promise<void>;
  answer(request: Request, progress: (progress: Progress) => void): Promise<Answer>;
  /** How an error other than a UserError is reported; by default as a bug. */
  failure?(e: unknown): ErrorPayload;
}

export async function serveCalls<Request, Answer, Progress = never>(service: Service<Request, Answer, Progress>): Promise<void> {
  const port = parentPort!;
  const send = (message: WorkerMessage<Answer, Progress>) => port.postMessage(message);
  const failure = (e: unknown) => (e instanceof UserError ? toErrorPayload(e) : (service.failure ?? bug)(e));
  try {
    await service.load?.();
  } catch (e) {
    send({ type: 'unavailable', error: failure(e) });
    return;
  }
  port.on('message', async ({ id, request }: CallMessage<Request>) => {
    try {
      const value = await service.answer(request, (progress) => send({ type: 'progress', id, progress }));
      send({ type: 'done', id, value });
    } catch (e) {
      send({ type: 'failed', id, error: failure(e) });
    }
  });
  send({ type: 'ready' });
}

function bug(e: unknown): ErrorPayload {
  return { code: 'internal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
