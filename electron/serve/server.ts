// Browser mode: the renderer and the API contract over HTTP on 127.0.0.1 only; the case (/api, /vault) token-guarded.
// Every malformed request is answered 4xx in one line, never 500; streams, connections, bodies and time are capped.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { CaseApi } from '../core/api.ts';
import { connectInProcess, type CaseConnection } from '../core/dispatcher.ts';
import { checkRequest, loopbackHosts } from './http-guard.ts';
import { createUploadRoute, UPLOAD_ROUTE } from './upload.ts';
import { originalHeaders, SECURITY_HEADERS } from '../../shared/security-headers.ts';

const MAX_CALL_BYTES = 8 * 1024 * 1024;
const MAX_CANCEL_BYTES = 4 * 1024;
/** Progress streams open at once (one per tab of the app is the norm). */
export const MAX_EVENT_STREAMS = 8;
const MAX_CONNECTIONS = 64;
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
  /** The open case: a case host's connection (browser mode: the core works in another process), or a CaseApi to serve
   * from this process (tests that drive the UI over a case they build in-process). */
  api: CaseConnection | CaseApi;
  rendererDir: string;
  port?: number;
  onInternalError?: (e: unknown) => void;
  /** The largest file a browser may send to import (electron/serve/upload.ts; 2 GiB unless set). */
  uploadMaxBytes?: number;
}

export interface RunningServer {
  url: string; // to open: the token rides in the fragment, which the browser never sends
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  const open: CaseConnection = 'invoke' in options.api ? options.api : connectInProcess(options.api, options.onInternalError);
  const progressStreams = new Set<ServerResponse>();
  let hosts = new Set<string>();
  const broadcast = (callId: string) => (progress: unknown) => {
    const event = `event: progress\ndata: ${JSON.stringify({ callId, progress })}\n\n`;
    for (const stream of progressStreams) stream.write(event);
  };
  const uploads = createUploadRoute({
    caseDir: open.dir,
    maxFileBytes: options.uploadMaxBytes,
    importFiles: (args, callId) => open.invoke('importFiles', args, callId, broadcast(callId)),
  });

  const server = http.createServer({ headersTimeout: 10_000, requestTimeout: 60_000 }, (req, res) => {
    void handle(req, res).catch((e) => {
      if (e instanceof BadRequest) return refuse(res, e, { error: e.message });
      options.onInternalError?.(e);
      if (!res.headersSent) send(res, 500, { error: 'Internal error.' });
      else res.destroy();
    });
  });
  server.maxConnections = MAX_CONNECTIONS;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      throw new BadRequest('The address is malformed.');
    }
    const verdict = checkRequest(req, url.pathname, token, hosts);
    if (!verdict.ok) return send(res, verdict.status, { error: verdict.reason });
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/call') return call(req, res);
    if (route === 'POST /api/cancel') {
      const body = await readJson(req, MAX_CANCEL_BYTES);
      const callId = isObject(body) ? body.callId : undefined;
      if (typeof callId !== 'string' || callId.length > 100) throw new BadRequest('A cancel needs a callId.');
      open.cancel(callId);
      return send(res, 200, { ok: true });
    }
    if (route === 'GET /api/events') return openEvents(res);
    if (url.pathname === UPLOAD_ROUTE || url.pathname.startsWith(`${UPLOAD_ROUTE}/`)) return uploads.handle(req, res, url);
    if (req.method === 'GET' && url.pathname.startsWith('/vault/')) return sendOriginal(res, url.pathname.slice('/vault/'.length));
    if (req.method === 'GET') return sendStatic(res, url.pathname === '/' ? '/index.html' : url.pathname);
    send(res, 405, { error: 'Method not allowed.' });
  }

  async function call(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { method?: unknown; args?: unknown; callId?: unknown };
    try {
      const read = await readJson(req, MAX_CALL_BYTES);
      if (!isObject(read)) throw new BadRequest('The request body must be a JSON object.');
      body = read;
    } catch (e) {
      if (!(e instanceof BadRequest)) throw e;
      return refuse(res, e, { ok: false, error: { code: 'bad_input', message: e.message } });
    }
    if (typeof body.method !== 'string' || typeof body.callId !== 'string' || body.callId.length > 100) {
      return send(res, 400, { ok: false, error: { code: 'bad_input', message: 'A call needs a method and a callId.' } });
    }
    const callId = body.callId;
    const result = await open.invoke(body.method, body.args, callId, broadcast(callId));
    send(res, 200, result);
  }

  function openEvents(res: ServerResponse): void {
    if (progressStreams.size >= MAX_EVENT_STREAMS) return send(res, 429, { error: 'Too many event streams are open.' });
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    res.write(': connected\n\n');
    progressStreams.add(res);
    res.on('close', () => progressStreams.delete(res));
  }

  async function sendOriginal(res: ServerResponse, sha256: string): Promise<void> {
    const file = /^[0-9a-f]{64}$/.test(sha256) ? await open.original(sha256) : null;
    if (!file || !fs.existsSync(file.path)) return send(res, 404, { error: 'No such original in this case.' });
    // An original is shown by the app, never rendered by the browser as a page of its own.
    res.writeHead(200, { ...originalHeaders(file.mediaType), 'content-length': String(file.bytes) });
    streamFile(file.path, res);
  }

  function sendStatic(res: ServerResponse, pathname: string): void {
    const root = path.resolve(options.rendererDir);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new BadRequest('The address is malformed.');
    }
    if (decoded.includes('\0')) throw new BadRequest('The address is malformed.');
    const file = path.resolve(root, `.${decoded}`);
    if (!file.startsWith(`${root}${path.sep}`) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, { error: 'Not found.' });
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': STATIC_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    streamFile(file, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  hosts = loopbackHosts(port);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise((resolve) => {
        for (const s of progressStreams) s.end();
        uploads.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** A file as the response body; a file that vanished or cannot be read ends the response, never the server. */
function streamFile(file: string, res: ServerResponse): void {
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** A request the server refuses as malformed or too large: answered with its status and one line. */
class BadRequest extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

/** Answers a refused request; a body refused unread leaves the connection unusable, so it is closed after the answer. */
function refuse(res: ServerResponse, e: BadRequest, body: unknown): void {
  if (e.status === 413) res.setHeader('connection', 'close');
  send(res, e.status, body);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BadRequest('The request is too large.', 413);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BadRequest('The request is too large.', 413);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('The request body is not JSON.');
  }
}
