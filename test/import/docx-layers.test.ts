import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxExtractor } from '../../electron/core/import/formats/docx.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { docx } from '../fixtures/office.ts';
import { xlsx } from '../fixtures/sheets.ts';
import { LAYER_WORDS, layeredDocx } from '../fixtures/word-layers.ts';

const extract = (bytes: Uint8Array, fileName = 'agreement.docx') => docxExtractor.extract(bytes, { fileName, passwords: [] });
const workbook = () => xlsx([{ name: 'Damages', rows: [['Head of loss', 'Amount'], ['Lost profits', 125000]] }]);

describe('every layer of a Word document', () => {
  it('reads the altChunk in place, marks the tracked deletion, and keeps footnote, header, text box and comment with its author and date', async () => {
    const doc = await extract(layeredDocx(workbook()));
    const body = doc.body ?? '';
    for (const [layer, word] of Object.entries(LAYER_WORDS)) expect(body, layer).toContain(word);
    expect(body).toContain('Payment is due to bandicoot [deleted: within chinchilla days ]on signing.');
    expect(body.indexOf('hoatzin')).toBeGreaterThan(body.indexOf('gerenuk'));
    expect(body.indexOf('hoatzin')).toBeLessThan(body.indexOf('End of agreement.'));
    expect(body).toContain('Comments:\n[Pat Reviewer, 2023-02-02T09:30:00Z] Check the dugong cap.');
    expect(body).toContain('Headers and footers:\nPrivileged fennec draft');
    expect(doc.warnings).toEqual([
      'The document carries tracked changes (1 insertion, 1 deletion); deleted text is kept in its text, marked "[deleted: …]".',
      'The document carries 1 comment; they are kept at the end of its text with their authors and dates.',
    ]);
    expect(doc.attachments.map((a) => a.fileName)).toEqual(['Microsoft_Excel_Worksheet.xlsx']);
  });

  it('says nothing of revisions or comments for a document without them', async () => {
    const plain = await extract(docx({ paragraphs: ['Plain.'] }));
    expect(plain.warnings).toEqual([]);
    expect(plain.body).toBe('Plain.');
  });

  describe('through the pipeline', () => {
    const { api } = newCase('docx-layers');
    afterAll(() => api.close());

    it('imports the embedded workbook as a child exhibit and finds a word from each layer, and the show record lists the revisions', async () => {
      const file = path.join(tempDir(), 'agreement.docx');
      fs.writeFileSync(file, layeredDocx(workbook()));
      const report = await api.importFiles({ paths: [file] }, {});
      expect(report.failed).toEqual([]);
      expect(report.imported.map((i) => [i.exhibitNo, i.kind, i.path.split('#')[1] ?? ''])).toEqual([
        ['PX-001', 'document', ''],
        ['PX-001.1', 'document', 'Microsoft_Excel_Worksheet.xlsx'],
      ]);
      expect((await api.search({ query: '"lost profits"' })).map((h) => [h.exhibitNo, h.source, h.page])).toEqual([['PX-001.1', 'page', 1]]);
      for (const [layer, word] of Object.entries(LAYER_WORDS)) {
        expect((await api.search({ query: word })).map((h) => [h.exhibitNo, h.source]), layer).toEqual([['PX-001', 'body']]);
      }
      const details = await api.getExhibit({ exhibit: 'PX-001' });
      expect(JSON.stringify(details)).toContain('The document carries tracked changes (1 insertion, 1 deletion)');
    });
  });

  it.skipIf(!HAS_CORPUS)('reads the real altChunk, moves and deletions', async () => {
    const read = async (name: string) => extract(new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, 'office', name))), name);
    const alt = await read('oxpt-CA009-altChunk.docx');
    expect(alt.body).toContain('This is the first paragraph in inserted content.');
    expect(alt.body).toContain('[Eric White (DPE), 2008-10-26T09:27:00Z] Comment in Test.docx');
    const revised = await read('oxpt-RA001-Tracked-Revisions-01.docx');
    expect(revised.body).toContain('[deleted: Order of injection:]');
    expect(revised.warnings[0]).toMatch(/^The document carries tracked changes \(\d+ insertions, \d+ deletions, 15 moves\)/);
    const moved = await read('oxpt-014-MovedParagraph.docx');
    expect(moved.body).toContain('[moved from here: When you click Online Video');
  });
});
