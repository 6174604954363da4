// `exhibit-desk serve` end to end (one CLI spawn): browser mode answers over HTTP while the case lives in a case host,
// a process of its own; progress reaches the page's event stream; a stop closes the case cleanly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCase, tempDir } from '../fixtures/case.ts';
import { BIN } from '../fixtures/cli.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const openMarks = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('.open-'));

function request(url: URL, options: { method?: string; token?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = options.token ? { 'x-exhibit-desk-token': options.token, 'content-type': 'application/json' } : {};
    const req = http.request(url, { method: options.method ?? 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('latin1')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('exhibit-desk serve', () => {
  it('serves the case from a case host: calls, originals and progress pass through; SIGTERM closes it cleanly', async () => {
    const { dir, api } = newCase('Served from a host');
    const src = tempDir('serve-src-');
    for (let i = 1; i <= 6; i++) await writePdf(path.join(src, `doc ${i}.pdf`), { pages: [`Document ${i}: the Suzhou servers.`] });
    const [first] = (await api.importFiles({ paths: [path.join(src, 'doc 1.pdf')] })).imported;
    api.close();

    const child = spawn(process.execPath, [BIN, 'serve', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = new URL(
        await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (c: Buffer) => {
            out += c;
            if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
          });
          child.on('exit', () => reject(new Error(`serve stopped before printing its address: ${stderr}`)));
        }),
      );
      const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
      const call = async (method: string, args: unknown, callId = 'c') =>
        JSON.parse((await request(new URL('/api/call', url.origin), { method: 'POST', token, body: JSON.stringify({ method, args, callId }) })).body);

      expect(await call('caseInfo', {})).toMatchObject({ ok: true, value: { title: 'Served from a host' } });
      const original = await request(new URL(`/vault/${first!.sha256}`, url.origin), { token });
      expect(original.status).toBe(200);
      expect(original.body.startsWith('%PDF-')).toBe(true);

      // The case is held by the host: the one open mark names a process that is neither the CLI nor browser mode.
      const [mark] = openMarks(dir);
      const holder = Number(/^\.open-(\d+)-/.exec(mark!)![1]);
      expect(holder).not.toBe(child.pid);
      expect(fs.readFileSync(`/proc/${holder}/cmdline`, 'utf8')).toMatch(/case-host/);

      // Progress of an import comes from the host through the server to the page's event stream.
      const events: string[] = [];
      const stream = http.get(new URL('/api/events', url.origin), { headers: { 'x-exhibit-desk-token': token } }, (res) => res.on('data', (c: Buffer) => events.push(c.toString())));
      await new Promise((r) => setTimeout(r, 200));
      expect(await call('importFiles', { paths: [src] }, 'imp')).toMatchObject({ ok: true, value: { duplicates: [expect.anything()] } });
      stream.destroy();
      expect(events.join('')).toContain(`"callId":"imp","progress":{"done":6,"total":6,"current":null}`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(openMarks(dir)).toEqual([]);
    expect(stderr).not.toMatch(/internal error|stopped unexpectedly/);
  }, 120_000);
});
