import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/model.ts';
import { sha256Of } from '../../../electron/core/vault/vault.ts';
import { newCase, tempDir } from '../../fixtures/case.ts';
import { encryptPdf, hasQpdf, makePdf, writePdf } from '../../fixtures/pdfs.ts';

const src = tempDir('exhibit-src-');
const { api, dir } = newCase();

beforeAll(async () => {
  await writePdf(path.join(src, 'a', '01 RFP excerpt.pdf'), {
    title: 'Request for Proposals — PPIC3',
    author: 'Punjab Safe Cities Authority',
    pages: ['Eight systems are required.\nData Exchange System (DES)', 'Building Management System', 'Resource Management'],
  });
  await writePdf(path.join(src, 'a', 'b', 'Résumé – 契約.pdf'), { pages: ['Installation record Suzhou', null] });
  fs.writeFileSync(path.join(src, 'notes.txt.pdf'), 'not a pdf at all');
  fs.writeFileSync(path.join(src, 'empty.pdf'), '');
  const whole = await makePdf({ pages: ['one', 'two', 'three'] });
  fs.writeFileSync(path.join(src, 'truncated.pdf'), whole.subarray(0, Math.floor(whole.length / 3)));
});

afterAll(() => api.close());

describe('importing PDFs', () => {
  let report: Awaited<ReturnType<typeof api.importFiles>>;
  const progress: ImportProgress[] = [];

  it('imports good files with their pages, metadata and exhibit numbers, and refuses bad ones with a reason', async () => {
    report = await api.importFiles({ paths: [src] }, { onProgress: (p) => progress.push(p) });
    const byName = (name: string) => report.imported.find((i) => i.path.endsWith(name));

    const rfp = byName('01 RFP excerpt.pdf')!;
    expect(rfp).toMatchObject({ exhibitNo: 'PX-001', title: 'Request for Proposals — PPIC3', kind: 'pdf', pages: 3, textLayer: true, parentId: null });
    const record = byName('Résumé – 契約.pdf')!;
    expect(record).toMatchObject({ exhibitNo: 'PX-002', title: 'Résumé – 契約', pages: 2, textLayer: false });
    expect(record.warnings.join(' ')).toMatch(/No text layer on pages 2/);

    const failed = Object.fromEntries(report.failed.map((f) => [path.basename(f.path), f]));
    expect(failed['empty.pdf']).toMatchObject({ code: 'empty', error: 'The file is empty.' });
    expect(failed['truncated.pdf']).toMatchObject({ code: 'damaged', error: expect.stringMatching(/not a readable PDF/) });
    // Named .pdf with no recognisable format inside: read as the PDF it claims to be, and refused as one.
    expect(failed['notes.txt.pdf']).toMatchObject({ code: 'damaged', error: expect.stringMatching(/not a readable PDF/) });
    expect(report.imported).toHaveLength(2);
    expect(report.failed).toHaveLength(3);
  });

  it('reports progress for every file, ending at done = total', () => {
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('keeps each original in the vault, unchanged and read-only, under its SHA-256', () => {
    for (const item of report.imported) {
      const stored = path.join(dir, 'vault', item.sha256.slice(0, 2), item.sha256);
      const bytes = fs.readFileSync(stored);
      expect(sha256Of(bytes)).toBe(item.sha256);
      expect(bytes.equals(fs.readFileSync(item.path))).toBe(true);
      expect(fs.statSync(stored).mode & 0o222).toBe(0);
    }
    expect(fs.readdirSync(path.join(dir, 'vault', '.incoming'))).toEqual([]);
  });

  it('stores the text of every page, searchable by page', async () => {
    const hits = await api.search({ query: 'Suzhou' });
    expect(hits).toEqual([expect.objectContaining({ exhibitNo: 'PX-002', page: 1, snippet: expect.stringContaining('«Suzhou»') })]);
    expect((await api.pageText({ exhibit: 'PX-001', page: 2 })).text).toBe('Building Management System');
  });

  it('reports the same bytes imported again as a duplicate of the existing exhibit', async () => {
    const again = await api.importFiles({ paths: [src] });
    expect(again.imported).toEqual([]);
    const ids = report.imported.map((i) => i.id).sort();
    expect(again.duplicates.map((d) => d.existingId).sort()).toEqual(ids);
    expect((await api.listExhibits({})).length).toBe(2);
  });

  it('audits every import with the original hash', async () => {
    const history = await api.auditLog({ exhibit: 'PX-001' });
    expect(history[0]).toMatchObject({ action: 'exhibit.import', sha256: [report.imported[0]!.sha256] });
  });
});

describe.skipIf(!hasQpdf())('encrypted PDFs', () => {
  it('refuses a user-password PDF plainly, imports it given the password, and imports an owner-only PDF', async () => {
    const plain = await writePdf(path.join(tempDir(), 'plain.pdf'), { pages: ['Confidential design of DES'] });
    const encDir = tempDir();
    encryptPdf(plain, path.join(encDir, 'locked.pdf'), 'open-sesame');
    encryptPdf(plain, path.join(encDir, 'owner-only.pdf'), '');
    const { api: c } = newCase();
    const first = await c.importFiles({ paths: [encDir] });
    expect(first.failed).toEqual([
      expect.objectContaining({ code: 'encrypted', error: 'The PDF is password-protected; import it again with its password.' }),
    ]);
    expect(first.imported).toEqual([expect.objectContaining({ title: 'owner-only', pages: 1, textLayer: true })]);
    const wrong = await c.importFiles({ paths: [path.join(encDir, 'locked.pdf')], passwords: ['nope'] });
    expect(wrong.failed[0]?.error).toMatch(/none of the passwords given opens it/);
    const second = await c.importFiles({ paths: [encDir], passwords: ['open-sesame'] });
    expect(second.imported).toEqual([expect.objectContaining({ title: 'locked', pages: 1 })]);
    expect(second.duplicates).toHaveLength(1);
    const hits = await c.search({ query: 'design' });
    expect(hits).toHaveLength(2);
    c.close();
  });
});
