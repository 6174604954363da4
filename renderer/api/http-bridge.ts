// Browser mode: the Bridge over HTTP to `exhibit-desk serve` on 127.0.0.1, authenticated by the per-run token, which
// travels only in a header: never in a URL (EventSource cannot send headers, so progress is read from a fetch).
import { TOKEN_HEADER, type Bridge } from '../../shared/bridge.ts';
import type { Result } from '../../shared/errors.ts';
import type { ImportProgress } from '../../shared/model.ts';

type ProgressListener = (callId: string, progress: ImportProgress) => void;

const RETRY_MS = 2000;

export function createHttpBridge(token: string): Bridge {
  const auth = { [TOKEN_HEADER]: token };
  const headers = { 'content-type': 'application/json', ...auth };
  const listeners = new Set<ProgressListener>();
  let listening = false;
  let connected: Promise<void> = Promise.resolve();

  /** Reads the server's event stream (text/event-stream) and hands each progress event to the listeners. */
  function listen(): void {
    if (listening) return;
    listening = true;
    let opened: () => void = () => {};
    // The server only streams to connections it already has, so a long call waits for the stream before it starts.
    connected = new Promise((resolve) => (opened = resolve));
    void (async () => {
      for (;;) {
        try {
          const response = await fetch('/api/events', { headers: auth });
          opened();
          if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              dispatch(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          }
        } catch {
          opened();
        }
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    })();
  }

  function dispatch(block: string): void {
    const lines = block.split('\n');
    if (!lines.includes('event: progress')) return;
    const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
    const { callId, progress } = JSON.parse(data) as { callId: string; progress: ImportProgress };
    for (const l of listeners) l(callId, progress);
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
    originalRequest: (sha256) => ({ url: `/vault/${sha256}`, headers: auth }),
    uploadHeaders: auth,
  };
}
