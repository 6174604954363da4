// Producing the sample case as a volume (one attachment withheld, a spreadsheet produced natively, a page redacted)
// and reading it back as the other side will: tiffinfo on every image, the DAT and OPT through our own readers, an
// independent TIFF decoder for the pages, and the manifest against the files on disk.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { openPdfium } from '../../electron/core/import/formats/pdfium-document.ts';
import type { DatField } from '../../electron/core/export/production-load-files.ts';
import { readDat } from '../../electron/core/production/dat.ts';
import { readOpt } from '../../electron/core/production/opt.ts';
import { parseBates } from '../../electron/core/production/bates.ts';
import { readProductionVolume } from '../../electron/core/production/volume.ts';
import { buildSampleCase } from '../../electron/core/sample/build-sample-case.ts';
import type { ExportResult } from '../../shared/model.ts';
import { tempDir } from '../fixtures/case.ts';

const hasTiffinfo = fs.existsSync('/usr/bin/tiffinfo');
const CSV = 'Invoice,Amount\r\n1001,"2,500.00"\r\n1002,310.00\r\n';

function decodeTiff(file: string): { width: number; height: number; black: (x: number, y: number) => boolean } {
  const bytes = fs.readFileSync(file);
  const [ifd] = UTIF.decode(bytes);
  UTIF.decodeImage(bytes, ifd!);
  const rgba = UTIF.toRGBA8(ifd!);
  const width = ifd!.width;
  return { width, height: ifd!.height, black: (x, y) => rgba[(y * width + x) * 4]! < 128 };
}

function blackIn(img: ReturnType<typeof decodeTiff>, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (img.black(x, y)) n++;
  return n;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a production volume of the sample case', () => {
  const dir = path.join(tempDir('produce-'), 'case');
  let api: CaseApi;
  let first: ExportResult;
  let second: ExportResult;
  let root: string; // the first production's volume folder
  let seconds = 0;
  let pages = 0;

  beforeAll(async () => {
    await buildSampleCase(dir);
    api = createCaseApi({ dir });
    const csv = path.join(tempDir('produce-csv-'), 'ledger.csv');
    fs.writeFileSync(csv, CSV);
    await api.importFiles({ paths: [csv] });
    await api.setWithheld({ exhibit: 'PX-007.1', withheld: { type: 'attorney_client', description: 'Letter reviewed by counsel before it was sent' } });
    // The whole of the first page but its Bates band is redacted: its words must leave the images and the text alike.
    await api.addRedaction({ exhibit: 'PX-003', page: 1, rects: [{ x: 0, y: 0, width: 1, height: 0.88 }], reason: 'Confidential' });
    const started = performance.now();
    first = await api.exportProduction({ outDir: tempDir('produce-out-'), prefix: 'ABC', images: 'tiff' });
    seconds = (performance.now() - started) / 1000;
    root = path.join(path.dirname(first.manifest), 'ABC001');
    pages = first.files.filter((f) => /\.(tif|jpg)$/.test(f.path)).length;
    second = await api.exportProduction({ outDir: tempDir('produce-out-'), prefix: 'ABC', images: 'pdf', select: { by: 'numbers', ranges: [{ from: 3, to: 3 }], exhibits: [] } });
  }, 120_000);
  afterAll(() => api?.close());

  it('lays the volume out in DATA, IMAGES, TEXT and NATIVES, and takes little time per page', () => {
    expect(fs.readdirSync(root).sort()).toEqual(['DATA', 'IMAGES', 'NATIVES', 'Privilege log.csv', 'Privilege log.docx', 'Privilege log.pdf', 'TEXT']);
    expect(fs.readdirSync(path.join(root, 'DATA')).sort()).toEqual(['ABC001.dat', 'ABC001.opt']);
    expect(fs.readdirSync(path.join(root, 'IMAGES'))).toEqual(['0001']);
    expect(pages).toBeGreaterThan(20);
    console.info(`produced ${pages} pages in ${seconds.toFixed(1)} s (${(pages / seconds).toFixed(1)} pages/s)`);
  });

  it.skipIf(!hasTiffinfo)('writes every black-and-white page as a clean single-page Group 4 TIFF of a Letter page at 300 dpi', () => {
    const tiffs = first.files.filter((f) => f.path.endsWith('.tif'));
    expect(tiffs.length).toBeGreaterThan(10);
    for (const f of tiffs) {
      const info = execFileSync('tiffinfo', [f.path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(info, f.path).not.toMatch(/warning|error/i);
      expect(info).toMatch(/Compression Scheme: CCITT Group 4/);
      expect(info).toMatch(/Image Width: 2550 Image Length: 3300/);
      expect(info).toMatch(/Resolution: 300, 300 pixels\/inch/);
      expect(info.match(/TIFF Directory/g)).toHaveLength(1);
    }
  });

  it('reads back through the DAT and OPT readers: contiguous Bates ranges, page counts, families and paths that resolve', () => {
    const dat = readDat(fs.readFileSync(path.join(root, 'DATA', 'ABC001.dat')));
    expect(dat.problems).toEqual([]);
    expect(dat.dialect).toBe('concordance');
    expect(dat.fields).toEqual(['BEGBATES', 'ENDBATES', 'BEGATTACH', 'ENDATTACH', 'PAGECOUNT', 'CUSTODIAN', 'DATESENT', 'FROM', 'TO', 'CC', 'SUBJECT', 'TITLE', 'FILENAME', 'MD5HASH', 'SHA256', 'CONFIDENTIALITY', 'TEXTPATH', 'NATIVEPATH']);
    const rows = dat.rows.map((r) => Object.fromEntries(dat.fields.map((f, i) => [f, r.values[i]!])) as Record<DatField, string>);
    const opt = readOpt(fs.readFileSync(path.join(root, 'DATA', 'ABC001.opt'), 'utf8'));
    expect(opt.problems).toEqual([]);
    expect(opt.pages).toHaveLength(pages);
    let next = 1;
    for (const row of rows) {
      const beg = parseBates(row.BEGBATES)!;
      const end = parseBates(row.ENDBATES)!;
      expect([beg.prefix, beg.digits, beg.number]).toEqual(['ABC', 7, next]);
      expect(end.number - beg.number + 1).toBe(Number(row.PAGECOUNT));
      const docPages = opt.pages.filter((p) => parseBates(p.key)!.number >= beg.number && parseBates(p.key)!.number <= end.number);
      expect(docPages.map((p) => p.docBreak)).toEqual(docPages.map((_, i) => i === 0));
      expect(docPages[0]!.pageCount).toBe(Number(row.PAGECOUNT));
      expect(docPages.every((p) => /^\.\\IMAGES\\0001\\(\w+)\.(tif|jpg)$/.exec(p.imagePath)?.[1] === p.key && p.volume === 'ABC001')).toBe(true);
      next = end.number + 1;
    }
    expect(next - 1).toBe(pages);

    // The email and its withheld attachment: one family, the attachment one slip-sheet page with no text or native.
    const email = rows.find((r) => r.SUBJECT === 'PPIC3 – notice regarding DES installation and payments')!;
    const withheld = rows[rows.indexOf(email) + 1]!;
    expect(email.BEGATTACH).toBe(email.BEGBATES);
    expect(withheld.BEGATTACH).toBe(email.BEGBATES);
    expect(email.ENDATTACH).toBe(withheld.ENDBATES);
    expect([withheld.PAGECOUNT, withheld.TEXTPATH, withheld.NATIVEPATH, withheld.FILENAME, withheld.TITLE, withheld.SHA256]).toEqual(['1', '', '', '', '', '']);
    expect(withheld.DATESENT).toBe('04/07/2017');
    expect(rows.filter((r) => r.BEGATTACH !== '')).toHaveLength(2);

    // The spreadsheet: its native file (the original's bytes) and one slip-sheet image.
    const sheet = rows.find((r) => r.FILENAME === 'ledger.csv')!;
    expect(sheet.PAGECOUNT).toBe('1');
    expect(sheet.NATIVEPATH).toBe(`.\\NATIVES\\0001\\${sheet.BEGBATES}.csv`);
    expect(fs.readFileSync(path.join(root, 'NATIVES', '0001', `${sheet.BEGBATES}.csv`), 'utf8')).toBe(CSV);
    expect(sheet.MD5HASH).toBe(createHash('md5').update(CSV).digest('hex').toUpperCase());
    expect(rows.filter((r) => r.NATIVEPATH !== '')).toHaveLength(1);

    // Every produced document has its text, pages apart by form feeds; a multi-page PDF keeps its page breaks.
    for (const row of rows.filter((r) => r !== withheld)) {
      expect(row.TEXTPATH).toBe(`.\\TEXT\\0001\\${row.BEGBATES}.txt`);
      const text = fs.readFileSync(path.join(root, 'TEXT', '0001', `${row.BEGBATES}.txt`), 'utf8');
      if (row.FILENAME.endsWith('.pdf')) expect(text.split('\f')).toHaveLength(Number(row.PAGECOUNT));
    }
    expect(fs.readFileSync(path.join(root, 'TEXT', '0001', `${rows[0]!.BEGBATES}.txt`), 'utf8').trim().length).toBeGreaterThan(100);

    // The production reader (the import side) finds every document whole, with its family.
    const volume = readProductionVolume(root);
    expect(volume.problems).toEqual([]);
    expect(volume.documents).toHaveLength(rows.length);
    expect(volume.documents.map((d) => d.pages.length)).toEqual(rows.map((r) => Number(r.PAGECOUNT)));
  });

  it('logs the withheld attachment with its family in CSV, Word and PDF', () => {
    const csv = fs.readFileSync(path.join(root, 'Privilege log.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('Bates,Family (BEGATTACH),Date,Author,From,To,CC,Privilege type,Description');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^ABC\d{7},ABC\d{7},04\/07\/2017,.*,Attorney–client privilege,Letter reviewed by counsel before it was sent$/);
    expect(fs.readFileSync(path.join(root, 'Privilege log.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readFileSync(path.join(root, 'Privilege log.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('stamps each image with its Bates number at the foot, right, and draws the withheld slip sheet in place of the attachment', () => {
    const dat = readDat(fs.readFileSync(path.join(root, 'DATA', 'ABC001.dat')));
    const withheld = dat.rows.find((r) => r.values[4] === '1' && r.values[2] !== '' && r.values[2] !== r.values[0])!.values[0]!;
    const firstTiff = path.basename(first.files.find((f) => f.path.endsWith('.tif'))!.path, '.tif');
    for (const key of [firstTiff, withheld]) {
      const img = decodeTiff(path.join(root, 'IMAGES', '0001', `${key}.tif`));
      expect([img.width, img.height]).toEqual([2550, 3300]);
      // The Bates number: ink in the bottom-right corner, none in the bottom-left one.
      expect(blackIn(img, 1900, 3150, 2500, 3280)).toBeGreaterThan(300);
      expect(blackIn(img, 50, 3150, 650, 3280)).toBe(0);
    }
    // The slip sheet holds a heading and a few lines, nothing else: most of the page is white.
    const slip = decodeTiff(path.join(root, 'IMAGES', '0001', `${withheld}.tif`));
    expect(blackIn(slip, 0, 0, 2550, 1000)).toBeGreaterThan(5000);
    expect(blackIn(slip, 0, 1200, 2550, 3000)).toBe(0);
  });

  it('writes a page in colour (a letterhead, a signature in blue) as a 300 dpi JPEG, stamped, and a page without as a TIFF', async () => {
    const jpegs = first.files.filter((f) => f.path.endsWith('.jpg'));
    expect(jpegs.length).toBeGreaterThan(0);
    expect(jpegs.length).toBeLessThan(pages / 2);
    for (const f of jpegs) {
      const bytes = fs.readFileSync(f.path);
      // JFIF density: 300 × 300 dots per inch, so that a reader sizes the page as Letter.
      expect([bytes[13], bytes.readUInt16BE(14), bytes.readUInt16BE(16)], f.path).toEqual([1, 300, 300]);
    }
    // Two are looked at closely (33 MB of pixels each): the first colour page and the last.
    for (const f of [jpegs[0]!, jpegs.at(-1)!]) {
      const bytes = fs.readFileSync(f.path);
      // Decoded by Skia (@napi-rs/canvas), a decoder of its own, not the encoder's.
      const picture = await loadImage(bytes);
      expect([picture.width, picture.height]).toEqual([2550, 3300]);
      const canvas = createCanvas(2550, 3300);
      canvas.getContext('2d').drawImage(picture, 0, 0);
      const img = canvas.getContext('2d').getImageData(0, 0, 2550, 3300);
      let coloured = 0;
      let stamp = 0;
      for (let y = 200; y < 3100; y += 3) for (let x = 0; x < 2550; x += 3) {
        const i = (y * 2550 + x) * 4;
        if (Math.max(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!) - Math.min(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!) > 64) coloured++;
      }
      for (let y = 3150; y < 3280; y++) for (let x = 1900; x < 2500; x++) if (img.data[(y * 2550 + x) * 4]! < 100) stamp++;
      expect(coloured, f.path).toBeGreaterThan(100);
      expect(stamp, f.path).toBeGreaterThan(300);
    }
    // The manifest and the OPT count the same colour pages (slip sheets and the redacted page are TIFFs: read above and below).
    const opt = readOpt(fs.readFileSync(path.join(root, 'DATA', 'ABC001.opt'), 'utf8'));
    const manifest = JSON.parse(fs.readFileSync(first.manifest, 'utf8')) as { settings: { colourPages: number } };
    expect(manifest.settings.colourPages).toBe(jpegs.length);
    expect(opt.pages.filter((p) => p.imagePath.endsWith('.jpg'))).toHaveLength(jpegs.length);
  });

  it('matches the stamped page the export drew: the TIFF is that PDF page, rendered and made black and white', async () => {
    // The second production made PX-003 as a PDF: its page is the same drawing, but for the Bates number.
    const pdf = second.files.find((f) => f.path.endsWith('.pdf') && f.path.includes('IMAGES'))!;
    const doc = (await openPdfium(fs.readFileSync(pdf.path)))!;
    const page = doc.render(1, 300, 20_000_000)!;
    const text = doc.pageText(1) ?? '';
    doc.close();
    expect([page.width, page.height]).toEqual([2550, 3300]);
    const dat = readDat(fs.readFileSync(path.join(root, 'DATA', 'ABC001.dat')));
    const px003 = dat.rows.find((r) => r.values[12] === '2016-06-20 PSCA letter of acceptance.pdf')!.values[0]!;
    const tiff = decodeTiff(path.join(root, 'IMAGES', '0001', `${px003}.tif`));
    let differ = 0;
    for (let y = 0; y < 3100; y += 2) for (let x = 0; x < 2550; x += 2) if ((page.rgba[(y * 2550 + x) * 4]! < 128) !== tiff.black(x, y)) differ++;
    expect(differ).toBeLessThan(50);
    // The redaction: nearly all of the page above the band is black, and its words are in neither image nor text.
    expect(blackIn(tiff, 0, 0, 2550, 2800)).toBeGreaterThan(0.8 * 2550 * 2800);
    const stored = (await api.pageText({ exhibit: 'PX-003', page: 1 })).text!;
    const word = stored.split(/\s+/).find((w) => /^[A-Za-z]{8,}$/.test(w))!;
    expect(stored).toContain(word);
    expect(text).not.toContain(word);
    const produced = fs.readFileSync(path.join(root, 'TEXT', '0001', `${px003}.txt`), 'utf8');
    expect(produced).not.toContain(word);
    expect(produced).toContain(px003);
  });

  it('continues the numbers in a second production of the same prefix, in a volume of its own', () => {
    const opt = readOpt(fs.readFileSync(second.files.find((f) => f.path.endsWith('.opt'))!.path, 'utf8'));
    expect(opt.pages).toHaveLength(1);
    expect(opt.pages[0]!.key).toBe(`ABC${String(pages + 1).padStart(7, '0')}`);
    expect(opt.pages[0]!.volume).toBe('ABC002');
    expect(opt.pages[0]!.imagePath).toBe(`.\\IMAGES\\0001\\${opt.pages[0]!.key}.pdf`);
  });

  it('lists every file it wrote in the manifest with its SHA-256, and nothing else is in the folder', () => {
    const folder = path.dirname(first.manifest);
    const manifest = JSON.parse(fs.readFileSync(first.manifest, 'utf8')) as { files: { name: string; sha256: string; bytes: number }[]; settings: Record<string, unknown> };
    const onDisk = (fs.readdirSync(folder, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(folder, f)).isFile() && f !== 'manifest.json');
    expect(manifest.files.map((f) => f.name).sort()).toEqual(onDisk.map((f) => f.split(path.sep).join('/')).sort());
    for (const f of manifest.files) {
      expect(sha256(path.join(folder, f.name)), f.name).toBe(f.sha256);
      expect(fs.statSync(path.join(folder, f.name)).size).toBe(f.bytes);
    }
    expect(manifest.settings).toMatchObject({ volume: 'ABC001', prefix: 'ABC', range: { first: 'ABC0000001', pages }, withheld: 1, numbersReserved: true });
  });

  it('previews the first pages as one PDF without reserving any number', async () => {
    const preview = await api.previewExport({ kind: 'production', args: { outDir: tempDir('produce-preview-'), prefix: 'ABC', images: 'tiff' }, pages: 3 });
    expect(preview.pages).toBe(3);
    const doc = (await openPdfium(Buffer.from(preview.pdf, 'base64')))!;
    // It shows the numbers the next production would take, and taking them is left to that production.
    expect(doc.pageText(1)).toContain(`ABC${String(pages + 2).padStart(7, '0')}`);
    doc.close();
    const third = await api.exportProduction({ outDir: tempDir('produce-out-'), prefix: 'ABC', images: 'pdf', text: false, natives: 'none', select: { by: 'numbers', ranges: [{ from: 3, to: 3 }], exhibits: [] } });
    const opt = readOpt(fs.readFileSync(third.files.find((f) => f.path.endsWith('.opt'))!.path, 'utf8'));
    expect(opt.pages[0]!.key).toBe(`ABC${String(pages + 2).padStart(7, '0')}`);
  });

  it('imports back into a new case as the same documents, page counts, families and Bates numbers', async () => {
    const received = createCaseApi({ dir: path.join(tempDir('produce-received-'), 'case'), create: { title: 'Received' } });
    try {
      const report = await received.importProduction({ path: root, producingParty: 'BES' });
      expect(report.failed).toEqual([]);
      const dat = readDat(fs.readFileSync(path.join(root, 'DATA', 'ABC001.dat')));
      const rows = dat.rows.map((r) => ({ beg: r.values[0]!, begAttach: r.values[2]!, pages: Number(r.values[4]), native: r.values[17] !== '' }));
      const exhibits = await received.listExhibits({});
      expect(exhibits).toHaveLength(rows.length);
      const byBates = new Map<string, { pages: number | null; parent: string | null }>();
      for (const e of exhibits) {
        const details = await received.getExhibit({ exhibit: `id:${e.id}` });
        const parent = e.parentId === null ? null : (await received.getExhibit({ exhibit: `id:${e.parentId}` })).production!.begBates;
        byBates.set(details.production!.begBates, { pages: e.pages, parent });
        expect(details.production!.volume).toBe('ABC001');
      }
      for (const row of rows) {
        const got = byBates.get(row.beg)!;
        expect(got, row.beg).toBeDefined();
        // A natively produced spreadsheet comes back as its native file, whose pages are its own.
        if (!row.native) expect(got.pages, row.beg).toBe(row.pages);
        expect(got.parent, row.beg).toBe(row.begAttach !== '' && row.begAttach !== row.beg ? row.begAttach : null);
      }
      // The text came across with the documents: the receiving case finds the sample's words, on the produced pages.
      const hits = await received.search({ query: 'Suzhou' });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.some((h) => h.source === 'page' && h.page !== null)).toBe(true);

      // The spreadsheet came back as its native file; a stamped export prints it as it was produced (the Bates-stamped
      // slip sheet), and from the native only when asked.
      const sheet = exhibits.find((e) => e.sourceName.endsWith('.csv'))!;
      const select = { by: 'numbers' as const, ranges: [], exhibits: [sheet.exhibitNo] };
      const pageTexts = async (printNatives: boolean) => {
        const out = await received.exportStamped({ outDir: tempDir('produce-stamped-'), select, printNatives, bates: { prefix: 'PX', digits: 4 } });
        const doc = (await openPdfium(fs.readFileSync(out.files.find((f) => f.path.endsWith('.pdf'))!.path)))!;
        const texts = Array.from({ length: doc.pageCount }, (_, i) => doc.pageText(i + 1) ?? '');
        doc.close();
        return texts;
      };
      const produced = await pageTexts(false);
      expect(produced).toHaveLength(1);
      expect(produced[0]).not.toContain('1001');
      expect(produced[0]).toMatch(/PX0001/);
      const native = await pageTexts(true);
      expect(native.join(' ')).toContain('1001');
      expect(native.join(' ')).not.toContain('DOCUMENT PRODUCED IN NATIVE FORMAT');
    } finally {
      received.close();
    }
  }, 60_000);

  it('records withholding in the exhibit and its history, and clears it', async () => {
    const details = await api.getExhibit({ exhibit: 'PX-007.1' });
    expect(details.withheld).toEqual({ type: 'attorney_client', description: 'Letter reviewed by counsel before it was sent' });
    expect(details.history.map((h) => h.action)).toContain('exhibit.withhold');
    expect(await api.setWithheld({ exhibit: 'PX-008', withheld: null })).toBeNull();
    expect((await api.getExhibit({ exhibit: 'PX-008' })).history.map((h) => h.action)).not.toContain('exhibit.unwithhold');
  });
});
