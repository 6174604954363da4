// The parent's side of a case host: starts it, opens the case in it, and gives the adapters a CaseConnection (the
// dispatcher IPC and HTTP route windows' calls to, and originals) and the contract as an Api, over its message port.
import { fork } from 'node:child_process';
import { isMethodName, METHOD_NAMES, type Api, type CallOptions } from '../../shared/api.ts';
import { fromErrorPayload, type ErrorPayload, type Result } from '../../shared/errors.ts';
import type { ImportProgress } from '../../shared/model.ts';
import type { OriginalFile } from '../core/api.ts';
import { unknownMethod, type CaseConnection } from '../core/dispatcher.ts';
import { runnableEntry } from '../core/runnable-entry.ts';
import type { FromHost, HostCalls, OpenedCase, OpenRequest, ToHost } from './messages.ts';

/** The started process as its parent sees it: Electron's UtilityProcess and Node's ChildProcess both fit behind it. */
export interface HostProcess {
  post(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Lets the process go (its case already closed). */
  end(): void;
}

export interface CaseHost extends CaseConnection {
  readonly opened: OpenedCase;
  /** The contract, answered by the host: progress through `onProgress`, cancellation through `signal`. */
  readonly api: Api;
  /** Closes the case and waits for the host to exit. */
  close(): Promise<void>;
  /** Called once if the host stops without being asked to (a crash, running out of memory). */
  onStopped(listener: (code: number | null) => void): void;
}

/** The host's module, for the desktop app's build to bundle and for `forkCaseHost` to start. */
export const CASE_HOST_ENTRY = new URL('./case-host.ts', import.meta.url);

/** Starts a case host as a Node child process, as browser mode and tests do (the desktop app uses utilityProcess). */
export async function forkCaseHost(open: OpenRequest): Promise<CaseHost> {
  const entry = await runnableEntry(CASE_HOST_ENTRY);
  // The entry is a bundle: no TypeScript loader. stdout is the parent's stderr, so nothing the core prints can
  // corrupt a CLI's output (the URL browser mode prints, --json).
  const child = fork(entry, [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 2, 2, 'ipc'] });
  return connectCaseHost(
    {
      // A message to a host that has gone is dropped: its exit settles every call still waiting.
      post: (message) => void (child.connected && child.send(message)),
      onMessage: (listener) => child.on('message', (message) => listener(message as FromHost)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      end: () => void (child.connected && child.disconnect()),
    },
    open,
  );
}

const stoppedError = (code: number | null): ErrorPayload => ({
  code: 'internal',
  message: `The case stopped unexpectedly${code === null ? '' : ` (exit code ${code})`}; open it again.`,
});

const CLOSED: ErrorPayload = { code: 'not_found', message: 'The case is closed.' };

/** The calls in flight on one host's port: each answered once, by the host or by its exit. */
function hostChannel(host: HostProcess) {
  const pending = new Map<number, { settle: (result: Result<unknown>) => void; onProgress?: (p: ImportProgress) => void }>();
  const stopListeners: ((code: number | null) => void)[] = [];
  let nextId = 1;
  let closing = false;
  let exited: { code: number | null } | null = null;
  const gone = (code: number | null): ErrorPayload => (closing ? CLOSED : stoppedError(code));
  const exit = new Promise<void>((resolve) =>
    host.onExit((code) => {
      exited = { code };
      for (const waiting of pending.values()) waiting.settle({ ok: false, error: gone(code) });
      pending.clear();
      if (!closing) for (const listener of stopListeners) listener(code);
      resolve();
    }),
  );
  host.onMessage((message) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if ('progress' in message) return waiting.onProgress?.(message.progress);
    pending.delete(message.id);
    waiting.settle(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
  });
  const call = (method: string, args: unknown, onProgress?: (p: ImportProgress) => void): { id: number; result: Promise<Result<unknown>> } => {
    const id = nextId++;
    if (exited) return { id, result: Promise.resolve({ ok: false, error: gone(exited.code) }) };
    const result = new Promise<Result<unknown>>((settle) => pending.set(id, { settle, onProgress }));
    host.post({ id, method, args });
    return { id, result };
  };
  return {
    onStopped: (listener: (code: number | null) => void) => void stopListeners.push(listener),
    call,
    cancel(id: number) {
      if (pending.has(id)) host.post({ id, cancel: true });
    },
    /** Closes the case (unless the host is gone already), lets the process go and waits for it to exit. */
    async close() {
      if (closing) return exit;
      closing = true;
      if (!exited) await call('host.close', {}).result;
      host.end();
      return exit;
    },
  };
}

/** Opens the case in a started host; if it cannot be opened, the host is let go and the reason thrown. */
export async function connectCaseHost(host: HostProcess, open: OpenRequest): Promise<CaseHost> {
  const channel = hostChannel(host);
  const hostCall = async <K extends keyof HostCalls>(method: K, args: HostCalls[K]['args']): Promise<HostCalls[K]['result']> => {
    const result = await channel.call(method, args).result;
    if (!result.ok) throw fromErrorPayload(result.error);
    return result.value as HostCalls[K]['result'];
  };
  let opened: OpenedCase;
  try {
    opened = await hostCall('host.open', open);
  } catch (e) {
    await channel.close();
    throw e;
  }
  const callIds = new Map<string, number>();
  return {
    opened,
    dir: opened.dir,
    api: contractOver(channel),
    // A window's call: only contract methods go through, so a window can never make a host call.
    async invoke(method, args, callId, onProgress) {
      if (!isMethodName(method)) return unknownMethod(method);
      const { id, result } = channel.call(method, args, onProgress);
      callIds.set(callId, id);
      try {
        return await result;
      } finally {
        if (callIds.get(callId) === id) callIds.delete(callId);
      }
    },
    cancel(callId) {
      const id = callIds.get(callId);
      if (id !== undefined) channel.cancel(id);
    },
    original: (sha256: string): Promise<OriginalFile | null> => hostCall('host.original', { sha256 }),
    close: () => channel.close(),
    onStopped: channel.onStopped,
  };
}

/** The contract as an Api whose calls the host answers: errors thrown as in-process, cancellation by AbortSignal. */
function contractOver(channel: ReturnType<typeof hostChannel>): Api {
  const method = (name: string) => async (args: unknown, options: CallOptions = {}) => {
    const { id, result } = channel.call(name, args, options.onProgress);
    const onAbort = () => channel.cancel(id);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const answer = await result;
      if (!answer.ok) throw fromErrorPayload(answer.error);
      return answer.value;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  };
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, method(name)])) as Api;
}
