import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageExtractor } from '../../electron/core/import/formats/image.ts';
import { imageFormatOf } from '../../electron/core/import/formats/image-header.ts';
import { openPicture, type UprightPage } from '../../electron/core/pictures/picture.ts';
import { isUserError } from '../../shared/errors.ts';
import { CORPUS_DIR, CORPUS_MISSING, HAS_CORPUS } from '../fixtures/corpus.ts';
import { png, tiff } from '../fixtures/images.ts';
import { bilevelTiff, bmpOf, jpegWithOrientation, storedForOrientation6, wordsCanvas } from '../fixtures/pictures.ts';

const BIG = 16_000_000;
const img = (name: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, 'img', name)));
if (!HAS_CORPUS) console.warn(CORPUS_MISSING);

/** Where the red corner mark is in the page: 'TL', 'TR', 'BL' or 'BR' (null when there is none). */
function redCorner(page: UprightPage): string | null {
  const { width, height } = page;
  const data = page.canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const red = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! < 60;
  };
  const corners: [string, number, number][] = [
    ['TL', 3, 3],
    ['TR', width - 4, 3],
    ['BL', 3, height - 4],
    ['BR', width - 4, height - 4],
  ];
  return corners.find(([, x, y]) => red(x, y))?.[0] ?? null;
}

/** Share of dark pixels in a page. */
function ink(page: UprightPage): number {
  const data = page.canvas.getContext('2d').getImageData(0, 0, page.width, page.height).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 1]! < 100) dark++;
  return dark / (page.width * page.height);
}

async function refusal(bytes: Uint8Array): Promise<{ code: string; message: string }> {
  try {
    const picture = await openPicture(bytes);
    for (let i = 0; i < picture.pageCount; i++) await picture.render(i, BIG);
  } catch (e) {
    if (isUserError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('the picture was not refused');
}

describe('pictures, decoded upright', () => {
  const upright = wordsCanvas(['Upright'], 400, 240);

  it('decodes PNG, JPEG, GIF, BMP and WebP, the red corner staying at the top left', async () => {
    const files: [string, Buffer][] = [
      ['png', upright.toBuffer('image/png')],
      ['jpeg', upright.toBuffer('image/jpeg', 95)],
      ['gif', upright.encodeSync('gif')],
      ['bmp', bmpOf(upright)],
      ['webp', upright.toBuffer('image/webp', 100)],
    ];
    for (const [format, bytes] of files) {
      const picture = await openPicture(bytes);
      expect([format, picture.format, picture.pageCount]).toEqual([format, format, 1]);
      const page = await picture.render(0, BIG);
      expect([format, page.width, page.height, redCorner(page)]).toEqual([format, 400, 240, 'TL']);
      expect(ink(page)).toBeGreaterThan(0.005);
    }
  });

  it('turns a JPEG upright as its EXIF orientation says (6: stored turned left, shown turned right)', async () => {
    const page = await (await openPicture(jpegWithOrientation(storedForOrientation6(upright), 6))).render(0, BIG);
    expect([page.width, page.height, redCorner(page)]).toEqual([400, 240, 'TL']);
    const unturned = await (await openPicture(jpegWithOrientation(storedForOrientation6(upright), 1))).render(0, BIG);
    expect([unturned.width, unturned.height, redCorner(unturned)]).toEqual([240, 400, 'BL']);
  });

  it('reads every page of a multi-page TIFF (uncompressed, PackBits, LZW), each upright as its own Orientation tag says', async () => {
    const pages = [
      { canvas: wordsCanvas(['One'], 320, 200) },
      { canvas: storedForOrientation6(wordsCanvas(['Two'], 320, 200)), orientation: 6 },
      { canvas: wordsCanvas(['Three'], 320, 200, 48, false) },
    ];
    for (const compression of ['none', 'packbits', 'lzw'] as const) {
      const picture = await openPicture(bilevelTiff(pages, compression));
      expect(picture.pageCount).toBe(3);
      expect([0, 1, 2].map((i) => picture.storage(i))).toEqual(['bilevel', 'bilevel', 'bilevel']);
      const drawn = await Promise.all([0, 1, 2].map((i) => picture.render(i, BIG)));
      expect(drawn.map((p) => [p.width, p.height])).toEqual([
        [320, 200],
        [320, 200],
        [320, 200],
      ]);
      // Bilevel: the red mark prints black, so where the ink is tells the turn: the top left corner in every page.
      for (const page of drawn.slice(0, 2)) {
        const data = page.canvas.getContext('2d').getImageData(0, 0, 4, 4).data;
        expect(data[4 * 5 + 1]).toBeLessThan(50);
      }
      expect(ink(drawn[2]!)).toBeGreaterThan(0.005);
    }
  });

  it('gives a fax square pixels: a page scanned at 204 × 98 dpi is stretched down to its real shape', async () => {
    const page = await (await openPicture(bilevelTiff([{ canvas: wordsCanvas(['Fax'], 408, 98), dpi: [204, 98] }]))).render(0, BIG);
    expect([page.width, page.height]).toEqual([408, 204]);
  });

  it('scales a page down to the pixel budget it is asked for', async () => {
    const page = await (await openPicture(upright.toBuffer('image/png'))).render(0, 24_000);
    expect(page.width * page.height).toBeLessThanOrEqual(24_000);
    expect(page.width / page.height).toBeCloseTo(400 / 240, 1);
  });
});

describe('pictures that cannot be shown', () => {
  it('refuses absurd sizes before decoding anything', async () => {
    expect(await refusal(png({ width: 60_000, height: 60_000 }))).toMatchObject({ code: 'too_large', message: expect.stringMatching(/60,000 × 60,000 pixels/) });
    expect(await refusal(tiff({ pages: 1, width: 70_000, height: 9_000 }))).toMatchObject({ code: 'too_large' });
    // Under the pixel cap, but 128 bits a pixel: 576 MB of raw samples before the 8-bit copy.
    expect(await refusal(tiff({ pages: 1, width: 6_000, height: 6_000, bits: { perSample: 32, samples: 4 } }))).toMatchObject({
      code: 'too_large',
      message: 'Page 1 of the TIFF is too large to decode here (6000 × 6000 pixels at 128 bits each).',
    });
  });

  it('refuses damaged pictures with a plain reason', async () => {
    const good = wordsCanvas(['Damaged'], 200, 100).toBuffer('image/png');
    const garbage = Buffer.concat([good.subarray(0, 33), Buffer.alloc(200, 0x5a)]);
    expect(await refusal(garbage)).toMatchObject({ code: 'damaged' });
    expect(await refusal(tiff({ pages: 2 }))).toMatchObject({ code: 'damaged', message: 'Page 1 of the TIFF could not be decoded; the file is damaged.' });
    const noTiff = Buffer.from('II*\0\x08\0\0\0\xff\xff', 'latin1');
    expect(await refusal(noTiff)).toMatchObject({ code: 'damaged' });
  });

  it('draws a truncated JPEG as far as it goes or says it is cut short, and refuses a truncated PNG by name', async () => {
    const jpeg = wordsCanvas(['Truncated'], 300, 200).toBuffer('image/jpeg', 90);
    for (const share of [0.6, 0.9]) {
      const cut = jpeg.subarray(0, Math.floor(jpeg.length * share));
      const outcome = await (await openPicture(cut)).render(0, BIG).then((p) => [p.width, p.height], (e: Error) => e.message);
      expect([[300, 200], 'The picture is cut short and could not be decoded.']).toContainEqual(outcome);
    }
    const png = wordsCanvas(['Truncated'], 300, 200).toBuffer('image/png');
    expect(await refusal(png.subarray(0, Math.floor(png.length * 0.6)))).toEqual({ code: 'damaged', message: 'The picture is cut short and could not be decoded.' });
  });

  it('refuses, never crashes on, pictures damaged anywhere (a fuzz of 60 seeded mutations)', async () => {
    const base = wordsCanvas(['Fuzz'], 64, 48);
    const files = [base.toBuffer('image/png'), base.toBuffer('image/jpeg', 80), base.encodeSync('gif'), base.toBuffer('image/webp', 80), bmpOf(base)];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    let drawn = 0;
    for (let k = 0; k < 60; k++) {
      const bytes = Buffer.from(files[k % files.length]!);
      for (let j = 0; j < 4; j++) bytes[8 + random(Math.min(80, bytes.length - 8))] = random(256);
      try {
        await (await openPicture(bytes)).render(0, BIG);
        drawn++;
      } catch (e) {
        if (!isUserError(e)) throw e;
      }
    }
    expect(drawn).toBeLessThan(60);
  });
});

describe.skipIf(!HAS_CORPUS)('pictures from the real-world corpus', () => {
  it('reads every page of a CCITT G4 TIFF and a G3 fax (stretched to square pixels), and an old-style JPEG TIFF', async () => {
    const g4 = await openPicture(img('pillow-g4-multi.tiff'));
    expect(g4.pageCount).toBe(3);
    expect(g4.storage(0)).toBe('bilevel');
    const fax = await openPicture(img('pillow-total-pages-zero.tif'));
    const faxPage = await fax.render(0, BIG);
    expect([faxPage.width, faxPage.height]).toEqual([1728, 2244]);
    expect(ink(faxPage)).toBeGreaterThan(0.01);
    const old = await (await openPicture(img('fc-old-style-jpeg-compression.tif'))).render(0, BIG);
    expect([old.width, old.height]).toEqual([4160, 870]);
    expect(ink(old)).toBeGreaterThan(0.05);
  });

  it('turns G4 pages by their Orientation tag and a JPEG by its EXIF', async () => {
    for (const name of ['pillow-g4_orientation_6.tif', 'pillow-g4_orientation_8.tif']) {
      const page = await (await openPicture(img(name))).render(0, BIG);
      expect([name, page.width, page.height]).toEqual([name, 590, 88]);
    }
    const photo = await (await openPicture(img('exif-Landscape_6.jpg'))).render(0, BIG);
    expect([photo.width, photo.height]).toEqual([1800, 1200]);
  });

  it('decodes an HEIC photo, which the importer now takes as a picture', async () => {
    const bytes = img('libheif-example.heic');
    expect(imageFormatOf(bytes)).toBe('heic');
    const page = await (await openPicture(bytes)).render(0, BIG);
    expect([page.width, page.height]).toEqual([1280, 854]);
    const doc = await imageExtractor.extract(bytes, { fileName: 'photo.heic', passwords: [] });
    expect(doc).toMatchObject({ kind: 'image', mediaType: 'image/heic', pageCount: 1, pages: [{ page: 1, text: '' }], warnings: [] });
  });

  it('refuses the out-of-memory TIFF, and reads a TIFF whose page chain loops once round', async () => {
    expect(await refusal(img('pillow-oom-225817ca0f8c663be7ab4b9e717b02c661e66834.tif'))).toMatchObject({ code: 'damaged' });
    const loop = await openPicture(img('pillow-multipage_multiple_frame_loop.tiff'));
    expect(loop.pageCount).toBe(2);
    for (const i of [0, 1]) expect((await loop.render(i, BIG)).width).toBe(10);
  });

  it('draws the truncated JPEG of the corpus and refuses its truncated PNG', async () => {
    expect((await (await openPicture(img('pillow-truncated_jpeg.jpg'))).render(0, BIG)).width).toBe(100);
    expect(await refusal(img('pillow-truncated_image.png'))).toMatchObject({ code: 'damaged' });
  });
});

describe('the HEIF signature', () => {
  const ftyp = (major: string, ...compatible: string[]) => {
    const box = Buffer.alloc(16 + compatible.length * 4);
    box.writeUInt32BE(box.length, 0);
    box.write(`ftyp${major}`, 4, 'latin1');
    compatible.forEach((c, i) => box.write(c, 16 + i * 4, 'latin1'));
    return new Uint8Array(Buffer.concat([box, Buffer.alloc(16)]));
  };

  it('takes HEVC-coded HEIF brands and leaves AVIF and MP4 alone', () => {
    expect(imageFormatOf(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(imageFormatOf(ftyp('mif1', 'mif1', 'heic'))).toBe('heic');
    expect(imageFormatOf(ftyp('avif', 'mif1', 'avif'))).toBeNull();
    expect(imageFormatOf(ftyp('mif1', 'mif1', 'avif'))).toBeNull();
    expect(imageFormatOf(ftyp('isom', 'isom', 'mp41'))).toBeNull();
  });
});
