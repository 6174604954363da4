// Files sent from a browser: only with the token, only under plain names, only up to the cap, never left behind in
// part; those that arrive whole are imported under the names they were sent by, and the staging folder goes.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/model.ts';
import { uploadStagingRoot } from '../../electron/core/import/upload-staging.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { newCase, tempDir } from '../fixtures/case.ts';

const CAP = 64 * 1024;
const { api, dir } = newCase('Uploads');
const renderer = tempDir('renderer-');
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>app</title>');
let server: RunningServer;

beforeAll(async () => {
  server = await serve({ api, rendererDir: renderer, uploadMaxBytes: CAP });
});
afterAll(async () => {
  await server.close();
  api.close();
});

interface Answer {
  status: number;
  body: any;
}

/** A raw request with the token unless told otherwise; `abortAfter` sends that much of the body and cuts the connection. */
function request(pathname: string, options: { method?: string; token?: string | null; body?: Buffer | string; length?: number; abortAfter?: number } = {}): Promise<Answer> {
  const url = new URL(server.origin);
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers: Record<string, string> = { host: url.host };
  if (options.token !== null) headers['x-exhibit-desk-token'] = options.token ?? server.token;
  if (body || options.length !== undefined) headers['content-length'] = String(options.length ?? body!.length);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: url.port, path: pathname, method: options.method ?? 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
    });
    if (options.abortAfter !== undefined) {
      req.on('error', () => resolve({ status: 0, body: null }));
      req.write(body!.subarray(0, options.abortAfter));
      setTimeout(() => req.destroy(), 100);
      return;
    }
    req.on('error', reject);
    req.end(body);
  });
}

const openBatch = async (): Promise<string> => (await request('/api/uploads', { method: 'POST' })).body.batch;
const send = (batch: string, name: string, bytes: Buffer, offset = 0, size = bytes.length, extra: Parameters<typeof request>[1] = {}) =>
  request(`/api/uploads/${batch}/file?name=${encodeURIComponent(name)}&offset=${offset}&size=${size}`, { method: 'PUT', body: bytes, ...extra });

/** Every file under the case's staging folder (hidden part files included). */
function staged(): string[] {
  const root = uploadStagingRoot(dir);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

describe('files sent from the browser', () => {
  it('needs the token that /api needs, and writes nothing without it', async () => {
    expect((await request('/api/uploads', { method: 'POST', token: null })).status).toBe(401);
    expect((await request('/api/uploads', { method: 'POST', token: `${server.token}x` })).status).toBe(403);
    const batch = await openBatch();
    expect((await send(batch, 'a.txt', Buffer.from('hello'), 0, 5, { token: null })).status).toBe(401);
    expect(staged()).toEqual([]);
    expect((await request(`/api/uploads/${batch}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('refuses names that climb out of the staging folder or are not plain names', async () => {
    const batch = await openBatch();
    for (const name of ['../evil.txt', 'a/../../evil.txt', '/etc/passwd', 'C:\\evil.txt', 'a\\..\\evil.txt', '.', 'a//b.txt', 'con:evil', 'x\u0000.txt', 'trailing. ']) {
      const answer = await send(batch, name, Buffer.from('evil'));
      expect(answer.status, name).toBe(400);
      expect(answer.body.error, name).toMatch(/is not allowed|needs its name/);
    }
    expect(staged()).toEqual([]);
    expect(fs.existsSync(path.join(uploadStagingRoot(dir), '..', 'evil.txt'))).toBe(false);
    await request(`/api/uploads/${batch}`, { method: 'DELETE' });
  });

  it('refuses a file over the cap before reading it, naming the file and the cap', async () => {
    const batch = await openBatch();
    const answer = await send(batch, 'big.pdf', Buffer.alloc(1024), 0, CAP + 1);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('big.pdf is larger than the 64 KB a file sent from the browser may be; import it by typing its path instead.');
    expect(staged()).toEqual([]);
    await request(`/api/uploads/${batch}`, { method: 'DELETE' });
  });

  it('deletes a file cut off mid-chunk, and one whose later chunk is cut off, so nothing partial is left', async () => {
    const batch = await openBatch();
    const bytes = Buffer.alloc(40_000, 7);
    await send(batch, 'cut.bin', bytes, 0, bytes.length, { abortAfter: 10_000 });
    await waitFor(() => staged().length === 0);
    expect((await send(batch, 'later.bin', bytes.subarray(0, 20_000), 0, bytes.length)).status).toBe(200);
    expect(staged()).toHaveLength(1);
    await send(batch, 'later.bin', bytes.subarray(20_000), 20_000, bytes.length, { abortAfter: 5_000 });
    await waitFor(() => staged().length === 0);
    // Both must be sent again from the start; an import of what is left has nothing to import.
    expect((await send(batch, 'later.bin', bytes.subarray(20_000), 20_000, bytes.length)).status).toBe(409);
    expect((await request(`/api/uploads/${batch}/import`, { method: 'POST', body: JSON.stringify({ callId: 'c1' }) })).status).toBe(400);
    await request(`/api/uploads/${batch}`, { method: 'DELETE' });
  });

  it('imports what arrived whole, in chunks, under the names it was sent by, hashed as it came, then removes it', async () => {
    const batch = await openBatch();
    const letter = Buffer.from('A letter about the Suzhou staging servers.\n');
    const note = Buffer.from('A note about the gateway in Lahore.\n');
    const first = await send(batch, 'letter.txt', letter.subarray(0, 10), 0, letter.length);
    expect(first.body).toEqual({ name: 'letter.txt', received: 10, size: letter.length });
    const last = await send(batch, 'letter.txt', letter.subarray(10), 10, letter.length);
    expect(last.body.sha256).toBe(createHash('sha256').update(letter).digest('hex'));
    expect((await send(batch, 'Production 001/notes/note.txt', note)).status).toBe(200);
    expect((await send(batch, 'Production 001/.DS_Store', Buffer.from('junk'))).status).toBe(200);
    expect((await send(batch, 'letter.txt', letter)).status).toBe(409);
    expect((await send(batch, 'LETTER.TXT', letter)).status).toBe(409);
    expect((await send(batch, 'Production 001/notes', letter)).status).toBe(409);

    const answer = await request(`/api/uploads/${batch}/import`, { method: 'POST', body: JSON.stringify({ callId: 'c2' }) });
    expect(answer.status).toBe(200);
    const report = answer.body.value as ImportReport;
    expect(report.imported.map((i) => [i.path, i.title])).toEqual([
      ['letter.txt', 'A letter about the Suzhou staging servers.'],
      ['Production 001/notes/note.txt', 'A note about the gateway in Lahore.'],
    ]);
    const exhibit = (await api.getExhibit({ exhibit: 'PX-002' })).exhibit;
    expect([exhibit.sourceName, exhibit.sourcePath]).toEqual(['note.txt', 'Production 001/notes/note.txt']);
    expect(new Set((await api.search({ query: 'Lahore' })).map((h) => h.exhibitNo))).toEqual(new Set(['PX-002']));
    expect(staged()).toEqual([]);
    expect(fs.readdirSync(uploadStagingRoot(dir))).toEqual([]);
    expect((await send(batch, 'again.txt', letter)).status).toBe(404);
  });

  it('removes the batches a server holds when it stops', async () => {
    const other = await serve({ api, rendererDir: renderer });
    const url = `${other.origin}`;
    const opened = (await (await fetch(`${url}/api/uploads`, { method: 'POST', headers: { 'x-exhibit-desk-token': other.token } })).json()) as { batch: string };
    const batch = opened.batch;
    await fetch(`${url}/api/uploads/${batch}/file?name=kept.txt&offset=0&size=4`, { method: 'PUT', headers: { 'x-exhibit-desk-token': other.token }, body: 'kept' });
    expect(staged()).toHaveLength(1);
    await other.close();
    expect(staged()).toEqual([]);
  });
});

async function waitFor(check: () => boolean, timeout = 5000): Promise<void> {
  const until = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > until) throw new Error('Timed out.');
    await new Promise((r) => setTimeout(r, 20));
  }
}
