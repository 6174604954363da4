import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENT_STREAMS, serve, type RunningServer } from '../../electron/serve/server.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const { api } = newCase('Browser mode');
const renderer = tempDir('renderer-');
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>app</title>');
fs.writeFileSync(path.join(path.dirname(renderer), 'outside.txt'), 'outside');
let server: RunningServer;
let sha = '';

beforeAll(async () => {
  const src = await writePdf(path.join(tempDir(), 'a.pdf'), { pages: ['Suzhou'] });
  sha = (await api.importFiles({ paths: [src] })).imported[0]!.sha256;
  server = await serve({ api, rendererDir: renderer });
});
afterAll(async () => {
  await server.close();
  api.close();
});

/** A raw request, so that Host and other headers can be forged as an attacker would. */
function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(server.origin);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: url.port, path: pathname, method: options.method ?? 'GET', headers: { host: url.host, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (method: string, args: unknown, headers: Record<string, string> = { 'x-exhibit-desk-token': server.token }) =>
  request('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ method, args, callId: 'x' }) });

describe('browser mode', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in its fragment, which browsers never send', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('refuses the case without the token in its header (401), and a wrong one (403); a token in the URL is not one', async () => {
    expect((await call('caseInfo', {}, {})).status).toBe(401);
    expect((await request(`/vault/${sha}`)).status).toBe(401);
    expect((await request('/api/events')).status).toBe(401);
    expect((await request(`/vault/${sha}?token=${server.token}`)).status).toBe(401);
    expect((await call('caseInfo', {}, { cookie: `exhibit_desk_token=${server.token}` })).status).toBe(401);
    expect((await call('caseInfo', {}, { 'x-exhibit-desk-token': `${server.token}x` })).status).toBe(403);
  });

  it('refuses a Host that is not loopback (DNS rebinding) and a foreign Origin', async () => {
    expect((await request('/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await call('caseInfo', {}, { 'x-exhibit-desk-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('serves the page (which holds no evidence) without the token, sets no cookie, and sends a strict CSP', async () => {
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self'/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers every malformed request 4xx in one line, never 500, and echoes no long name back', async () => {
    const auth = { 'x-exhibit-desk-token': server.token, 'content-type': 'application/json' };
    const probes: [string, Parameters<typeof request>[1]][] = [
      ['/%E0%A4%A', {}],
      ['/%00', {}],
      ['/api/call', { method: 'POST', headers: auth, body: 'null' }],
      ['/api/call', { method: 'POST', headers: auth, body: '[1,2]' }],
      ['/api/call', { method: 'POST', headers: auth, body: '"x"' }],
      ['/api/cancel', { method: 'POST', headers: auth, body: 'null' }],
      ['/api/cancel', { method: 'POST', headers: auth, body: '{"callId": 5}' }],
      ['/api/cancel', { method: 'POST', headers: auth, body: JSON.stringify({ callId: 'x'.repeat(1_000) }) }],
      ['/api/cancel', { method: 'POST', headers: { ...auth, 'content-length': '10000' }, body: '' }],
      ['/api/call', { method: 'POST', headers: { ...auth, cookie: 'a=%E0%A4%A' }, body: '{' }],
      ['/api/call', { method: 'DELETE', headers: auth }],
    ];
    for (const [pathname, options] of probes) {
      const answer = await request(pathname, options);
      expect(answer.status, `${options?.method ?? 'GET'} ${pathname} ${options?.body ?? ''}`.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body).not.toMatch(/\n\s+at /);
    }
    const long = await call('x'.repeat(7_000_000), {});
    expect(long.status).toBe(200);
    expect(long.body.length).toBeLessThan(300);
    expect(JSON.parse(long.body)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    // Refused on its declared length, before a byte of it is read.
    expect((await request('/api/call', { method: 'POST', headers: { ...auth, 'content-length': '9000000' }, body: '' })).status).toBe(413);
  });

  it(`opens at most ${MAX_EVENT_STREAMS} event streams; past that, 429`, async () => {
    const url = new URL(server.origin);
    const open: http.ClientRequest[] = [];
    const statuses = await Promise.all(
      Array.from({ length: 300 }, () => {
        return new Promise<number>((resolve, reject) => {
          const req = http.request(
            { host: '127.0.0.1', port: url.port, path: '/api/events', agent: false, headers: { host: url.host, 'x-exhibit-desk-token': server.token } },
            (res) => {
              resolve(res.statusCode!);
              if (res.statusCode !== 200) res.resume();
            },
          );
          req.on('error', reject);
          req.end();
          open.push(req);
        });
      }),
    );
    for (const req of open) req.destroy();
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_EVENT_STREAMS);
    expect(statuses.filter((s) => s === 429).length + statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
  });

  it('answers contract calls as Results, with clear errors for bad arguments and unknown methods', async () => {
    expect(JSON.parse((await call('caseInfo', {})).body)).toMatchObject({ ok: true, value: { title: 'Browser mode' } });
    expect(JSON.parse((await call('search', { query: 'suzhou' })).body).value).toHaveLength(1);
    expect(JSON.parse((await call('search', { query: 42 })).body)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(JSON.parse((await call('close', {})).body)).toMatchObject({ ok: false, error: { message: 'Unknown method "close".' } });
    const notJson = await request('/api/call', { method: 'POST', headers: { 'x-exhibit-desk-token': server.token }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('serves originals of this case only, and no file outside the renderer folder', async () => {
    const auth = { 'x-exhibit-desk-token': server.token };
    const original = await request(`/vault/${sha}`, { headers: auth });
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toBe('application/pdf');
    expect(original.body.startsWith('%PDF-')).toBe(true);
    expect((await request(`/vault/${'0'.repeat(64)}`, { headers: auth })).status).toBe(404);
    expect((await request('/vault/../case.sqlite', { headers: auth })).status).toBe(404);
    expect((await request('/../outside.txt', { headers: auth })).status).toBe(404);
    expect((await request('/%2e%2e/outside.txt', { headers: auth })).status).toBe(404);
  });
});
