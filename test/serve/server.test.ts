import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
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
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('refuses every request without the token, the page included (401), and a wrong one (403)', async () => {
    expect((await request('/')).status).toBe(401);
    expect((await request('/index.html')).status).toBe(401);
    expect((await call('caseInfo', {}, {})).status).toBe(401);
    expect((await request(`/vault/${sha}`)).status).toBe(401);
    expect((await request('/?token=wrong')).status).toBe(403);
    expect((await call('caseInfo', {}, { 'x-exhibit-desk-token': `${server.token}x` })).status).toBe(403);
  });

  it('refuses a Host that is not loopback (DNS rebinding) and a foreign Origin', async () => {
    expect((await request(`/?token=${server.token}`, { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await call('caseInfo', {}, { 'x-exhibit-desk-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('serves the page with the token, sets an HttpOnly SameSite cookie and a strict CSP', async () => {
    const page = await request(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self'/);
    const cookie = page.headers['set-cookie']![0]!.split(';')[0]!;
    expect((await request('/index.html', { headers: { cookie } })).status).toBe(200);
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
