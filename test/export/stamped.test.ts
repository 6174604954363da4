import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/model.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { exportCase, pageText, type ExportCase } from '../fixtures/export-case.ts';
import { outline, pagesText, placedText, qpdfCheck } from '../fixtures/export-reading.ts';
import { docx } from '../fixtures/office.ts';
import { encryptPdf, hasQpdf, writePdf } from '../fixtures/pdfs.ts';

let c: ExportCase;
let result: ExportResult;

beforeAll(async () => {
  c = await exportCase();
  result = await c.api.exportStamped({ outDir: c.out, bates: { prefix: 'BES', digits: 6, start: 100 }, caseNumber: 'Case No. 2:24-cv-01234' });
});

afterAll(() => c.api.close());

describe('stamped exhibits', () => {
  it('writes one sound PDF per exhibit family, named by number, date and title', () => {
    expect(result.files.map((f) => path.basename(f.path))).toEqual([
      'PX-001 – 2016-02-01 – Award notice.pdf',
      'PX-002 – 2023-03-14 – Installation in Suzhou – approval.pdf',
      'PX-003 – 3 photo.pdf',
      'PX-004 – Notizen – Jörg Müller Протокол.pdf',
      'PX-005 – 2017-03-29 – 5 install.pdf',
      'PX-006 – 6 scan.pdf',
    ]);
    for (const f of result.files) expect(qpdfCheck(f.path)).toMatch(/No syntax or stream encoding errors/);
    expect(fs.readdirSync(path.dirname(result.manifest))).toHaveLength(result.files.length + 1);
  });

  it('labels the first page of each exhibit, and numbers all pages on from one file to the next', () => {
    const files = result.files.map((f) => pagesText(f.path));
    const numbers = files.flatMap((pages) => pages.map((t) => /^\s*(BES\d{6})\s*$/m.exec(t)?.[1]));
    expect(numbers).toEqual(numbers.map((_, i) => `BES${String(100 + i).padStart(6, '0')}`));
    files.forEach((pages, i) => {
      const label = `EXHIBIT PX-00${i + 1}`;
      expect(pages.map((t) => t.includes(label))).toEqual(pages.map((_, p) => p === 0));
      expect(pages[0]).toContain('Case No. 2:24-cv-01234');
    });
    expect(files[0]!.map((t) => t.includes(pageText('Award', files[0]!.indexOf(t) + 1)))).toEqual([true, true, true]);
    expect(files[1]!.join('\n')).toContain('Data Exchange System - page 2');
  });

  it('puts the label in the top band beside the legend, covering nothing', async () => {
    const { height, items } = await placedText(result.files[4]!.path, 1);
    const band = Math.min(72, Math.max(16, height * 0.045));
    const label = items.find((i) => i.text === 'EXHIBIT PX-005')!;
    const legend = items.find((i) => i.text.startsWith('HIGHLY CONFIDENTIAL'))!;
    expect([label.upright, label.y < band, legend.y < band]).toEqual([true, true, true]);
    expect(label.x).toBeGreaterThan(legend.x + 100);
    const original = items.find((i) => i.text === pageText('Install', 1))!;
    expect(original.y).toBeGreaterThan(band);
  });

  it('bookmarks each file at its exhibit, with its attachments', async () => {
    expect(await outline(result.files[1]!.path)).toEqual([
      { title: 'PX-002 – Installation in Suzhou – approval', page: 1, children: [{ title: 'PX-002.1 – approval', page: 2, children: [] }] },
    ]);
  });
});

describe('stamped exhibits of other kinds', () => {
  it('prints Word documents and web pages as their text, saying so', async () => {
    const src = tempDir('text-kinds-src-');
    fs.writeFileSync(path.join(src, 'memo.docx'), docx({ paragraphs: ['Memorandum on the Suzhou installation.', 'Second paragraph of the memo.'] }));
    fs.writeFileSync(path.join(src, 'page.html'), '<html><head><title>Vendor page</title></head><body><p>Servers shipped to Suzhou.</p></body></html>');
    const { api } = newCase('Text kinds');
    try {
      await api.importFiles({ paths: [path.join(src, 'memo.docx'), path.join(src, 'page.html')] });
      const r = await api.exportStamped({ outDir: tempDir('text-kinds-out-') });
      const [memo, page] = r.files.map((f) => pagesText(f.path).join('\n'));
      expect(memo).toContain('Printed from the text of memo.docx (Word document)');
      expect(memo).toMatch(/Memorandum on the Suzhou installation\.\s+Second paragraph of the memo\./);
      expect(page).toContain('Printed from the text of page.html (web page)');
      expect(page).toContain('Servers shipped to Suzhou.');
      expect(r.warnings).toEqual([]);
    } finally {
      api.close();
    }
  });


  it('warns of characters the export font cannot draw', async () => {
    const src = tempDir('glyphs-src-');
    fs.writeFileSync(path.join(src, 'contract.txt'), 'Vertrag – 合同 signed.');
    const { api } = newCase('Glyphs');
    try {
      await api.importFiles({ paths: [path.join(src, 'contract.txt')] });
      const r = await api.exportStamped({ outDir: tempDir('glyphs-out-') });
      expect(r.warnings).toEqual(['PX-001: 2 character(s) have no glyph in the export font and print as boxes (合 同).']);
      expect(pagesText(r.files[0]!.path)[0]).toContain('Vertrag –');
    } finally {
      api.close();
    }
  });

  it.runIf(hasQpdf())('copies an owner-password PDF; a password-protected one needs its password, else its pages are placeholders', async () => {
    const src = tempDir('encrypted-src-');
    const plain = await writePdf(path.join(src, 'plain.pdf'), { pages: [pageText('Locked', 1), pageText('Locked', 2)] });
    const owner = encryptPdf(plain, path.join(src, 'owner-only.pdf'), '');
    const user = encryptPdf(plain, path.join(src, 'user.pdf'), 'open sesame');
    fs.rmSync(plain);
    const { api } = newCase('Encrypted');
    try {
      await api.importFiles({ paths: [owner, user], passwords: ['open sesame'] });
      const out = tempDir('encrypted-out-');
      const without = await api.exportStamped({ outDir: out });
      const [ownerPages, userPages] = without.files.map((f) => pagesText(f.path));
      expect(ownerPages!.map((t) => t.includes(pageText('Locked', ownerPages!.indexOf(t) + 1)))).toEqual([true, true]);
      expect(userPages).toHaveLength(2);
      expect(userPages!.map((t) => /Page (\d) of 2 of this exhibit is not reproduced here/.exec(t)?.[1])).toEqual(['1', '2']);
      expect(without.warnings).toEqual([
        'PX-002: the original is password-protected; give its password to export its pages; its 2 page(s) are printed as placeholder pages.',
      ]);
      const given = await api.exportStamped({ outDir: out, passwords: ['open sesame'] });
      expect(pagesText(given.files[1]!.path).map((t) => t.includes('Locked original page'))).toEqual([true, true]);
      expect(given.warnings).toEqual([]);
    } finally {
      api.close();
    }
  });
});
