// Browser mode: the renderer and the API contract over HTTP on 127.0.0.1 only, every request token-guarded.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { CaseApi } from '../core/api.ts';
import { createDispatcher } from '../core/dispatcher.ts';
import { checkRequest, loopbackHosts, TOKEN_COOKIE } from './http-guard.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface ServeOptions {
  api: CaseApi;
  rendererDir: string;
  port?: number;
  onInternalError?: (e: unknown) => void;
}

export interface RunningServer {
  url: string; // to open, with the token
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  const dispatcher = createDispatcher(options.api, options.onInternalError);
  const progressStreams = new Set<ServerResponse>();
  let hosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) => {
      options.onInternalError?.(e);
      if (!res.headersSent) send(res, 500, { error: 'Internal error.' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(req, url, token, hosts);
    if (!verdict.ok) return send(res, verdict.status, { error: verdict.reason });
    if (verdict.via === 'query' && url.pathname === '/') {
      res.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/call') return call(req, res);
    if (route === 'POST /api/cancel') {
      const { callId } = (await readJson(req)) as { callId?: unknown };
      if (typeof callId === 'string') dispatcher.cancel(callId);
      return send(res, 200, { ok: true });
    }
    if (route === 'GET /api/events') return openEvents(res);
    if (req.method === 'GET' && url.pathname.startsWith('/vault/')) return sendOriginal(res, url.pathname.slice('/vault/'.length));
    if (req.method === 'GET') return sendStatic(res, url.pathname === '/' ? '/index.html' : url.pathname);
    send(res, 405, { error: 'Method not allowed.' });
  }

  async function call(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { method?: unknown; args?: unknown; callId?: unknown };
    try {
      body = (await readJson(req)) as typeof body;
    } catch (e) {
      return send(res, 400, { ok: false, error: { code: 'bad_input', message: (e as Error).message } });
    }
    if (typeof body.method !== 'string' || typeof body.callId !== 'string' || body.callId.length > 100) {
      return send(res, 400, { ok: false, error: { code: 'bad_input', message: 'A call needs a method and a callId.' } });
    }
    const callId = body.callId;
    const result = await dispatcher.invoke(body.method, body.args, callId, (progress) => {
      const event = `event: progress\ndata: ${JSON.stringify({ callId, progress })}\n\n`;
      for (const stream of progressStreams) stream.write(event);
    });
    send(res, 200, result);
  }

  function openEvents(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    res.write(': connected\n\n');
    progressStreams.add(res);
    res.on('close', () => progressStreams.delete(res));
  }

  function sendOriginal(res: ServerResponse, sha256: string): void {
    const file = /^[0-9a-f]{64}$/.test(sha256) ? options.api.original(sha256) : null;
    if (!file) return send(res, 404, { error: 'No such original in this case.' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.mediaType,
      'content-length': String(file.bytes),
      // An original is shown by the app, never rendered by the browser as a page of its own.
      'content-disposition': 'attachment',
    });
    fs.createReadStream(file.path).pipe(res);
  }

  function sendStatic(res: ServerResponse, pathname: string): void {
    const root = path.resolve(options.rendererDir);
    const file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(`${root}${path.sep}`) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, { error: 'Not found.' });
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': STATIC_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  hosts = loopbackHosts(port);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise((resolve) => {
        for (const s of progressStreams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('The request is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('The request body is not JSON.');
  }
}
