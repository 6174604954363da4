// Who may talk to the browser-mode server: loopback Host only (no DNS rebinding), same origin, and for anything that
// reaches the case (/api, /vault) the per-run token in a header. No cookie: browsers do not scope cookies by port, so
// any other local web service the same browser visits would receive it. The token reaches the page in the URL's
// fragment, which browsers never send to a server.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../../shared/bridge.ts';


export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Paths that reach the case, its originals or its progress events: these need the token. */
function needsToken(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/vault/');
}

export function checkRequest(req: IncomingMessage, pathname: string, token: string, hosts: Set<string>): Verdict {
  if (!hosts.has(req.headers.host ?? '')) return { ok: false, status: 403, reason: 'Host not allowed.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
    return { ok: false, status: 403, reason: 'Cross-origin request refused.' };
  }
  if (!needsToken(pathname)) return { ok: true };
  const given = req.headers[TOKEN_HEADER];
  if (typeof given !== 'string') return { ok: false, status: 401, reason: 'A token is required.' };
  return sameToken(given, token) ? { ok: true } : { ok: false, status: 403, reason: 'Wrong token.' };
}
