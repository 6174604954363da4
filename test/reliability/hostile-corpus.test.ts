// The generated hostile-input corpus, imported in one batch by the CLI: each file's exact outcome, the rest of the
// batch unaffected, no smuggled code run, nothing written outside the vault, and the importer's memory bounded.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/model.ts';
import { tempDir } from '../fixtures/case.ts';
import { cli, cliSpawn } from '../fixtures/cli.ts';
import { BIG_FILE_BYTES, MANY_ATTACHMENTS, writeHostileCorpus } from '../fixtures/hostile-corpus.ts';
import { HOSTILE_NAMES } from '../fixtures/hostile-emails.ts';
import { hasQpdf } from '../fixtures/pdfs.ts';

const work = tempDir('hostile-corpus-');
const src = path.join(work, 'corpus');
const caseDir = path.join(work, 'case');
const marker = path.join(work, 'code-ran');
let report: ImportReport;
let peakRssBytes = 0;
// qpdf makes the encrypted cases; without it they are left out of the batch.
const encrypted = hasQpdf();

/** Linux's record of the most memory the process ever held (VmHWM), read until it exits. */
function watchPeakRss(pid: number): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    } catch {
      // Gone: the last reading stands.
    }
  }, 50);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

beforeAll(async () => {
  fs.mkdirSync(src);
  await writeHostileCorpus(src, marker);
  expect((await cli('init', caseDir)).code).toBe(0);
  const child = cliSpawn('import', caseDir, src, '--json');
  const stopWatching = watchPeakRss(child.pid!);
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  peakRssBytes = stopWatching();
  expect(code, stdout.slice(0, 500)).toBe(1); // some files are refused, so the import reports a failed check
  report = JSON.parse(stdout) as ImportReport;
  console.log(`hostile corpus: ${report.imported.filter((i) => i.parentId === null).length} imported, ${report.failed.length} refused; importer peak RSS ${Math.round(peakRssBytes / 2 ** 20)} MB`);
}, 900_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const imported = (name: string) => {
  const found = report.imported.find((i) => i.path === path.join(src, name));
  if (!found) throw new Error(`${name} was not imported: ${JSON.stringify(report.failed.find((f) => f.path === path.join(src, name)))}`);
  return found;
};
const refused = (name: string) => report.failed.find((f) => f.path === path.join(src, name));
const childrenOf = (id: number) => report.imported.filter((i) => i.parentId === id);

describe('hostile PDFs', () => {
  it('refuses a truncated PDF as damaged', () => {
    expect(refused('truncated.pdf')).toMatchObject({ code: 'damaged', error: 'The file is not a readable PDF (its structure is damaged or it is not a PDF).' });
  });

  it.skipIf(!encrypted)('refuses a PDF with a user password plainly, and imports one restricted only by its owner', () => {
    expect(refused('user-password.pdf')).toMatchObject({ code: 'encrypted', error: 'The PDF is password-protected; import it again with its password.' });
    expect(imported('owner-password-only.pdf')).toMatchObject({ kind: 'pdf', pages: 1, textLayer: true, warnings: [] });
    const db = new Database(path.join(caseDir, 'case.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT encrypted FROM exhibits WHERE source_name = ?').get('owner-password-only.pdf')).toEqual({ encrypted: 1 });
    } finally {
      db.close();
    }
  });

  it('imports PDFs carrying JavaScript actions and a CVE-2024-4367 font payload without running either', () => {
    expect(imported('javascript-actions.pdf')).toMatchObject({ kind: 'pdf', pages: 1, warnings: [] });
    expect(imported('cve-2024-4367-font.pdf')).toMatchObject({ kind: 'pdf', pages: 1, warnings: [] });
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('believes the page tree, not a declared count of 100,000 pages', () => {
    expect(imported('claims-100000-pages.pdf')).toMatchObject({ kind: 'pdf', pages: 1, warnings: [] });
  });

  it('reads a PDF whose objects are nested 100,000 deep: PDFium stops at its depth limit and finds the page text', () => {
    expect(imported('deeply-nested-objects.pdf')).toMatchObject({ kind: 'pdf', pages: 1, warnings: [] });
  });

  it('refuses a flate bomb (4 GB from 4 MB) by its expansion, before reading it', () => {
    const allowanceMb = Math.round((fs.statSync(path.join(src, 'flate-bomb.pdf')).size * 100) / 2 ** 20);
    expect(refused('flate-bomb.pdf')).toMatchObject({
      code: 'too_large',
      error: `The PDF's compressed content expands to more than ${allowanceMb} MB, far beyond what its size suggests; it was not read.`,
    });
  });
});

describe('hostile emails', () => {
  it(`imports the first 1,000 of ${MANY_ATTACHMENTS.toLocaleString('en-US')} attachments, saying so`, () => {
    const email = imported('thousands-of-attachments.eml');
    expect(email.warnings).toEqual(['Only the first 1000 attachments were imported.']);
    expect(childrenOf(email.id)).toHaveLength(1000);
  });

  it('refuses multiparts nested 2,000 deep plainly', () => {
    expect(refused('deeply-nested-multiparts.eml')).toMatchObject({
      code: 'damaged',
      error: "The email's parts are nested more than 64 levels deep, so it cannot be read.",
    });
  });

  it('keeps attachments named with ../, absolute paths, NUL and control characters under safe names, in the vault only', () => {
    const email = imported('hostile-attachment-names.eml');
    expect(email.warnings).toEqual([]);
    expect(childrenOf(email.id).map((c) => c.path.slice(c.path.indexOf('#') + 1))).toEqual(HOSTILE_NAMES.map((n) => n.shown));
    const everywhere = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everywhere(path.join(dir, e.name)) : [e.name]));
    const written = [...everywhere(caseDir), ...everywhere(work)];
    for (const name of ['passwd', 'shadow', 'evil.txt', 'boot.ini']) expect(written).not.toContain(name);
  });

  it('imports an email with broken encodings, saying what could not be read', () => {
    const email = imported('broken-encodings.eml');
    expect(email).toMatchObject({ kind: 'email', title: 'Broken=ZZ subject and Hello', warnings: ['The email\'s date "sometime last week" could not be read, so the email has no date.'] });
    expect(childrenOf(email.id).map((c) => [c.path.split('#')[1], c.kind])).toEqual([['stray.bin', 'text']]);
  });
});

describe('a file of several gigabytes', () => {
  it('is kept in the vault, hashed as a stream, with the importer never holding it in memory', () => {
    expect(imported('three-gigabytes.eml')).toMatchObject({
      kind: 'other',
      warnings: [`The file is too large to read its text (${BIG_FILE_BYTES / 2 ** 20} MB); the original is kept in the vault.`],
    });
    expect(peakRssBytes).toBeGreaterThan(0);
    expect(peakRssBytes).toBeLessThan(2 ** 30);
  });
});

describe('the batch', () => {
  it('imports the ordinary files beside the hostile ones, refuses exactly the four named, and verifies', async () => {
    expect(imported('ordinary.pdf')).toMatchObject({ kind: 'pdf', pages: 2, warnings: [] });
    expect(imported('ordinary.txt')).toMatchObject({ kind: 'text', warnings: [] });
    const expectedRefusals = ['deeply-nested-multiparts.eml', 'flate-bomb.pdf', 'truncated.pdf', ...(encrypted ? ['user-password.pdf'] : [])];
    expect(report.failed.map((f) => path.basename(f.path)).sort()).toEqual(expectedRefusals);
    const verified = await cli('verify', caseDir, '--json');
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, auditOk: true, integrity: 'ok' });
  }, 600_000);
});
