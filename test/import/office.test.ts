import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sheetsExtractor } from '../../electron/core/import/formats/office-sheets.ts';
import { slidesExtractor } from '../../electron/core/import/formats/office-slides.ts';
import { readTree } from '../../electron/core/import/read-tree.ts';
import { chooseExtractor } from '../../electron/core/import/registry.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { pptx, xlsx } from '../fixtures/sheets.ts';

const ctx = { fileName: 'x', passwords: [] };
const workbook = () =>
  xlsx([
    { name: 'Summary', rows: [['Claim', 'Total'], ['Breach', 250000]], comment: { author: 'Auditor', text: 'Figures unaudited' } },
    { name: 'Damages & costs', rows: [['Head', 'Amount'], ['Wasted expenditure', 4200], ['Loss of quetzal contract', 90000]], hidden: true },
  ]);
const deck = () =>
  pptx([
    { title: 'Board update', body: 'Revenue grew', notes: 'Do not mention the ocelot acquisition.' },
    { title: 'Risks', body: 'Litigation exposure in the tapir matter' },
  ]);

describe('spreadsheets and slide decks', () => {
  it('reads every sheet as a page, in workbook order, with its name, cells, comments and hidden state', async () => {
    const doc = await sheetsExtractor.extract(workbook(), ctx);
    expect(doc).toMatchObject({ kind: 'document', pageCount: 2 });
    expect(doc.pages).toEqual([
      { page: 1, text: 'Sheet 1: Summary\n\nClaim\tTotal\nBreach\t250000\n\nComment on A1 (Auditor): Figures unaudited' },
      { page: 2, text: 'Sheet 2: Damages & costs (hidden)\n\nHead\tAmount\nWasted expenditure\t4200\nLoss of quetzal contract\t90000' },
    ]);
    expect(doc.warnings).toEqual(['Sheets hidden in Excel were imported too: Damages & costs.']);
  });

  it('reads every slide as a page in the deck’s order (not its file names’), with speaker notes', async () => {
    const doc = await slidesExtractor.extract(deck(), ctx);
    expect(doc.pages.map((p) => p.text)).toEqual([
      'Slide 1\n\nBoard update\nRevenue grew\n\nNotes:\nDo not mention the ocelot acquisition.',
      'Slide 2\n\nRisks\nLitigation exposure in the tapir matter',
    ]);
  });

  it('recognises each package by its content, whatever its name', () => {
    expect(chooseExtractor(workbook().subarray(0, 4096), 'export.bin')?.extractor.name).toBe('xlsx');
    expect(chooseExtractor(deck().subarray(0, 4096), 'deck')?.extractor.name).toBe('pptx');
  });

  describe('through the pipeline', () => {
    const { api } = newCase('office');
    afterAll(() => api.close());

    it('finds a word on the right sheet and the right slide', async () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'damages.xlsx'), workbook());
      fs.writeFileSync(path.join(dir, 'board.pptx'), deck());
      const report = await api.importFiles({ paths: [path.join(dir, 'board.pptx'), path.join(dir, 'damages.xlsx')] }, {});
      expect(report.failed).toEqual([]);
      expect(report.imported.map((i) => [i.exhibitNo, i.kind, i.pages])).toEqual([
        ['PX-001', 'document', 2],
        ['PX-002', 'document', 2],
      ]);
      const hit = async (q: string) => (await api.search({ query: q })).map((h) => [h.exhibitNo, h.source, h.page]);
      expect(await hit('quetzal')).toEqual([['PX-002', 'page', 2]]);
      expect(await hit('unaudited')).toEqual([['PX-002', 'page', 1]]);
      expect(await hit('ocelot')).toEqual([['PX-001', 'page', 1]]);
      expect(await hit('tapir')).toEqual([['PX-001', 'page', 2]]);
    });

    it('shows and prints a workbook and a deck as the text of their sheets and slides, in order', async () => {
      const { text } = await api.documentText({ exhibit: 'PX-002' });
      expect(text).toMatch(/^Sheet 1: [\s\S]*unaudited[\s\S]*Sheet 2: [\s\S]*quetzal/);
      expect((await api.documentText({ exhibit: 'PX-001' })).text).toMatch(/ocelot[\s\S]*tapir/);
      const out = tempDir();
      const result = await api.exportStamped({ outDir: out });
      const printed = execFileSync('pdftotext', [result.files[1]!.path, '-'], { encoding: 'utf8' });
      expect(printed).toContain('quetzal');
      expect(printed).toContain('unaudited');
    });
  });

  it.skipIf(!HAS_CORPUS)('reads the real ODF files, the Mac-code-page RTF, the .xlsm and .pptx, and keeps legacy binaries with a warning', async () => {
    const read = async (name: string) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, 'office', name)));
      const choice = chooseExtractor(bytes.subarray(0, 4096), name)!;
      return { name: choice.extractor.name, doc: await choice.extractor.extract(bytes, { fileName: name, passwords: [] }) };
    };
    const ods = await read('fc-LibreOfficeCalc_ods_1.3.ods');
    expect(ods.doc.pages[0]?.text).toBe('Sheet 1: Sheet1\n\nThis\tis\tan\texample\tspreadsheet\n0\t1\t2\t3\t4');
    const odp = await read('fc-LibreOfficeImpress_odp_1.3.odp');
    expect(odp.doc.pages[0]?.text).toContain('An example Impress file');
    const odt = await read('odfdo-tracked_changes.odt');
    expect(odt.doc.body).toBe('Bonjour [deleted: les] los bonitos amigos [deleted: amis,] ça va ?');
    const rtf = await read('fc-lorem-ipsum.rtf');
    expect(rtf.name).toBe('rtf');
    expect(rtf.doc.body).toMatch(/^Variatio Ipsius\n\nLorem ipsum dolor sit amet/);
    const xlsm = await read('poi-ExcelWithAttachments.xlsm');
    expect(xlsm.doc.pages[0]?.text).toContain('Comment on A1 (vbiryukova): первый');
    expect(xlsm.doc.attachments).toHaveLength(4);
    const deckWithComments = await read('poi-45545_Comment.pptx');
    expect(deckWithComments.doc.pages[0]?.text).toContain('[XPVMWARE01, 2007-10-23T09:14:49.723] testdoc');
    for (const [name, what] of [['poi-word_with_embeded.doc', 'Word'], ['poi-WithEmbeddedObjects.xls', 'Excel'], ['poi-ppt_with_embeded.ppt', 'PowerPoint']]) {
      const legacy = await read(name!);
      expect(legacy.doc.warnings[0], name).toMatch(new RegExp(`^This is an? ${what} 97–2003 \\w+; its text cannot be read`));
    }
  });

  it.skipIf(!HAS_CORPUS)('unwraps OLE objects: the PDF inside a .docx’s oleObject1.bin, and the PDF in a TNEF object attachment', async () => {
    const tree = async (folder: string, name: string) => readTree(new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, folder, name))), name, []);
    const word = await tree('office', 'poi-testPDFEmbeddingAndEmbedded.docx');
    const ole = word.children[0]!;
    expect([ole.fileName, ole.doc?.kind]).toEqual(['oleObject1.bin', 'other']);
    const pdf = ole.children[0]!;
    expect([pdf.fileName, pdf.doc?.kind]).toEqual(['oleObject1.pdf', 'pdf']);
    // The PDF carries a Word document of its own: files inside files inside files.
    expect(pdf.children.map((c) => [c.fileName, c.doc?.kind])).toEqual([['Test.docx', 'document']]);
    const winmail = await tree('container', 'tnefparse-MAPI_OBJECT.tnef');
    expect(winmail.children[0]!.children.map((c) => [c.fileName, c.doc?.kind])).toEqual([['AsNew Staff pricelist Oct 02.pdf', 'pdf']]);
  });
});
