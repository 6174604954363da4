import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/model.ts';
import { newCase } from '../fixtures/case.ts';
import { CORPUS_DIR, CORPUS_MISSING, HAS_CORPUS, corpusFolders, corpusManifest } from '../fixtures/corpus.ts';

if (!HAS_CORPUS) console.warn(CORPUS_MISSING);

describe.skipIf(!HAS_CORPUS)('the real-world corpus through the whole import pipeline', () => {
  const manifest = corpusManifest();
  const { api } = newCase('corpus');
  let report: ImportReport;
  afterAll(() => api.close());

  it('accounts for every file: imported, a duplicate, or refused with a plain reason', async () => {
    const folders = corpusFolders().map((f) => path.join(CORPUS_DIR, f));
    expect(folders.length).toBeGreaterThanOrEqual(5);
    report = await api.importFiles({ paths: folders }, {});
    const outcome = new Map<string, string>();
    for (const i of report.imported) if (!i.path.includes('#')) outcome.set(i.path, 'imported');
    for (const d of report.duplicates) if (!d.path.includes('#')) outcome.set(d.path, 'duplicate');
    for (const f of report.failed) outcome.set(f.path, `refused: ${f.error}`);
    for (const entry of manifest) expect(outcome.get(path.join(CORPUS_DIR, entry.path)), entry.path).toBeDefined();
    for (const f of report.failed) {
      expect(f.error, f.path).not.toMatch(/unexpected|internal/i);
      expect(['damaged', 'encrypted', 'too_large', 'empty', 'unsupported_format'], `${f.path}: ${f.code}`).toContain(f.code);
    }
  });

  it('imports every email as an email, with the subject Python read', () => {
    // Outlook items that are not mail (contacts, tasks, notes) are the containers issue's to read as what they are.
    const mails = manifest.filter((e) => e.kind === 'eml' || (e.kind === 'msg' && (e.messageClass ?? 'IPM.Note').startsWith('IPM.Note')));
    expect(mails.length).toBeGreaterThan(20);
    for (const entry of mails) {
      const item = report.imported.find((i) => i.path === path.join(CORPUS_DIR, entry.path));
      expect(item?.kind, entry.path).toBe('email');
    }
  });

  it('records what an encrypted PDF’s permissions refuse', () => {
    const item = report.imported.find((i) => i.path === path.join(CORPUS_DIR, 'pdf/pdfjs-empty_protected.pdf'));
    expect(item?.warnings).toContain('The PDF is encrypted and its permissions do not allow: changing the document, copying text, assembling pages.');
  });

  it('reads the page count pdfinfo saw for every PDF it imports', () => {
    for (const entry of manifest.filter((e) => e.kind === 'pdf' && e.pages != null)) {
      const item = report.imported.find((i) => i.path === path.join(CORPUS_DIR, entry.path));
      if (item) expect(item.pages, entry.path).toBe(entry.pages);
    }
  });

  it('refuses user-password PDFs as encrypted, and imports them given their passwords', async () => {
    const locked = manifest.filter((e) => e.userPassword !== undefined && e.kind === 'pdf');
    expect(locked.length).toBeGreaterThan(0);
    for (const entry of locked) {
      const failed = report.failed.find((f) => f.path === path.join(CORPUS_DIR, entry.path));
      expect(failed?.code, entry.path).toBe('encrypted');
    }
    const again = await api.importFiles({ paths: locked.map((e) => path.join(CORPUS_DIR, e.path)), passwords: locked.map((e) => e.userPassword!) });
    for (const entry of locked) {
      const item = again.imported.find((i) => i.path === path.join(CORPUS_DIR, entry.path));
      expect(item?.pages, entry.path).toBe(entry.pagesWithPassword);
    }
  });

  it('leaves a case whose originals and audit chain verify', async () => {
    expect(await api.verify({})).toMatchObject({ ok: true, integrity: 'ok' });
  });
});
