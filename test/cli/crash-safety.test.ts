import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { cli, cliJson, cliSpawn } from '../fixtures/cli.ts';
import { makePdf } from '../fixtures/pdfs.ts';

const FILES = 40;
const src = tempDir('crash-src-');
const caseDir = path.join(tempDir('crash-case-'), 'case');

beforeAll(async () => {
  for (let i = 0; i < FILES; i++) {
    const pages = Array.from({ length: 6 }, (_, p) => `Document ${i} page ${p + 1}\n${'Data Exchange System '.repeat(20)}`);
    fs.writeFileSync(path.join(src, `doc-${String(i).padStart(3, '0')}.pdf`), await makePdf({ title: `Document ${i}`, pages }));
  }
  expect((await cli('init', caseDir)).code).toBe(0);
});

function exhibitCount(): number {
  const db = new Database(path.join(caseDir, 'case.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM exhibits').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('an import killed with SIGKILL mid-way', () => {
  it('leaves a case that opens, verifies, and completes when the import is run again', async () => {
    const child = cliSpawn('import', caseDir, src, '--json');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(() => exhibitCount() >= 5, 60_000);
    child.kill('SIGKILL');
    await exited;
    const before = exhibitCount();
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(FILES);

    const verified = await cliJson('verify', caseDir);
    expect(verified).toMatchObject({ ok: true, checked: before, integrity: 'ok', auditOk: true });
    // Opening swept any temp file the killed writer left; every stored original is whole.
    expect(fs.readdirSync(path.join(caseDir, 'vault', '.incoming'))).toEqual([]);

    const rerun = await cliJson('import', caseDir, src);
    expect(rerun.failed).toEqual([]);
    expect(rerun.duplicates).toHaveLength(before);
    expect(rerun.imported).toHaveLength(FILES - before);
    const { exhibits } = await cliJson('list', caseDir);
    expect(exhibits).toHaveLength(FILES);
    expect(new Set(exhibits.map((e: { sha256: string }) => e.sha256)).size).toBe(FILES);
    expect(exhibits.map((e: { exhibitNo: string }) => e.exhibitNo)).toEqual(
      Array.from({ length: FILES }, (_, i) => `PX-${String(i + 1).padStart(3, '0')}`),
    );
    expect(await cliJson('verify', caseDir)).toMatchObject({ ok: true, checked: FILES });
  });
});
