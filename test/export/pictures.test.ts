import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/model.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, CORPUS_MISSING, HAS_CORPUS } from '../fixtures/corpus.ts';
import { pagesText, qpdfCheck } from '../fixtures/export-reading.ts';
import { bilevelTiff, bmpOf, storedForOrientation6, wordsCanvas } from '../fixtures/pictures.ts';

const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } };
if (!HAS_CORPUS) console.warn(CORPUS_MISSING);
const SLOW = 120_000;
// The G4 TIFF's big pages are drawn (and checked) in the OCR test's bundle; here the smaller hostile and odd ones.
const CORPUS_PICTURES = [
  'pillow-g4_orientation_6.tif',
  'libheif-example.heic',
  'pillow-pil_sample_cmyk.jpg',
  'pillow-multipage_multiple_frame_loop.tiff',
  'pillow-truncated_jpeg.jpg',
  'pillow-truncated_image.png',
];

/** Share of dark pixels inside a box of a rendered page (fractions of its width and height). */
function ink(file: string, box = { x0: 0.15, y0: 0.15, x1: 0.85, y1: 0.85 }): number {
  const png = PNG.sync.read(fs.readFileSync(file));
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(box.y0 * png.height); y < box.y1 * png.height; y++) {
    for (let x = Math.floor(box.x0 * png.width); x < box.x1 * png.width; x++) {
      all++;
      if (png.data[(y * png.width + x) * 4 + 1]! < 128) dark++;
    }
  }
  return dark / all;
}

describe('pictures in an exported bundle', () => {
  const { api } = newCase();
  const src = tempDir('pictures-src-');
  const renders = tempDir('pictures-png-');
  let result: ExportResult;
  let pages: string[];
  let bundle: string;
  const files: string[] = [];

  beforeAll(async () => {
    const block = (words: string[]) => {
      const canvas = wordsCanvas(words, 800, 1000, 60);
      const g = canvas.getContext('2d');
      g.fillStyle = '#000000';
      g.fillRect(100, 500, 600, 300); // ink in the middle of the page, for the rendering to find
      return canvas;
    };
    const generated: [string, Buffer][] = [
      ['a scan.tif', bilevelTiff([{ canvas: block(['Tiff one']) }, { canvas: storedForOrientation6(block(['Tiff two'])), orientation: 6 }, { canvas: block(['Tiff three']) }])],
      ['b drawing.gif', block(['Gif']).encodeSync('gif')],
      ['c drawing.bmp', bmpOf(block(['Bmp']))],
      ['d photo.webp', block(['Webp']).toBuffer('image/webp', 90)],
    ];
    for (const [name, bytes] of generated) {
      fs.writeFileSync(path.join(src, name), bytes);
      files.push(path.join(src, name));
    }
    if (HAS_CORPUS) files.push(...CORPUS_PICTURES.map((name) => path.join(CORPUS_DIR, 'img', name)));
    const imported = await api.importFiles({ paths: files });
    expect(imported.failed).toEqual([]);
    result = await api.exportBundle({ outDir: tempDir('pictures-out-') });
    bundle = result.files[0]!.path;
    pages = pagesText(bundle);
    execFileSync('pdftoppm', ['-r', '50', '-png', bundle, path.join(renders, 'page')]);
  }, SLOW);

  afterAll(() => api.close());

  const rendered = (n: number) => path.join(renders, `page-${String(n).padStart(String(pages.length).length, '0')}.png`);
  /** Bundle pages (1-based) of the exhibit whose slip sheet names it, up to the next slip sheet. */
  function pagesOf(exhibitNo: string): number[] {
    const start = pages.findIndex((t) => /^\s*EXHIBIT\s*$/m.test(t) && new RegExp(`^\\s*${exhibitNo}\\s*$`, 'm').test(t));
    const out: number[] = [];
    for (let i = start + 1; i < pages.length && !/^\s*EXHIBIT\s*$/m.test(pages[i]!); i++) out.push(i + 1);
    return out;
  }

  it('is a sound PDF', () => {
    qpdfCheck(bundle);
  });

  it('draws every page of a TIFF (upright, fitted to its page), a GIF, a BMP and a WebP: no placeholder', () => {
    expect(pagesOf('PX-001')).toHaveLength(3);
    for (const exhibitNo of ['PX-001', 'PX-002', 'PX-003', 'PX-004']) {
      for (const page of pagesOf(exhibitNo)) {
        expect(pages[page - 1]).not.toContain('not reproduced here');
        expect([exhibitNo, page, ink(rendered(page)) > 0.1]).toEqual([exhibitNo, page, true]);
      }
    }
    // The TIFF's second page was stored turned; drawn upright, its black block lies across the lower middle as on
    // the others, not down one side.
    const [, second] = pagesOf('PX-001');
    expect(ink(rendered(second!), { x0: 0.3, y0: 0.55, x1: 0.7, y1: 0.7 })).toBeGreaterThan(0.9);
    expect(ink(rendered(second!), { x0: 0.3, y0: 0.15, x1: 0.7, y1: 0.3 })).toBeLessThan(0.1);
  });

  it('embeds a bilevel TIFF page as a 1-bit image at its own resolution, not a greyed-down copy', () => {
    const images = execFileSync('pdfimages', ['-list', bundle], { encoding: 'utf8' });
    const lines = images.split('\n').filter((l) => pagesOf('PX-001').includes(Number(l.trim().split(/\s+/)[0])));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/\s800\s+1000\s+gray\s+1\s+1\s/);
  });

  it.skipIf(!HAS_CORPUS)('draws a turned G4 TIFF, an HEIC photo, a CMYK JPEG, a looping TIFF and a cut-short JPEG', () => {
    expect(pagesOf('PX-008')).toHaveLength(2);
    for (const exhibitNo of ['PX-005', 'PX-006', 'PX-007', 'PX-008', 'PX-009']) {
      for (const page of pagesOf(exhibitNo)) expect([exhibitNo, pages[page - 1]!.includes('not reproduced here')]).toEqual([exhibitNo, false]);
    }
    expect(ink(rendered(pagesOf('PX-006')[0]!))).toBeGreaterThan(0.1);
    // Stored 88 × 590 with Orientation 6: drawn upright it is wide, so its page is landscape.
    const g4 = execFileSync('pdfimages', ['-list', '-f', String(pagesOf('PX-005')[0]), '-l', String(pagesOf('PX-005')[0]), bundle], { encoding: 'utf8' });
    expect(g4).toMatch(/\s590\s+88\s+gray\s+1\s+1\s/);
    expect(execFileSync('pdfinfo', ['-f', String(pagesOf('PX-005')[0]), '-l', String(pagesOf('PX-005')[0]), bundle], { encoding: 'utf8' })).toMatch(/size:\s+792 x 612/);
  });

  it('draws the TIFF page by page in a stamped export too, each page holding its picture', async () => {
    const stamped = await api.exportStamped({ outDir: tempDir('pictures-stamped-'), select: { by: 'numbers', ranges: [{ from: 1, to: 1 }], exhibits: [] } });
    expect(stamped.files).toHaveLength(1);
    const file = stamped.files[0]!.path;
    qpdfCheck(file);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([1, 2, 3]);
  });

  it.skipIf(!HAS_CORPUS)('prints a placeholder, with a warning, only for the picture that cannot be decoded', () => {
    expect(result.warnings).toEqual([
      'PX-010: the picture could not be read (The picture is cut short and could not be decoded); a placeholder page is printed instead.',
    ]);
    expect(pages[pagesOf('PX-010')[0]! - 1]).toContain('not reproduced here');
  });
});
