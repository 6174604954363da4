// Serves contract calls arriving from outside (IPC, HTTP, a case host's port): only listed methods, errors as Results,
// cancellable.
import { isMethodName, type Api } from '../../shared/api.ts';
import { toErrorPayload, UserError, type Result } from '../../shared/errors.ts';
import type { ImportProgress } from '../../shared/model.ts';
import type { CaseApi, OriginalFile } from './api.ts';

export interface Dispatcher {
  invoke(method: string, args: unknown, callId: string, onProgress?: (p: ImportProgress) => void): Promise<Result<unknown>>;
  cancel(callId: string): void;
}

/**
 * What an adapter needs of the open case: its calls and its originals. A case host (electron/host) provides it from
 * another process; `connectInProcess` provides it over a CaseApi in this one (the CLI, tests).
 */
export interface CaseConnection extends Dispatcher {
  readonly dir: string;
  /** The vault file of an original the case holds, for the viewer; null for any other hash. */
  original(sha256: string): Promise<OriginalFile | null>;
}

/** The answer to a call of a method the contract does not list; a long name is not echoed back whole. */
export function unknownMethod(method: string): Result<never> {
  return { ok: false, error: toErrorPayload(new UserError('bad_input', `Unknown method "${method.length > 60 ? `${method.slice(0, 60)}…` : method}".`)) };
}

export function createDispatcher(api: Api, onInternalError: (e: unknown) => void = () => {}): Dispatcher {
  const running = new Map<string, AbortController>();
  return {
    async invoke(method, args, callId, onProgress) {
      if (!isMethodName(method)) return unknownMethod(method);
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

export function connectInProcess(api: CaseApi, onInternalError?: (e: unknown) => void): CaseConnection {
  const dispatcher = createDispatcher(api, onInternalError);
  return { ...dispatcher, dir: api.dir, original: async (sha256) => api.original(sha256) };
}
