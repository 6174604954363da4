import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfExtractor } from '../../electron/core/import/formats/pdf.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { pdfCarrying } from '../fixtures/pdf-attachments.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('files carried inside a PDF', () => {
  const { api } = newCase('pdf-embedded');
  afterAll(() => api.close());
  const dir = tempDir();
  const hits = async (query: string) => [...new Set((await api.search({ query })).filter((h) => h.source !== 'metadata').map((h) => `${h.exhibitNo}:${h.source}`))];

  it('hands on the name tree’s files and a page’s attached file, and nothing for a PDF without any', async () => {
    const bytes = await pdfCarrying('Cover page', [{ name: 'memo.txt', bytes: text('memo body'), mimeType: 'text/plain' }], {
      onPage: { name: 'pinned.txt', bytes: text('pinned note') },
    });
    const doc = await pdfExtractor.extract(bytes, { fileName: 'cover.pdf', passwords: [] });
    expect(doc.attachments.map((a) => [a.fileName, Buffer.from(a.bytes).toString()])).toEqual([
      ['memo.txt', 'memo body'],
      ['pinned.txt', 'pinned note'],
    ]);
    const plain = await pdfExtractor.extract(await pdfCarrying('Nothing attached', []), { fileName: 'plain.pdf', passwords: [] });
    expect(plain.attachments).toEqual([]);
    expect(plain.warnings).toEqual([]);
  });

  it('imports two embedded files, one a PDF with its own attachment, as a numbered family found by search', async () => {
    const inner = await pdfCarrying('Inner agreement mentions cardamom', [{ name: 'deep.txt', bytes: text('The deepest note says saffron.\n'), mimeType: 'text/plain' }]);
    const outer = await pdfCarrying('Outer filing mentions nutmeg', [
      { name: 'agreement.pdf', bytes: inner, mimeType: 'application/pdf' },
      { name: 'schedule.txt', bytes: text('Schedule A lists turmeric.\n'), mimeType: 'text/plain' },
    ]);
    const file = path.join(dir, 'filing.pdf');
    fs.writeFileSync(file, outer);
    const report = await api.importFiles({ paths: [file] }, {});
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => [i.exhibitNo, i.kind, i.path.split('#').slice(1).join('#')])).toEqual([
      ['PX-001', 'pdf', ''],
      ['PX-001.1', 'pdf', 'agreement.pdf'],
      ['PX-001.1.1', 'text', 'agreement.pdf#deep.txt'],
      ['PX-001.2', 'text', 'schedule.txt'],
    ]);
    expect(await hits('nutmeg')).toEqual(['PX-001:page']);
    expect(await hits('cardamom')).toEqual(['PX-001.1:page']);
    expect(await hits('saffron')).toEqual(['PX-001.1.1:body']);
    expect(await hits('turmeric')).toEqual(['PX-001.2:body']);
  });

  it('says when a PDF is a portfolio, and stops nesting at the depth limit with a named warning', async () => {
    const portfolio = await pdfCarrying('Portfolio cover', [
      { name: 'a.txt', bytes: text('first entry') },
      { name: 'b.txt', bytes: text('second entry') },
    ], { portfolio: true });
    const doc = await pdfExtractor.extract(portfolio, { fileName: 'p.pdf', passwords: [] });
    expect(doc.warnings).toContain('The PDF is a portfolio; the 2 files in it were imported as attachments.');

    let nested = await pdfCarrying('Level 10', [{ name: 'bottom.txt', bytes: text('bottom') }]);
    for (let level = 9; level >= 0; level--) nested = await pdfCarrying(`Level ${level}`, [{ name: `level-${level + 1}.pdf`, bytes: nested }]);
    const file = path.join(dir, 'russian-doll.pdf');
    fs.writeFileSync(file, nested);
    const report = await api.importFiles({ paths: [file] }, {});
    expect(report.failed).toEqual([]);
    const deepest = report.imported.at(-1)!;
    expect(deepest.exhibitNo.split('.')).toHaveLength(9);
    expect(deepest.warnings).toContain('1 attachment(s) nested more than 8 levels deep were not imported.');
  });

  it.skipIf(!HAS_CORPUS)('reads the real PDFs’ attachments: name tree and annotation', async () => {
    const names = ['pdfjs-attachment.pdf', 'pdfjs-annotation-fileattachment.pdf', 'fc-fileAttachment.pdf'];
    const report = await api.importFiles({ paths: names.map((n) => path.join(CORPUS_DIR, 'container', n)) }, {});
    expect(report.failed).toEqual([]);
    const children = report.imported.filter((i) => i.path.includes('#')).map((i) => i.path.split('#').at(-1));
    expect(children).toEqual(['foo.txt', 'Test.txt', 'KSBASE.WQ2']);
  });
});
