// The title rule: a document's own title only when it reads as one; the file name otherwise. Tried on the titles the
// issue found, on PDFs carrying them through a real import, and on every file of the real-world corpus.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exhibitTitle, meaningfulTitle } from '../../electron/core/import/exhibit-title.ts';
import { createExtractPool } from '../../electron/core/import/worker-pool.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, CORPUS_MISSING, corpusManifest, HAS_CORPUS } from '../fixtures/corpus.ts';
import { makePdf } from '../fixtures/pdfs.ts';

const pdf = (title: string | null) => ({ kind: 'pdf' as const, title, subject: null });

describe('the title rule', () => {
  it.each([
    ['Image', 'scan-0042.pdf', 'scan-0042'],
    ['test_small', 'Jagels deposition.pdf', 'Jagels deposition'],
    ['Test 2', 'Letter.pdf', 'Letter'],
    ['Microsoft Word – Jagels Expert Report.docx', 'Jagels report (signed).pdf', 'Jagels report (signed)'],
    ['Microsoft Word - Settlement Agreement', 'sa.pdf', 'Settlement Agreement'],
    ['opinion_pdf_text_based.png', 'Opinion and Order.pdf', 'Opinion and Order'],
    ['untitled', 'memo.pdf', 'memo'],
    ['Document1', 'memo.pdf', 'memo'],
    ['Scan0001', 'Award letter.pdf', 'Award letter'],
    ['IMG_0042', 'photo of site.pdf', 'photo of site'],
    ['20170328_1042', 'site.pdf', 'site'],
    ['C:\\Users\\jdoe\\Desktop\\draft v3', 'Draft.pdf', 'Draft'],
    ['/home/jdoe/out', 'Draft.pdf', 'Draft'],
    ['ABC', 'Agreement.pdf', 'Agreement'],
    ['1234-56/7', 'Agreement.pdf', 'Agreement'],
    ['   ', 'Agreement.pdf', 'Agreement'],
    ['AGREEMENT', 'agreement.pdf', 'agreement'],
    ['Partnership Agreement', 'pa.pdf', 'Partnership Agreement'],
    ['2010 Form 1040', 'f1040.pdf', '2010 Form 1040'],
    ['Testimony of Dr. Ahmed', 'ahmed.pdf', 'Testimony of Dr. Ahmed'],
    ['Fed/State review', 'review.pdf', 'Fed/State review'],
    ['合同书', 'contract.pdf', '合同书'],
  ])('the PDF title %j of %s gives %j', (own, file, expected) => {
    expect(exhibitTitle(pdf(own), file)).toBe(expected);
  });

  it('titles a message by its subject, whatever it is, and by its file name only when the subject is blank', () => {
    expect(exhibitTitle({ kind: 'email', title: 'test', subject: 'test' }, 'mail.eml')).toBe('test');
    expect(exhibitTitle({ kind: 'email', title: null, subject: null }, 'mail.eml')).toBe('mail');
    expect(exhibitTitle({ kind: 'appointment', title: '  ', subject: null }, 'meeting.msg')).toBe('meeting');
  });

  it('never gives an empty title, even for a file named only by its extension', () => {
    expect(exhibitTitle(pdf(null), '.pdf')).toBe('.pdf');
    expect(meaningfulTitle(null, 'x.pdf')).toBeNull();
  });
});

describe('titles through an import', () => {
  const { api } = newCase('titles');
  afterAll(() => api.close());

  it('keeps a meaningful PDF title and otherwise names the exhibit by its file', async () => {
    const dir = tempDir();
    const files: [string, string | undefined][] = [
      ['Opinion and Order.pdf', 'opinion_pdf_text_based.png'],
      ['Jagels report.pdf', 'Microsoft Word - Jagels Expert Report.docx'],
      ['Award notice.pdf', 'Image'],
      ['small.pdf', 'test_small'],
      ['pa.pdf', 'Partnership Agreement'],
      ['no title.pdf', undefined],
    ];
    for (const [name, title] of files) fs.writeFileSync(path.join(dir, name), await makePdf({ title, pages: [`The text of ${name}`] }));
    const report = await api.importFiles({ paths: files.map(([name]) => path.join(dir, name)) });
    expect(report.imported.map((i) => i.title)).toEqual(['Opinion and Order', 'Jagels report', 'Award notice', 'small', 'Partnership Agreement', 'no title']);
  });
});

describe.skipIf(!HAS_CORPUS)('titles of the real-world corpus', () => {
  it('chooses a title for every file it reads, listed here per file', { timeout: 120_000 }, async () => {
    const pool = createExtractPool({ size: 2 });
    const chosen = new Map<string, string>();
    try {
      const entries = corpusManifest().filter((e) => !e.path.startsWith('production/'));
      await Promise.all(
        entries.map(async (e) => {
          const name = path.basename(e.path);
          const read = await pool.extract(path.join(CORPUS_DIR, e.path), name, []).catch(() => null);
          if (read?.doc) chosen.set(e.path, exhibitTitle(read.doc, name));
        }),
      );
    } finally {
      await pool.close();
    }
    // The list a reviewer reads: what each corpus file is called once imported.
    console.log([...chosen].sort(([a], [b]) => a.localeCompare(b)).map(([file, title]) => `${file} → ${title}`).join('\n'));
    expect(chosen.size).toBeGreaterThan(90);
    expect(chosen.get('pdf/pdfjs-prefilled_f1040.pdf')).toBe('2010 Form 1040');
    expect(chosen.get('container/fc-fileAttachment.pdf')).toBe('This is a test document');
    expect(chosen.get('scan/xray-test3.pdf')).toBe('xray-test3');
    expect(chosen.get('office/poi-45545_Comment.pptx')).toBe('Water Finance');
    expect(chosen.get('eml/mail-attachment_message_rfc822_inline_image.eml')).toBe('test');
    expect(chosen.get('msg/hh-nonUnicodeCP932.msg')).toBe('日本語 Non Unicode タイトル');
    for (const [file, title] of chosen) {
      expect(title.trim(), file).not.toBe('');
      expect(title, file).not.toMatch(/^(?:image|untitled)$/i);
    }
  });
});

if (!HAS_CORPUS) console.warn(CORPUS_MISSING);
