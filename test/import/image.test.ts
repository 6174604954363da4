import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors.ts';
import { imageExtractor } from '../../electron/core/import/formats/image.ts';
import { readImageInfo } from '../../electron/core/import/formats/image-header.ts';
import { bmp, gif, jpegHeader, png, tiff, webp } from '../fixtures/images.ts';
import { CORPUS_DIR } from '../fixtures/corpus.ts';

const CORPUS = CORPUS_DIR;
const CORPUS_IMG = join(CORPUS, 'img');
const ctx = { fileName: 'scan', passwords: [] };
const TRUNCATED = 'The image file is truncated; part of it may not display.';
const DAMAGED = { code: 'damaged', message: 'The image file is damaged (its header cannot be read).' };

describe('readImageInfo', () => {
  it('reads the size of every supported format', () => {
    const cases: [Uint8Array, string, number, number][] = [
      [png({ width: 3, height: 2 }), 'png', 3, 2],
      [jpegHeader({ width: 640, height: 480 }), 'jpeg', 640, 480],
      [tiff({ pages: 1, width: 2480, height: 3508 }), 'tiff', 2480, 3508],
      [tiff({ pages: 1, width: 70000, height: 9, bigEndian: true }), 'tiff', 70000, 9],
      [gif(17, 5), 'gif', 17, 5],
      [bmp(5, 3), 'bmp', 5, 3],
      [bmp(5, 3, true), 'bmp', 5, 3],
      [webp('VP8 ', 300, 200), 'webp', 300, 200],
      [webp('VP8L', 16383, 1), 'webp', 16383, 1],
      [webp('VP8X', 20000, 30000), 'webp', 20000, 30000],
    ];
    for (const [bytes, format, width, height] of cases) {
      expect(readImageInfo(bytes)).toMatchObject({ format, mediaType: `image/${format}`, width, height });
    }
  });

  it('reads EXIF orientation from JPEG APP1 in either byte order and from PNG eXIf or ImageMagick text chunks', () => {
    expect(readImageInfo(jpegHeader({ width: 4, height: 3, orientation: 6 })).orientation).toBe(6);
    expect(readImageInfo(jpegHeader({ width: 4, height: 3, orientation: 8, exifLittleEndian: true })).orientation).toBe(8);
    expect(readImageInfo(jpegHeader({ width: 4, height: 3 })).orientation).toBeNull();
    for (const chunk of ['eXIf', 'tEXt', 'zTXt'] as const) {
      expect(readImageInfo(png({ width: 2, height: 2, orientation: { value: 3, chunk } })).orientation).toBe(3);
    }
    expect(readImageInfo(tiff({ pages: 1, orientation: 5 })).orientation).toBe(5);
  });

  it('ignores an orientation outside 1–8', () => {
    expect(readImageInfo(jpegHeader({ width: 4, height: 3, orientation: 42 })).orientation).toBeNull();
  });

  it('counts TIFF pages by walking the IFD chain', () => {
    expect(readImageInfo(tiff({ pages: 3 }))).toMatchObject({ pageCount: 3, pageChain: 'complete' });
    expect(readImageInfo(tiff({ pages: 4, bigEndian: true }))).toMatchObject({ pageCount: 4, pageChain: 'complete' });
    expect(readImageInfo(tiff({ pages: 3, lastNext: 'first' }))).toMatchObject({ pageCount: 3, pageChain: 'loops' });
    expect(readImageInfo(tiff({ pages: 2, lastNext: 'outside' }))).toMatchObject({ pageCount: 2, pageChain: 'broken' });
    expect(readImageInfo(tiff({ pages: 10_001 }))).toMatchObject({ pageCount: 10_000, pageChain: 'capped' });
  });

  it('notices truncation: a PNG without IEND, a JPEG without EOI after its scan', () => {
    expect(readImageInfo(png({ width: 2, height: 2 })).truncated).toBe(false);
    expect(readImageInfo(png({ width: 2, height: 2, truncated: true })).truncated).toBe(true);
    const jpeg = jpegHeader({ width: 2, height: 2 });
    expect(readImageInfo(jpeg).truncated).toBe(false);
    expect(readImageInfo(jpegHeader({ width: 2, height: 2, truncated: true })).truncated).toBe(true);
    expect(readImageInfo(jpeg.subarray(0, jpeg.length - 5)).truncated).toBe(true);
  });

  it('refuses headers it cannot read as damaged', () => {
    const pngFile = png({ width: 2, height: 2 });
    const jpeg = jpegHeader({ width: 2, height: 2 });
    const unreadable = [
      pngFile.subarray(0, 20), // IHDR cut short
      jpeg.subarray(0, 10), // no frame header
      jpegHeader({ width: 0, height: 2 }),
      tiff({ pages: 1 }).subarray(0, 20), // first IFD runs past the end
      new Uint8Array(Buffer.from('II*\0\xff\xff\xff\x7f', 'latin1')),
      gif(3, 3).subarray(0, 8),
      webp('VP8 ', 3, 3).subarray(0, 24),
      new Uint8Array(Buffer.from('not an image')),
    ];
    for (const bytes of unreadable) expect(() => readImageInfo(bytes)).toThrow(expect.objectContaining(DAMAGED));
  });
});

describe('image importer', () => {
  it('accepts by magic number only', () => {
    for (const bytes of [png({ width: 1, height: 1 }), jpegHeader({ width: 1, height: 1 }), tiff({ pages: 1 }), gif(1, 1), bmp(1, 1), webp('VP8L', 1, 1)]) {
      expect(imageExtractor.accepts(bytes.subarray(0, 32), 'no-extension')).toBe(true);
    }
    expect(imageExtractor.accepts(new Uint8Array(Buffer.from('BMW service report, 2019 ...')), 'photo.bmp')).toBe(false);
    expect(imageExtractor.accepts(new Uint8Array(Buffer.from('%PDF-1.4')), 'photo.jpg')).toBe(false);
  });

  it('imports an image as one page without text (waiting for OCR), with no warnings when nothing is wrong', async () => {
    const doc = await imageExtractor.extract(png({ width: 8, height: 8 }), ctx);
    expect(doc).toMatchObject({ kind: 'image', mediaType: 'image/png', pageCount: 1, pages: [{ page: 1, text: '' }], body: null, title: null, textLayer: false, warnings: [] });
  });

  it('says when a photo is stored rotated and when a JPEG is CMYK', async () => {
    const rotated = await imageExtractor.extract(jpegHeader({ width: 4, height: 3, orientation: 6 }), ctx);
    expect(rotated.warnings).toEqual(['The picture is stored rotated or mirrored: its EXIF orientation (6) says to turn it 90° clockwise to see it upright.']);
    const upright = await imageExtractor.extract(jpegHeader({ width: 4, height: 3, orientation: 1 }), ctx);
    expect(upright.warnings).toEqual([]);
    const cmyk = await imageExtractor.extract(jpegHeader({ width: 4, height: 3, components: 4 }), ctx);
    expect(cmyk.warnings).toEqual(['The JPEG uses CMYK colour; some viewers show its colours wrongly.']);
  });

  it('imports a truncated image with a warning', async () => {
    for (const bytes of [png({ width: 4, height: 4, truncated: true }), jpegHeader({ width: 4, height: 4, truncated: true })]) {
      expect((await imageExtractor.extract(bytes, ctx)).warnings).toEqual([TRUNCATED]);
    }
  });

  it('imports absurd dimensions with a warning and without allocating for the pixels', async () => {
    const before = process.memoryUsage().rss;
    const doc = await imageExtractor.extract(png({ width: 2_000_000, height: 1_500_000 }), ctx);
    expect(doc.warnings).toEqual(['The image claims to be 2000000 × 1500000 pixels, which is implausible; it may be damaged and may not display.']);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts TIFF pages and explains a looping, broken or endless page chain', async () => {
    expect(await imageExtractor.extract(tiff({ pages: 3 }), ctx)).toMatchObject({ mediaType: 'image/tiff', pageCount: 3, warnings: [] });
    expect(await imageExtractor.extract(tiff({ pages: 2, lastNext: 'first' }), ctx)).toMatchObject({
      pageCount: 2,
      warnings: ["The TIFF's page chain loops; counted 2 pages."],
    });
    expect((await imageExtractor.extract(tiff({ pages: 1, lastNext: 'outside' }), ctx)).warnings).toEqual([
      "The TIFF's page chain breaks off after 1 page; any later pages are missing.",
    ]);
    expect((await imageExtractor.extract(tiff({ pages: 10_001 }), ctx)).warnings).toEqual([
      'The TIFF has more than 10,000 pages; only the first 10,000 were counted.',
    ]);
  });

  it('refuses an empty file', async () => {
    await expect(imageExtractor.extract(new Uint8Array(), ctx)).rejects.toMatchObject({ code: 'empty' });
  });

  it('imports or refuses with a UserError whatever bytes are damaged or cut off', async () => {
    let seed = 2024;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const originals = [
      png({ width: 9, height: 9, orientation: { value: 6, chunk: 'zTXt' } }),
      jpegHeader({ width: 9, height: 9, orientation: 6 }),
      tiff({ pages: 5, orientation: 3 }),
      bmp(9, 9),
      webp('VP8X', 9, 9),
    ];
    for (const original of originals) {
      for (let round = 0; round < 200; round++) {
        const bytes = Uint8Array.from(original.subarray(0, random(4) === 0 ? random(original.length) : original.length));
        for (let flips = random(6); flips >= 0 && bytes.length > 0; flips--) bytes[random(bytes.length)] = random(256);
        await imageExtractor.extract(bytes, ctx).catch((e: unknown) => {
          if (!isUserError(e)) throw e;
        });
      }
    }
  });
});

interface ManifestImage {
  path: string;
  format?: string;
  width?: number;
  height?: number;
  frames?: number;
  exifOrientation?: number | null;
}

const corpusPresent = existsSync(CORPUS_IMG);
const manifest: ManifestImage[] = corpusPresent ? JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) : [];

describe.skipIf(!corpusPresent)(`image importer on the real-world corpus (${CORPUS_IMG}; skipped when absent)`, () => {
  const files = corpusPresent ? readdirSync(CORPUS_IMG).sort() : [];

  it.each(files)('%s is imported or refused with a reason and agrees with Pillow where Pillow read it', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_IMG, name)));
    const pillow = manifest.find((m) => m.path === `img/${name}`);
    let doc;
    try {
      doc = await imageExtractor.extract(bytes, { fileName: name, passwords: [] });
    } catch (e) {
      if (!isUserError(e)) throw e;
      expect(e.code).toBe('damaged');
      expect(pillow?.format, `${name}: Pillow read it, so should we`).toBeUndefined();
      return;
    }
    expect(imageExtractor.accepts(bytes.subarray(0, 64), name)).toBe(true);
    if (pillow?.format === undefined) return;
    const info = readImageInfo(bytes);
    expect(info.format).toBe(pillow.format === 'JPEG' ? 'jpeg' : pillow.format.toLowerCase());
    expect([info.width, info.height]).toEqual([pillow.width, pillow.height]);
    if (pillow.frames !== undefined) expect(doc.pageCount).toBe(pillow.frames);
    if (pillow.exifOrientation != null) expect(info.orientation ?? 1).toBe(pillow.exifOrientation);
  });

  it('warns about the looping TIFF, the truncated PNG and JPEG, and refuses the out-of-memory TIFF', async () => {
    const extract = (name: string) => imageExtractor.extract(new Uint8Array(readFileSync(join(CORPUS_IMG, name))), ctx);
    expect((await extract('pillow-multipage_multiple_frame_loop.tiff')).warnings).toEqual(["The TIFF's page chain loops; counted 2 pages."]);
    expect((await extract('pillow-truncated_image.png')).warnings).toEqual([TRUNCATED]);
    expect((await extract('pillow-truncated_jpeg.jpg')).warnings).toEqual([TRUNCATED]);
    expect((await extract('exif-Landscape_6.jpg')).warnings[0]).toMatch(/EXIF orientation \(6\)/);
    await expect(extract('pillow-oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif')).rejects.toMatchObject(DAMAGED);
  });
});
