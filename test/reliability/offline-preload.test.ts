// Runs the CLI's import, search, export and serve under a preload that refuses and records any network use beyond
// loopback (net, tls, http(s), dns, fetch — in every thread), and shows with controls that the preload catches one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { BIN, cliWithEnv } from '../fixtures/cli.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { mixedEmail } from '../fixtures/emails.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const GUARD = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/network-guard.mjs')).href;

interface Refusal {
  api: string;
  target: string;
  pid: number;
  thread: string | number;
}

/** A fresh log per run: the environment that loads the guard, and readers for what it recorded. */
function guarded() {
  const log = path.join(tempDir('net-guard-'), 'refused.jsonl');
  const env = { NODE_OPTIONS: `--import ${GUARD}`, EXHIBIT_DESK_NETWORK_LOG: log };
  const refusals = (): Refusal[] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Refusal) : []);
  const threads = (): string[] => (fs.existsSync(`${log}.threads`) ? fs.readFileSync(`${log}.threads`, 'utf8').trim().split('\n') : []);
  return { env, refusals, threads };
}

const src = tempDir('offline-preload-src-');
const caseDir = path.join(tempDir('offline-preload-case-'), 'case');

beforeAll(async () => {
  await writePdf(path.join(src, 'a.pdf'), { pages: ['Data Exchange System', 'Second page'] });
  fs.writeFileSync(path.join(src, 'approval.eml'), (await mixedEmail()).bytes);
  // Remote images and external links, which a careless reader would fetch.
  fs.writeFileSync(
    path.join(src, 'remote.html'),
    '<html><body><img src="http://203.0.113.1/pixel.png"><link rel="stylesheet" href="https://example.com/a.css"><p>Data Exchange System</p></body></html>',
  );
  const init = await cliWithEnv(guarded().env, 'init', caseDir);
  expect(init.code, init.stderr).toBe(0);
});

describe('under the network guard', () => {
  it('catches a connection to 203.0.113.1 and a lookup of example.com, in the main thread and in a worker (control)', async () => {
    const g = guarded();
    const code = `
      const net = require('node:net');
      const dns = require('node:dns');
      const { Worker } = require('node:worker_threads');
      const tries = [];
      const attempt = (what, fn) => { try { fn(); tries.push(what + ': allowed'); } catch (e) { tries.push(what + ': refused'); } };
      attempt('connect', () => net.connect(80, '203.0.113.1').on('error', () => {}));
      attempt('lookup', () => dns.lookup('example.com', () => {}));
      attempt('fetch', () => fetch('https://example.com/').catch(() => {}));
      attempt('loopback', () => net.connect(9, '127.0.0.1').on('error', () => {}));
      const w = new Worker("try { require('node:net').connect(443, '203.0.113.1').on('error', () => {}); } catch {}", { eval: true });
      w.on('exit', () => console.log(tries.join(', ')));
    `;
    const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, ...g.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    await new Promise((r) => child.on('close', r));
    expect(out.trim()).toBe('connect: refused, lookup: refused, fetch: refused, loopback: allowed');
    expect(g.refusals().map((r) => [r.api, r.target, r.thread === 'main' ? 'main' : 'worker'])).toEqual([
      ['net.connect', '203.0.113.1', 'main'],
      ['dns.lookup', 'example.com', 'main'],
      ['fetch', 'example.com', 'main'],
      ['net.connect', '203.0.113.1', 'worker'],
    ]);
  });

  it('import, search and a bundle export make no network call from any thread', async () => {
    const inputs = HAS_CORPUS ? ['docx', 'eml', 'msg', 'pdf', 'html'].map((f) => path.join(CORPUS_DIR, f)).filter((d) => fs.existsSync(d)) : [];
    const out = tempDir('offline-preload-out-');
    const runs: [string, string[]][] = [
      ['import', ['import', caseDir, src, ...inputs, '--json']],
      ['search', ['search', caseDir, 'system', '--json']],
      ['export', ['export', caseDir, 'bundle', '--out', out, '--select', 'numbers:1-3', '--json']],
    ];
    for (const [name, args] of runs) {
      const g = guarded();
      const r = await cliWithEnv(g.env, ...args);
      expect(r.stdout.trim().startsWith('{'), `${name}: ${r.stderr}`).toBe(true);
      expect(g.refusals(), name).toEqual([]);
      // The guard was in the process, and (for import and export) in the worker threads that read and write files.
      const threads = g.threads();
      expect(threads.some((t) => t.endsWith(':main')), name).toBe(true);
      if (name !== 'search') expect(threads.some((t) => /:worker-\d+$/.test(t)), name).toBe(true);
    }
    expect(fs.readdirSync(out)).toHaveLength(1);
  }, 180_000);

  it('serve answers on loopback with its token and reaches nothing else', async () => {
    const g = guarded();
    const child = spawn(process.execPath, [BIN, 'serve', caseDir], { env: { ...process.env, ...g.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<number | null>((r) => child.on('close', r));
    try {
      const url = new URL(
        await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (c: Buffer) => {
            out += c;
            if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
          });
          child.on('close', () => reject(new Error(`serve stopped before printing its address: ${out}`)));
        }),
      );
      expect(url.hostname).toBe('127.0.0.1');
      const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
      expect(token).toMatch(/^[\w-]{32}$/);
      const page = await request(url, 'GET');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<html');
      const call = await request(new URL('/api/call', url.origin), 'POST', token, JSON.stringify({ method: 'search', args: { query: 'system' }, callId: 'c1' }));
      expect(call.status).toBe(200);
      expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ page: 1 })]) });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);
    expect(g.refusals()).toEqual([]);
  }, 120_000);
});

function request(url: URL, method: string, token?: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: token ? { 'x-exhibit-desk-token': token, 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
