import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tiffPageOffsets } from '../../electron/core/import/formats/image-header.ts';
import type { OcrLayout } from '../../electron/core/store/ocr-text.ts';
import type { OcrReport } from '../../shared/model.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, CORPUS_MISSING, HAS_CORPUS } from '../fixtures/corpus.ts';
import { pagesText, qpdfCheck } from '../fixtures/export-reading.ts';
import { jpegWithOrientation, storedForOrientation6, wordsCanvas } from '../fixtures/pictures.ts';

const SLOW = 240_000;
if (!HAS_CORPUS) console.warn(CORPUS_MISSING);

/** The last page of the corpus's three-page G3 fax, as a one-page TIFF of its own: its header points at that page. */
function lastFaxPage(): Buffer {
  const bytes = Buffer.from(fs.readFileSync(path.join(CORPUS_DIR, 'img', 'pillow-total-pages-zero.tif')));
  bytes.writeUInt32LE(tiffPageOffsets(bytes).offsets.at(-1)!, 4);
  return bytes;
}

describe('OCR of pictures, page by page and upright', () => {
  const { dir, api } = newCase();
  const src = tempDir('pictures-');
  let report: OcrReport;
  const exhibitOf = new Map<string, string>();

  beforeAll(async () => {
    const files: [string, Buffer][] = [
      ['letter.png', wordsCanvas(['Zanzibar harbour invoice'], 1200, 500, 40).toBuffer('image/png')],
      // Stored turned a quarter to the left, as a phone held sideways writes it; EXIF says to turn it back.
      ['turned.jpg', jpegWithOrientation(storedForOrientation6(wordsCanvas(['Ostrich feathers declined'], 1200, 500, 40)), 6)],
    ];
    if (HAS_CORPUS) {
      files.push(['g4-three-pages.tiff', fs.readFileSync(path.join(CORPUS_DIR, 'img', 'pillow-g4-multi.tiff'))]);
      files.push(['fax.tif', lastFaxPage()]);
    }
    for (const [name, bytes] of files) fs.writeFileSync(path.join(src, name), bytes);
    const imported = await api.importFiles({ paths: files.map(([name]) => path.join(src, name)) });
    for (const e of imported.imported) exhibitOf.set(path.basename(e.path), e.exhibitNo);
    const cpu = process.cpuUsage();
    report = await api.runOcr({});
    const used = process.cpuUsage(cpu);
    const seconds = (used.user + used.system) / 1e6;
    console.log(`OCR of ${report.pages} picture page(s): ${seconds.toFixed(1)} CPU s (${(seconds / report.pages).toFixed(1)} a page, recognizer start-up included), ${report.seconds} s wall`);
  }, SLOW);

  afterAll(() => api.close());

  it('reads every page of every picture, with nothing left waiting', () => {
    expect(report).toMatchObject({ pages: HAS_CORPUS ? 6 : 2, pending: 0, warnings: [], cancelled: false });
    expect(report.completed).toHaveLength(exhibitOf.size);
  });

  it('finds a word of the PNG and of the JPEG stored turned, on their page, as OCR text', async () => {
    expect(await api.search({ query: 'zanzibar' })).toMatchObject([{ exhibitNo: exhibitOf.get('letter.png'), page: 1, source: 'ocr' }]);
    expect(await api.search({ query: 'ostrich AND feathers' })).toMatchObject([{ exhibitNo: exhibitOf.get('turned.jpg'), page: 1, source: 'ocr' }]);
  });

  it.skipIf(!HAS_CORPUS)('finds a word of each page of a three-page G4 TIFF, and of a G3 fax', async () => {
    const g4 = exhibitOf.get('g4-three-pages.tiff');
    expect(await api.search({ query: 'Page2' })).toMatchObject([{ exhibitNo: g4, page: 2, source: 'ocr' }]);
    expect(await api.search({ query: 'Page3' })).toMatchObject([{ exhibitNo: g4, page: 3, source: 'ocr' }]);
    expect(await api.search({ query: 'cannot AND save' })).toMatchObject([{ exhibitNo: exhibitOf.get('fax.tif'), page: 1, source: 'ocr' }]);
  });

  it('places the words as fractions of the upright picture', () => {
    const db = new Database(path.join(dir, 'case.sqlite'), { readonly: true });
    try {
      const row = db
        .prepare("SELECT t.layout FROM texts t JOIN exhibits e ON e.id = t.exhibit_id WHERE e.exhibit_no = ? AND t.source = 'ocr' AND t.page = 1")
        .get(exhibitOf.get('turned.jpg')) as { layout: string };
      const word = (JSON.parse(row.layout) as OcrLayout).words.find(([text]) => text === 'Ostrich')!;
      // Drawn upright at 120 px of 1200 from the left, its baseline at 125 px of 500 from the top, 40 px high.
      expect(word[1]).toBeCloseTo(0.1, 1);
      expect(word[2]).toBeGreaterThan(0.1);
      expect(word[4]).toBeLessThan(0.3);
      expect(word[3]).toBeGreaterThan(word[1]);
    } finally {
      db.close();
    }
  });

  it('lays the words invisibly over the pictures in an exported bundle', async () => {
    const result = await api.exportBundle({ outDir: tempDir('pictures-out-') });
    const bundle = result.files[0]!.path;
    qpdfCheck(bundle);
    const text = pagesText(bundle).join('\n');
    expect(text).toMatch(/Zanzibar\s+harbour\s+invoice/);
    expect(text).toMatch(/Ostrich\s+feathers\s+declined/);
    if (HAS_CORPUS) expect(text).toMatch(/Page3/);
    expect(result.warnings).toEqual([]);
  }, SLOW);
});
