// The app's two URL schemes: app://renderer serves the built UI, vault://case serves originals of the open case.
// Both resolve to files inside one folder only; anything else is a 404, so path traversal has nowhere to go.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import type { CaseConnection } from '../core/dispatcher.ts';
import { originalHeaders, SECURITY_HEADERS } from '../../shared/security-headers.ts';
import { APP_SCHEME, VAULT_SCHEME } from './app-origin.ts';

export const PRIVILEGED_SCHEMES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: VAULT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The file an app:// URL names inside the renderer folder, or null. */
export function rendererFile(rendererDir: string, raw: string): string | null {
  const url = new URL(raw);
  if (url.host !== 'renderer') return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
  return file.startsWith(`${root}${path.sep}`) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/** The vault file a vault:// URL names, if the open case holds that original (its host is asked); else null. */
export async function vaultFile(open: Pick<CaseConnection, 'original'> | null, raw: string): Promise<{ path: string; mediaType: string } | null> {
  const url = new URL(raw);
  const sha256 = url.pathname.slice(1);
  if (!open || url.host !== 'case' || !/^[0-9a-f]{64}$/.test(sha256)) return null;
  return open.original(sha256);
}

function fileResponse(file: string, headers: Record<string, string>): Response {
  const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream;
  return new Response(body, { status: 200, headers });
}

const notFound = () => new Response('Not found', { status: 404, headers: SECURITY_HEADERS });

export function registerProtocols(protocol: Pick<Protocol, 'handle'>, rendererDir: string, currentCase: () => Pick<CaseConnection, 'original'> | null): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFile(rendererDir, request.url);
    return file ? fileResponse(file, { ...SECURITY_HEADERS, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }) : notFound();
  });
  protocol.handle(VAULT_SCHEME, async (request) => {
    const file = await vaultFile(currentCase(), request.url);
    return file ? fileResponse(file.path, originalHeaders(file.mediaType)) : notFound();
  });
}
