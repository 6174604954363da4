// Browser mode: the Bridge over HTTP to `exhibit-desk serve` on 127.0.0.1, authenticated by the per-run token.
import type { Bridge } from '../../shared/bridge.ts';
import type { Result } from '../../shared/errors.ts';
import type { ImportProgress } from '../../shared/model.ts';

type ProgressListener = (callId: string, progress: ImportProgress) => void;

export function createHttpBridge(token: string): Bridge {
  const headers = { 'content-type': 'application/json', 'x-exhibit-desk-token': token };
  const listeners = new Set<ProgressListener>();
  let events: EventSource | null = null;
  let connected: Promise<void> = Promise.resolve();

  function listen(): void {
    if (events) return;
    const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    events = source;
    // The server only streams to connections it already has, so a long call waits for the stream before it starts.
    connected = new Promise((resolve) => {
      source.addEventListener('open', () => resolve(), { once: true });
      source.addEventListener('error', () => resolve(), { once: true });
    });
    source.addEventListener('progress', (e) => {
      const { callId, progress } = JSON.parse((e as MessageEvent<string>).data) as { callId: string; progress: ImportProgress };
      for (const l of listeners) l(callId, progress);
    });
  }

  return {
    async invoke(method, args, callId) {
      await connected;
      const response = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify({ method, args, callId }) });
      if (!response.ok && response.headers.get('content-type')?.includes('application/json') !== true) {
        return { ok: false, error: { code: 'internal', message: `The server answered ${response.status}.` } };
      }
      return (await response.json()) as Result<unknown>;
    },
    async cancel(callId) {
      await fetch('/api/cancel', { method: 'POST', headers, body: JSON.stringify({ callId }) });
    },
    onProgress(listener) {
      listen();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    originalUrl: (sha256) => `/vault/${sha256}?token=${encodeURIComponent(token)}`,
  };
}
