// Browser mode's file import: a browser cannot name paths on this computer, so it sends the chosen or dropped files'
// bytes here. Each file arrives in chunks (PUT, in order), is hashed and counted as it arrives, capped in size, and
// written to the case folder's staging area (incoming/<batch>/<name as sent>); the batch is then imported through the
// contract's importFiles like any folder, and removed. Routes, all under /api (so the server's token guards them):
//   POST   /api/uploads                                      → { batch, maxFileBytes }
//   PUT    /api/uploads/<batch>/file?name=N&offset=O&size=S  the bytes from O on of the file N of S bytes
//   POST   /api/uploads/<batch>/import  { callId, passwords?, timeoutSeconds? }  → the import's Result (progress and
//          cancel by callId, as for /api/call)
//   DELETE /api/uploads/<batch>                              → the batch and everything in it removed
// A file whose chunk is cut off, refused or over the cap is deleted at once, so nothing partial is ever left or imported.
// Chunks keep each request short (the server's request timeout guards every route) and give the browser its progress.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../shared/errors.ts';
import { SECURITY_HEADERS } from '../../shared/security-headers.ts';
import { UPLOAD_BATCH, uploadStagingRoot } from '../core/import/upload-staging.ts';

export const UPLOAD_ROUTE = '/api/uploads';
/** The largest file a browser may send, unless EXHIBIT_DESK_UPLOAD_MAX_MB or the server's option says otherwise. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
/** The largest chunk one request may carry; the browser sends 8 MiB. */
export const MAX_CHUNK_BYTES = 64 * 1024 * 1024;
const MAX_BATCHES = 16;
const MAX_FILES = 100_000;
const MAX_NAME_CHARS = 1024;
const MAX_IMPORT_BODY = 256 * 1024;
const IDLE_MS = 15 * 60_000;

export interface ImportArgs {
  paths: string[];
  passwords?: string[];
  timeoutSeconds?: number;
}

export interface UploadRouteOptions {
  /** The case folder, whose incoming/ folder holds the files until they are imported. */
  caseDir: string;
  /** Runs the contract's importFiles with these arguments, its progress and cancel known by callId. */
  importFiles(args: ImportArgs, callId: string): Promise<Result<unknown>>;
  maxFileBytes?: number;
  /** A batch nobody sends to or imports for this long is removed. */
  idleMs?: number;
}

export interface UploadRoute {
  /** Answers a request under UPLOAD_ROUTE; the token has been checked by the server. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Removes every batch this server staged (called when it stops). */
  close(): void;
}

interface StagedFile {
  size: number;
  received: number;
  hash: Hash;
  /** Where its bytes land until the last one: a hidden name the import never walks. */
  temp: string;
  final: string;
  sha256: string | null;
  busy: boolean;
}

interface Batch {
  id: string;
  dir: string;
  files: Map<string, StagedFile>;
  importing: boolean;
  timer: NodeJS.Timeout | null;
}

/** A request refused: its status and one plain line. */
class Refusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 429,
    message: string,
  ) {
    super(message);
  }
}

export function createUploadRoute(options: UploadRouteOptions): UploadRoute {
  const maxFileBytes = options.maxFileBytes ?? maxBytesFromEnvironment() ?? DEFAULT_MAX_UPLOAD_BYTES;
  const idleMs = options.idleMs ?? IDLE_MS;
  const root = uploadStagingRoot(options.caseDir);
  const batches = new Map<string, Batch>();
  removeAbandonedBatches(root);

  function touch(batch: Batch): void {
    if (batch.timer) clearTimeout(batch.timer);
    batch.timer = setTimeout(() => {
      const busy = batch.importing || [...batch.files.values()].some((f) => f.busy);
      if (busy) touch(batch);
      else discard(batch);
    }, idleMs);
    batch.timer.unref();
  }

  function discard(batch: Batch): void {
    if (batch.timer) clearTimeout(batch.timer);
    batches.delete(batch.id);
    fs.rmSync(batch.dir, { recursive: true, force: true });
  }

  function open(): { batch: string; maxFileBytes: number } {
    if (batches.size >= MAX_BATCHES) throw new Refusal(429, 'Too many imports from the browser are waiting; finish or cancel one first.');
    // The process id leads the name, so a server starting later can tell a batch left by a crash from a live one.
    const id = `${process.pid.toString(36)}-${randomBytes(12).toString('base64url')}`;
    const dir = path.join(root, id);
    fs.mkdirSync(dir, { recursive: true });
    const batch: Batch = { id, dir, files: new Map(), importing: false, timer: null };
    batches.set(id, batch);
    touch(batch);
    // The cap is told up front, so that the browser need not start sending a file only to have it refused.
    return { batch: id, maxFileBytes };
  }

  function batchOf(id: string): Batch {
    const batch = UPLOAD_BATCH.test(id) ? batches.get(id) : undefined;
    if (!batch) throw new Refusal(404, 'No such upload (it was imported, cancelled, or left unused too long).');
    return batch;
  }

  /** The file a chunk belongs to: registered by its first chunk, which declares its size. */
  function fileFor(batch: Batch, name: string, offset: number, size: number): StagedFile {
    const known = batch.files.get(name);
    if (known) {
      if (known.busy) throw new Refusal(409, `${name} is already being sent.`);
      if (known.sha256 !== null) throw new Refusal(409, `${name} was already sent.`);
      if (known.size !== size || known.received !== offset) throw new Refusal(409, `${name}: expected the bytes from ${known.received}, of ${known.size}.`);
      return known;
    }
    if (offset !== 0) throw new Refusal(409, `${name}: a file is sent from its first byte.`);
    if (size > maxFileBytes) throw new Refusal(413, tooLarge(name, maxFileBytes));
    if (batch.files.size >= MAX_FILES) throw new Refusal(413, `One import from the browser takes at most ${MAX_FILES.toLocaleString('en-US')} files.`);
    const folded = name.toLowerCase();
    for (const other of batch.files.keys()) {
      const otherFolded = other.toLowerCase();
      // Compared without case, since Windows and macOS would write both names to one file.
      if (otherFolded === folded) throw new Refusal(409, `${name} was already sent (as ${other}).`);
      if (otherFolded.startsWith(`${folded}/`) || folded.startsWith(`${otherFolded}/`)) throw new Refusal(409, `${name} is both a file and a folder in what was sent.`);
    }
    const final = path.join(batch.dir, ...name.split('/'));
    // Checked again on the joined path: the name's rules already keep it inside the batch folder.
    if (!final.startsWith(`${batch.dir}${path.sep}`)) throw new Refusal(400, `The name ${name} is not allowed.`);
    const file: StagedFile = {
      size,
      received: 0,
      hash: createHash('sha256'),
      temp: path.join(batch.dir, `.part-${randomBytes(8).toString('hex')}`),
      final,
      sha256: null,
      busy: false,
    };
    batch.files.set(name, file);
    return file;
  }

  /** Drops a file that did not arrive whole: its bytes so far are deleted, and it must be sent again from the start. */
  function drop(batch: Batch, name: string, file: StagedFile): void {
    if (batch.files.get(name) === file) batch.files.delete(name);
    fs.rmSync(file.temp, { force: true });
  }

  async function receive(req: IncomingMessage, url: URL, batch: Batch): Promise<unknown> {
    if (batch.importing) throw new Refusal(409, 'These files are being imported already.');
    const name = uploadName(url.searchParams.get('name'));
    const offset = wholeNumber(url.searchParams.get('offset'), 'offset');
    const size = wholeNumber(url.searchParams.get('size'), 'size');
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    if (declared !== null && declared > MAX_CHUNK_BYTES) throw new Refusal(413, `A chunk may carry at most ${MAX_CHUNK_BYTES / 1024 ** 2} MB.`);
    if (declared !== null && offset + declared > size) throw new Refusal(400, `${name}: more bytes than its size.`);
    const file = fileFor(batch, name, offset, size);
    file.busy = true;
    touch(batch);
    let chunk = 0;
    const count = new Transform({
      transform(data: Buffer, _encoding, done) {
        chunk += data.length;
        if (chunk > MAX_CHUNK_BYTES) return done(new Refusal(413, `A chunk may carry at most ${MAX_CHUNK_BYTES / 1024 ** 2} MB.`));
        if (file.received + chunk > file.size) return done(new Refusal(400, `${name}: more bytes than its size.`));
        file.hash.update(data);
        done(null, data);
      },
    });
    try {
      await pipeline(req, count, fs.createWriteStream(file.temp, { flags: offset === 0 ? 'wx' : 'a' }));
    } catch (e) {
      drop(batch, name, file);
      throw e instanceof Refusal ? e : new Refusal(400, `${name} did not arrive whole; send it again.`);
    } finally {
      file.busy = false;
    }
    file.received += chunk;
    if (file.received < file.size) return { name, received: file.received, size: file.size };
    file.sha256 = file.hash.digest('hex');
    fs.mkdirSync(path.dirname(file.final), { recursive: true });
    fs.renameSync(file.temp, file.final);
    return { name, received: file.received, size: file.size, sha256: file.sha256 };
  }

  async function importBatch(req: IncomingMessage, batch: Batch): Promise<unknown> {
    const body = await readSmallJson(req);
    const callId = body.callId;
    if (typeof callId !== 'string' || callId.length === 0 || callId.length > 100) throw new Refusal(400, 'An import needs a callId.');
    if (batch.importing) throw new Refusal(409, 'These files are being imported already.');
    const unfinished = [...batch.files].filter(([, f]) => f.sha256 === null).map(([name]) => name);
    if (unfinished.length > 0) throw new Refusal(409, `Not every file has arrived yet: ${unfinished.slice(0, 3).join(', ')}.`);
    if (batch.files.size === 0) throw new Refusal(400, 'No files were sent.');
    // What was sent at the top: a file by itself, a folder with everything in it (the walk skips system files there).
    const tops = [...new Set([...batch.files.keys()].map((name) => name.split('/')[0]!))];
    const args: ImportArgs = { paths: tops.map((top) => path.join(batch.dir, top)) };
    if (Array.isArray(body.passwords)) args.passwords = body.passwords as string[];
    if (body.timeoutSeconds !== undefined) args.timeoutSeconds = body.timeoutSeconds as number;
    batch.importing = true;
    try {
      return await options.importFiles(args, callId);
    } finally {
      discard(batch);
    }
  }

  return {
    async handle(req, res, url) {
      try {
        const [, batchId, action, extra] = url.pathname.slice(UPLOAD_ROUTE.length).split('/');
        if (extra !== undefined || (batchId === undefined) !== (url.pathname === UPLOAD_ROUTE)) throw new Refusal(404, 'Not found.');
        const route = `${req.method} ${batchId === undefined ? '' : ':batch'}${action === undefined ? '' : `/${action}`}`;
        if (route === 'POST ') return reply(res, 201, open());
        if (route === 'PUT :batch/file') return reply(res, 200, await receive(req, url, batchOf(batchId!)));
        if (route === 'POST :batch/import') return reply(res, 200, await importBatch(req, batchOf(batchId!)));
        if (route === 'DELETE :batch') {
          const batch = batchOf(batchId!);
          if (batch.importing) throw new Refusal(409, 'These files are being imported already; cancel the import instead.');
          discard(batch);
          return reply(res, 200, { ok: true });
        }
        throw new Refusal(404, 'Not found.');
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        // A body refused unread leaves the connection unusable: it is closed after the answer.
        if (!req.readableEnded) res.setHeader('connection', 'close');
        reply(res, e.status, { error: e.message });
      }
    },
    close() {
      for (const batch of [...batches.values()]) discard(batch);
    },
  };
}

/**
 * A file's name as the browser sent it, folders kept ("Production 001/letter.pdf"), refused unless every part is a
 * plain name: no "..", ".", empty parts, backslashes, drive letters, control characters or characters Windows forbids.
 */
export function uploadName(raw: string | null): string {
  if (raw === null || raw === '') throw new Refusal(400, 'Each file needs its name.');
  const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
  const refuse = () => new Refusal(400, `The name "${shown.replace(/[\u0000-\u001f\u007f]/g, '?')}" is not allowed for a file to import.`);
  if (raw.length > MAX_NAME_CHARS || /[\u0000-\u001f\u007f\\:*?"<>|]/.test(raw)) throw refuse();
  const parts = raw.split('/');
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || part !== part.trim() || part.endsWith('.') || Buffer.byteLength(part) > 255) throw refuse();
  }
  return parts.join('/');
}

function wholeNumber(raw: string | null, what: string): number {
  if (raw === null || !/^\d{1,16}$/.test(raw)) throw new Refusal(400, `The ${what} must be a whole number.`);
  return Number(raw);
}

function tooLarge(name: string, max: number): string {
  const [unit, size] = max >= 1024 ** 3 ? ['GB', 1024 ** 3] : max >= 1024 ** 2 ? ['MB', 1024 ** 2] : ['KB', 1024];
  const cap = `${Number((max / size).toFixed(1))} ${unit}`;
  return `${name} is larger than the ${cap} a file sent from the browser may be; import it by typing its path instead.`;
}

function maxBytesFromEnvironment(): number | null {
  const mb = Number(process.env.EXHIBIT_DESK_UPLOAD_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 ** 2) : null;
}

async function readSmallJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BODY) throw new Refusal(413, 'The request is too large.');
    chunks.push(chunk);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new Refusal(400, 'The request body must be a JSON object.');
}

/** Batches a stopped server left behind (its process is gone) are removed when the next one starts. */
function removeAbandonedBatches(root: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number.parseInt(name.split('-')[0] ?? '', 36);
    if (!UPLOAD_BATCH.test(name) || (Number.isFinite(pid) && isRunning(pid))) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
