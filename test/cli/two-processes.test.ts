import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCaseApi } from '../../electron/core/api.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { cli } from '../fixtures/cli.ts';
import { makePdf } from '../fixtures/pdfs.ts';

const WRITER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/app-writer.ts');
const FIRST = 5; // exhibits the case holds before the two processes start
const MORE = 15; // imported by the CLI while the app writes

interface Written {
  written: { exhibit: string; tag: string; description: string }[];
  errors: string[];
}

function startApp(dir: string, stopFile: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, stopFile, String(FIRST)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (stdout.startsWith('ready\n')) resolve();
    }),
  );
  const done = new Promise<{ code: number | null; result: Written; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, result: JSON.parse(stdout.slice('ready\n'.length)) as Written, stderr })),
  );
  return { ready, done };
}

describe('the app and the CLI writing to one case at once', () => {
  it('neither meets "database is locked" and no write is lost', async () => {
    const src = tempDir('two-src-');
    const pdf = (i: number) => makePdf({ title: `Document ${i}`, pages: [`Document ${i} ${'Data exchange system. '.repeat(40)}`, 'Page two'] });
    for (let i = 1; i <= FIRST + MORE; i++) fs.writeFileSync(path.join(src, `doc ${String(i).padStart(2, '0')}.pdf`), await pdf(i));
    const { api, dir } = newCase('Two processes');
    const firsts = fs.readdirSync(src).sort().slice(0, FIRST).map((f) => path.join(src, f));
    expect((await api.importFiles({ paths: firsts })).imported).toHaveLength(FIRST);
    api.close();

    const stopFile = path.join(tempDir('two-stop-'), 'stop');
    const app = startApp(dir, stopFile);
    await app.ready;
    // Three CLI processes and the app, all writing at once: an import, a tag and an edit.
    const [imported, tagged, edited] = await Promise.all([
      cli('import', dir, src, '--json'),
      cli('tag', dir, 'PX-001', 'PX-002', '--add', 'cli'),
      cli('edit', dir, 'PX-003', '--title', 'Edited by the CLI'),
    ]);
    fs.writeFileSync(stopFile, '');
    const { code, result, stderr } = await app.done;

    for (const r of [imported, tagged, edited]) {
      expect(r.stderr).not.toMatch(/locked|SQLITE_BUSY|internal error/i);
      expect(r.code).toBe(0);
    }
    expect(JSON.parse(imported.stdout)).toMatchObject({ failed: [] });
    expect(JSON.parse(imported.stdout).imported).toHaveLength(MORE);
    expect(JSON.parse(imported.stdout).duplicates).toHaveLength(FIRST);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(result.errors).toEqual([]);
    expect(result.written.length).toBeGreaterThanOrEqual(20);

    const check = createCaseApi({ dir });
    try {
      const exhibits = await check.listExhibits({});
      expect(exhibits).toHaveLength(FIRST + MORE);
      const byNo = new Map(exhibits.map((e) => [e.exhibitNo, e]));
      // Every tag the app wrote is there; each exhibit carries the description the app wrote last.
      for (const w of result.written) expect(byNo.get(w.exhibit)!.tags).toContain(w.tag);
      const last = new Map(result.written.map((w) => [w.exhibit, w.description]));
      for (const [no, description] of last) expect(byNo.get(no)!.description).toBe(description);
      expect(byNo.get('PX-001')!.tags).toContain('cli');
      expect(byNo.get('PX-002')!.tags).toContain('cli');
      expect(byNo.get('PX-003')!.title).toBe('Edited by the CLI');
      // The audit log holds every write once, in one unbroken chain.
      const audit = await check.auditLog({ limit: 100_000 });
      expect(audit.filter((a) => a.action === 'exhibit.tag')).toHaveLength(result.written.length + 2);
      expect(audit.filter((a) => a.action === 'exhibit.edit')).toHaveLength(result.written.length + 1);
      expect(audit.filter((a) => a.action === 'exhibit.import')).toHaveLength(FIRST + MORE);
      expect(await check.verify({})).toMatchObject({ ok: true, auditOk: true, checked: FIRST + MORE });
    } finally {
      check.close();
    }
  }, 120_000);
});
