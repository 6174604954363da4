import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import UTIF from 'utif2';
import { afterAll, describe, expect, it } from 'vitest';
import { BLACK, WHITE, allRunCodes, type RunCodes } from '../../electron/core/production/ccitt-codes.ts';
import { encodeBilevelFromRgba, encodeG4Tiff, type BilevelImage } from '../../electron/core/production/g4-tiff.ts';
import { seededRandom } from '../../electron/core/seeded-random.ts';
import { removeTempDirs, tempDir } from './volume-fixture.ts';

afterAll(removeTempDirs);

const HAS_LIBTIFF = fs.existsSync('/usr/bin/tiffinfo') && fs.existsSync('/usr/bin/tiffcp');
if (!HAS_LIBTIFF) console.warn('libtiff-tools (tiffinfo, tiffcp) are not installed; the libtiff checks are skipped');

class Canvas implements BilevelImage {
  readonly bits: Uint8Array;
  readonly stride: number;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.stride = (width + 7) >> 3;
    this.bits = new Uint8Array(this.stride * height);
  }
  black(x0: number, x1: number, y: number): void {
    for (let x = Math.max(0, x0); x < Math.min(this.width, x1); x++) this.bits[y * this.stride + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  get(x: number, y: number): number {
    return (this.bits[y * this.stride + (x >> 3)]! >> (7 - (x & 7))) & 1;
  }
}

/** Lines of "words" (short and long runs), with rules, full black rows, blank bands and a black box. */
function textLike(width: number, height: number, seed: number): Canvas {
  const c = new Canvas(width, height);
  const random = seededRandom(seed);
  let y = 0;
  while (y < height) {
    const kind = random();
    if (kind < 0.05) c.black(0, width, y++); // a full black row
    else if (kind < 0.1) y += 1 + Math.floor(random() * 20); // white rows
    else if (kind < 0.13) {
      const x0 = Math.floor(random() * width);
      const x1 = x0 + Math.floor(random() * width);
      for (let h = 0; h < 30 && y < height; h++) c.black(x0, x1, y++); // a box, or a long bar to the edge
    } else {
      const lineHeight = 4 + Math.floor(random() * 30);
      // A word is vertical strokes (constant down the line, now and then a pixel off: vertical modes ±1..3) and a
      // few horizontal bars, the way printed letters are; some words are noise, the way bad scans are.
      const words: { strokes: [number, number][]; bars: number[]; noisy: boolean }[] = [];
      // A page-sized canvas keeps one-inch margins (at 300 dpi) around its lines of text.
      const margin = width >= 2000 ? 300 : 0;
      for (let x = margin + Math.floor(random() * 40); x < width - margin; ) {
        const len = 1 + Math.floor(random() ** 2 * 120);
        const strokes: [number, number][] = [];
        for (let sx = x; sx < x + len; sx += 2 + Math.floor(random() * 6)) strokes.push([sx, sx + 1 + Math.floor(random() * 3)]);
        const bars = [Math.floor(random() * lineHeight), Math.floor(random() * lineHeight)];
        words.push({ strokes, bars, noisy: random() < 0.05 });
        x += len + 1 + Math.floor(random() ** 3 * 200);
      }
      for (let h = 0; h < lineHeight && y < height; h++, y++) {
        for (const w of words) {
          const first = w.strokes[0]![0];
          const last = w.strokes.at(-1)![1];
          if (w.bars.includes(h)) c.black(first, last, y);
          for (const [x0, x1] of w.strokes) {
            const jitter = w.noisy ? Math.floor(random() * 7) - 3 : random() < 0.03 ? Math.floor(random() * 3) - 1 : 0;
            c.black(x0 + jitter, x1 + jitter, y);
          }
        }
      }
    }
  }
  return c;
}

function decodeUtif(tif: Uint8Array): { width: number; height: number; data: Uint8Array; ifd: UTIF.IFD } {
  const buffer = tif.buffer.slice(tif.byteOffset, tif.byteOffset + tif.byteLength) as ArrayBuffer;
  const [ifd] = UTIF.decode(buffer);
  UTIF.decodeImage(buffer, ifd!);
  return { width: ifd!.width, height: ifd!.height, data: ifd!.data, ifd: ifd! };
}

/** The first pixel where two 1-bit images (rows padded to bytes) differ, padding bits ignored; null when none. */
function firstDifference(a: Uint8Array, b: Uint8Array, width: number, height: number): string | null {
  const stride = (width + 7) >> 3;
  const lastMask = (0xff << (stride * 8 - width)) & 0xff;
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < stride; i++) {
      const mask = i === stride - 1 ? lastMask : 0xff;
      const at = y * stride + i;
      if (((a[at] ?? -1) & mask) !== ((b[at] ?? -1) & mask)) {
        const diff = ((a[at] ?? 0) ^ (b[at] ?? 0)) & mask;
        return `row ${y}, pixel ${i * 8 + Math.clz32(diff) - 24}`;
      }
    }
  }
  return null;
}

/**
 * Encodes, then decodes with libtiff (when installed) and utif2, and compares every pixel with the input. libtiff
 * goes first, in a child process with a time limit: utif2 can loop forever on a broken stream.
 */
function roundTrip(image: BilevelImage, name: string): Uint8Array {
  const tif = encodeG4Tiff({ ...image, dpi: 300 });
  if (HAS_LIBTIFF) {
    // libtiff decodes the Group 4 data; the uncompressed copy it writes is then only unpacked.
    const dir = tempDir('g4');
    const g4 = path.join(dir, `${name}.tif`);
    const raw = path.join(dir, `${name}-none.tif`);
    fs.writeFileSync(g4, tif);
    const cp = spawnSync('tiffcp', ['-c', 'none', g4, raw], { encoding: 'utf8', timeout: 20_000 });
    expect(cp.stderr, `tiffcp on ${name}`).toBe('');
    expect(cp.status).toBe(0);
    const viaLibtiff = decodeUtif(fs.readFileSync(raw));
    expect(viaLibtiff.ifd.t259).toEqual([1]);
    expect(firstDifference(viaLibtiff.data, image.bits, image.width, image.height), `${name} through libtiff`).toBeNull();
  }
  const decoded = decodeUtif(tif);
  expect([decoded.width, decoded.height]).toEqual([image.width, image.height]);
  expect(decoded.ifd.t259).toEqual([4]);
  expect(decoded.ifd.t262).toEqual([0]);
  expect(firstDifference(decoded.data, image.bits, image.width, image.height), `${name} through utif2`).toBeNull();
  return tif;
}

describe('the T.4 code tables', () => {
  it.each([
    ['white', WHITE],
    ['black', BLACK],
  ] as [string, RunCodes][])('give every %s run length a code, no code the prefix of another', (_, codes) => {
    const words = allRunCodes(codes).map((c) => c.bits.toString(2).padStart(c.length, '0'));
    expect(words).toHaveLength(64 + 27 + 13);
    const prefixes = words.flatMap((a) => words.filter((b) => b !== a && b.startsWith(a)).map((b) => `${a} < ${b}`));
    expect(prefixes).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
    // The code space is not full: what EOL (eleven zeros, then a one) starts with is left free.
    const kraft = words.reduce((s, w) => s + 2 ** -w.length, 0);
    expect(kraft).toBeLessThan(1);
  });
});

describe('encodeG4Tiff', () => {
  it('codes every run length of both colours, 0 to 2700, in horizontal mode', () => {
    // Each sweep row follows a white row, so it is coded as white k then black 2700 − k; the white row after it
    // returns through pass and vertical modes.
    const c = new Canvas(2704, 2 * 2701);
    for (let k = 0; k <= 2700; k++) c.black(k, 2700, 2 * k + 1);
    roundTrip(c, 'sweep');
  });

  it('codes runs longer than the longest make-up code, and black rows over black rows', () => {
    const c = new Canvas(7000, 8);
    c.black(0, 7000, 0);
    c.black(0, 6000, 2);
    c.black(5300, 7000, 3);
    c.black(0, 7000, 4);
    c.black(0, 7000, 5);
    c.black(1, 6999, 6);
    c.black(2624, 2625, 7);
    roundTrip(c, 'long-runs');
  });

  it('codes text-like pages whose width is not a multiple of 8, down to one pixel wide', () => {
    for (const [w, h, seed] of [
      [1237, 400, 1],
      [13, 7, 2],
      [1, 5, 3],
      [9, 40, 4],
      [1700, 200, 5],
    ] as const) {
      const c = textLike(w, h, seed);
      if (w === 1) c.black(0, 1, 2);
      roundTrip(c, `text-${w}x${h}`);
    }
  });

  it('codes all-white and all-black pages', () => {
    const white = new Canvas(100, 10);
    roundTrip(white, 'white');
    const black = new Canvas(100, 10);
    for (let y = 0; y < 10; y++) black.black(0, 100, y);
    roundTrip(black, 'black');
  });

  it('encodes a 300 dpi Letter page (2550×3300) that libtiff reads without a warning', () => {
    const page = textLike(2550, 3300, 42);
    const times: number[] = [];
    let tif: Uint8Array = new Uint8Array(0);
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      tif = encodeG4Tiff({ ...page, dpi: 300 });
      times.push(performance.now() - started);
    }
    console.log(
      `G4 encode of a 2550×3300 text-like page: ${times.map((t) => t.toFixed(1)).join(' / ')} ms (first call cold), ` +
        `${tif.length} bytes, ${(page.bits.length / tif.length).toFixed(1)}:1 against 1 bit per pixel`,
    );
    roundTrip(page, 'letter');
    if (!HAS_LIBTIFF) return;
    const file = path.join(tempDir('g4-letter'), 'letter.tif');
    fs.writeFileSync(file, tif);
    const info = spawnSync('tiffinfo', ['-D', file], { encoding: 'utf8' });
    expect(info.status).toBe(0);
    expect(info.stderr).toBe('');
    expect(info.stdout).toContain('Compression Scheme: CCITT Group 4');
    expect(info.stdout).toContain('Image Width: 2550 Image Length: 3300');
    expect(info.stdout).toContain('Resolution: 300, 300 pixels/inch');
    expect(info.stdout).toContain('Photometric Interpretation: min-is-white');
    expect(info.stdout).toContain('FillOrder: msb-to-lsb');
    expect(info.stdout).toContain('Rows/Strip: 3300');
    expect(info.stdout).toContain('Group 4 Options: (0 = 0x0)');
  });

  it('writes 1 as black (WhiteIsZero) and a resolution that is not a whole number', () => {
    const c = new Canvas(3, 1);
    c.black(1, 2, 0);
    const tif = encodeG4Tiff({ ...c, dpi: 199.5 });
    const { ifd } = decodeUtif(tif);
    const rgba = UTIF.toRGBA8(ifd);
    expect([rgba[0], rgba[4], rgba[8]]).toEqual([255, 0, 255]);
    expect(ifd.t282).toEqual([[199500, 1000]]);
    expect(ifd.t296).toEqual([2]);
  });

  it('refuses sizes it cannot write', () => {
    expect(() => encodeG4Tiff({ width: 0, height: 1, bits: new Uint8Array(1), dpi: 300 })).toThrow(RangeError);
    expect(() => encodeG4Tiff({ width: 16, height: 2, bits: new Uint8Array(3), dpi: 300 })).toThrow(/too few/);
    expect(() => encodeG4Tiff({ width: 8, height: 1, bits: new Uint8Array(1), dpi: 0 })).toThrow(/resolution/);
  });
});

describe('encodeBilevelFromRgba', () => {
  it('makes pixels darker than the threshold black and pads rows to whole bytes', () => {
    const px = [
      [0, 0, 0, 255], // black
      [255, 255, 255, 255], // white
      [100, 100, 100, 255], // dark grey: black
      [200, 200, 200, 255], // light grey: white
      [255, 0, 0, 255], // red, luminance 76: black
      [0, 255, 0, 255], // green, luminance 149: white
      [127, 127, 127, 255], // just below the threshold: black
      [128, 128, 128, 255], // at it: white
      [0, 0, 0, 255], // ninth pixel: the second byte
    ];
    expect(encodeBilevelFromRgba(new Uint8Array(px.flat()), 9, 1)).toEqual({ width: 9, height: 1, bits: new Uint8Array([0b10101010, 0b10000000]) });
    expect(encodeBilevelFromRgba(new Uint8Array(px.flat()), 9, 1, 160).bits).toEqual(new Uint8Array([0b10101111, 0b10000000]));
    expect(encodeBilevelFromRgba(new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 9, 9, 9, 255]), 2, 2).bits).toEqual(new Uint8Array([0b10000000, 0b01000000]));
  });
});
