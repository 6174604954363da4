// Serves contract calls arriving from outside (IPC, HTTP): only listed methods, errors as Results, cancellable.
import { isMethodName, type Api } from '../../shared/api.ts';
import { toErrorPayload, UserError, type Result } from '../../shared/errors.ts';
import type { ImportProgress } from '../../shared/model.ts';

export interface Dispatcher {
  invoke(method: string, args: unknown, callId: string, onProgress?: (p: ImportProgress) => void): Promise<Result<unknown>>;
  cancel(callId: string): void;
}

export function createDispatcher(api: Api, onInternalError: (e: unknown) => void = () => {}): Dispatcher {
  const running = new Map<string, AbortController>();
  return {
    async invoke(method, args, callId, onProgress) {
      if (!isMethodName(method)) return { ok: false, error: toErrorPayload(new UserError('bad_input', `Unknown method "${method.length > 60 ? `${method.slice(0, 60)}…` : method}".`)) };
      const abort = new AbortController();
      running.set(callId, abort);
      try {
        const fn = api[method] as (a: unknown, o: object) => Promise<unknown>;
        return { ok: true, value: await fn(args, { onProgress, signal: abort.signal }) };
      } catch (e) {
        if (!(e instanceof UserError)) onInternalError(e);
        return { ok: false, error: toErrorPayload(e) };
      } finally {
        running.delete(callId);
      }
    },
    cancel(callId) {
      running.get(callId)?.abort();
    },
  };
}
