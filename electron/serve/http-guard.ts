// Who may talk to the browser-mode server: loopback Host only (no DNS rebinding), the per-run token, same origin.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'exhibit_desk_token';
export const TOKEN_HEADER = 'x-exhibit-desk-token';

export type Verdict = { ok: true; via: 'query' | 'cookie' | 'header' } | { ok: false; status: 401 | 403; reason: string };

export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function checkRequest(req: IncomingMessage, url: URL, token: string, hosts: Set<string>): Verdict {
  if (!hosts.has(req.headers.host ?? '')) return { ok: false, status: 403, reason: 'Host not allowed.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
    return { ok: false, status: 403, reason: 'Cross-origin request refused.' };
  }
  const candidates: [string | null, 'query' | 'cookie' | 'header'][] = [
    [url.searchParams.get('token'), 'query'],
    [cookie(req, TOKEN_COOKIE), 'cookie'],
    [typeof req.headers[TOKEN_HEADER] === 'string' ? (req.headers[TOKEN_HEADER] as string) : null, 'header'],
  ];
  const given = candidates.filter(([v]) => v !== null);
  if (given.length === 0) return { ok: false, status: 401, reason: 'A token is required.' };
  const match = given.find(([v]) => sameToken(v!, token));
  return match ? { ok: true, via: match[1] } : { ok: false, status: 403, reason: 'Wrong token.' };
}
