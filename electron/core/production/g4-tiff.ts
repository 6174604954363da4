// Writes a black-and-white page as a single-page Group 4 TIFF, the image format productions are made of: CCITT T.6
// two-dimensional coding (pass, horizontal and vertical modes against the line above), little-endian, one strip.
import { BLACK, EOL, HORIZONTAL, MAX_MAKEUP_RUN, PASS, VERTICAL, WHITE, type Code } from './ccitt-codes.ts';

export interface BilevelImage {
  width: number;
  height: number;
  /** 1 bit per pixel, most significant bit first, each row padded to a whole byte; 1 = black. */
  bits: Uint8Array;
}

export interface G4TiffInput extends BilevelImage {
  /** Resolution in dots per inch, written for both directions. */
  dpi: number;
}

/** Encodes one page as a TIFF with Compression 4 (T.6), WhiteIsZero, FillOrder 1, one strip and its resolution. */
export function encodeG4Tiff(input: G4TiffInput): Uint8Array {
  const { width, height, bits, dpi } = input;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
    throw new RangeError(`a page of ${width}×${height} pixels cannot be encoded`);
  }
  if (bits.length < ((width + 7) >> 3) * height) throw new RangeError(`${bits.length} bytes is too few for ${width}×${height} pixels`);
  if (!(dpi > 0)) throw new RangeError(`resolution ${dpi} is not a positive number of dots per inch`);
  return tiffFile(width, height, dpi, encodeT6(width, height, bits));
}

/**
 * Makes an opaque page (as PDFium renders one, on white) black and white: a pixel is black when its luminance
 * (Rec. 601 weights in integers) is below threshold. White pixels, most of a page, are skipped a word at a time.
 */
export function encodeBilevelFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, threshold = 128): BilevelImage {
  const stride = (width + 7) >> 3;
  const bits = new Uint8Array(stride * height);
  const words = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
  const limit = threshold * 256;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const out = y * stride;
    for (let x = 0; x < width; x++) {
      const p = row + x;
      if (words !== null && (words[p]! | 0xff000000) === -1) continue;
      const i = p * 4;
      if (77 * rgba[i]! + 150 * rgba[i + 1]! + 29 * rgba[i + 2]! < limit) bits[out + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bits };
}

// ---- T.6 coding ----

class BitWriter {
  private buf: Uint8Array;
  private length = 0;
  private acc = 0;
  private pending = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 1024));
  }

  write(code: Code): void {
    this.acc = (this.acc << code.length) | code.bits;
    this.pending += code.length;
    while (this.pending >= 8) {
      this.pending -= 8;
      if (this.length === this.buf.length) this.grow();
      this.buf[this.length++] = (this.acc >>> this.pending) & 0xff;
    }
    this.acc &= (1 << this.pending) - 1;
  }

  /** The bytes written, the last one padded with zero bits. */
  finish(): Uint8Array {
    if (this.pending > 0) this.write({ bits: 0, length: 8 - this.pending });
    return this.buf.subarray(0, this.length);
  }

  private grow(): void {
    const next = new Uint8Array(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}

function encodeT6(width: number, height: number, bits: Uint8Array): Uint8Array {
  const stride = (width + 7) >> 3;
  // Changing elements of the reference and coding lines, each ended by `width` repeated: b2 and a2 may look past the
  // last real change. The line above the first is imaginary and all white.
  let ref = new Int32Array(width + 4).fill(width);
  let cur = new Int32Array(width + 4);
  const out = new BitWriter(stride * height >> 3);
  for (let y = 0; y < height; y++) {
    changingElements(bits, y * stride, width, cur);
    codeLine(out, ref, cur, width);
    [ref, cur] = [cur, ref];
  }
  out.write(EOL);
  out.write(EOL);
  return out.finish();
}

/** Fills `out` with the positions where the colour changes, the first pixel counting as a change when black. */
function changingElements(bits: Uint8Array, offset: number, width: number, out: Int32Array): void {
  let n = 0;
  let colour = 0;
  const whole = width >> 3;
  for (let i = 0; i < whole; i++) {
    const b = bits[offset + i]!;
    // Most bytes of a page are all one colour: skip them whole.
    if (b === (colour === 0 ? 0 : 0xff)) continue;
    for (let k = 0; k < 8; k++) {
      const px = (b >> (7 - k)) & 1;
      if (px !== colour) {
        out[n++] = (i << 3) + k;
        colour = px;
      }
    }
  }
  const rest = width & 7;
  if (rest > 0) {
    const b = bits[offset + whole]!;
    for (let k = 0; k < rest; k++) {
      const px = (b >> (7 - k)) & 1;
      if (px !== colour) {
        out[n++] = (whole << 3) + k;
        colour = px;
      }
    }
  }
  out[n] = width;
  out[n + 1] = width;
  out[n + 2] = width;
}

// T.4 §4.2.1.3: a0 starts before the line (white); b1 is the first change on the reference line right of a0 whose
// colour is opposite to a0's, b2 the change after it; a1 and a2 are the next changes on the coding line.
function codeLine(out: BitWriter, ref: Int32Array, cur: Int32Array, width: number): void {
  let a0 = -1;
  let colour = 0;
  let ia = 0;
  let ib = 0;
  while (a0 < width) {
    while (cur[ia]! <= a0) ia++;
    const a1 = cur[ia]!;
    while (ref[ib]! <= a0) ib++;
    // Changes alternate white→black (even index) and black→white (odd): b1 must change to the colour opposite a0's.
    const j = (ib & 1) === colour ? ib : ib + 1;
    const b1 = ref[j]!;
    const b2 = ref[j + 1]!;
    if (b2 < a1) {
      out.write(PASS);
      a0 = b2;
    } else if (a1 - b1 <= 3 && b1 - a1 <= 3) {
      out.write(VERTICAL[a1 - b1 + 3]!);
      a0 = a1;
      colour ^= 1;
    } else {
      const a2 = cur[ia + 1]!;
      out.write(HORIZONTAL);
      writeRun(out, colour, a1 - Math.max(a0, 0));
      writeRun(out, colour ^ 1, a2 - a1);
      a0 = a2;
    }
  }
}

function writeRun(out: BitWriter, colour: number, run: number): void {
  const codes = colour === 0 ? WHITE : BLACK;
  const longest = codes.makeUp[MAX_MAKEUP_RUN >> 6]!;
  // A run under 2624 is one make-up code (at most 2560) and one terminating code; longer ones repeat 2560 first.
  while (run >= MAX_MAKEUP_RUN + 64) {
    out.write(longest);
    run -= MAX_MAKEUP_RUN;
  }
  if (run >= 64) {
    out.write(codes.makeUp[run >> 6]!);
    run &= 63;
  }
  out.write(codes.terminating[run]!);
}

// ---- TIFF container ----

const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;

function tiffFile(width: number, height: number, dpi: number, strip: Uint8Array): Uint8Array {
  const [num, den] = rational(dpi);
  const stripOffset = 8;
  const ifdOffset = stripOffset + strip.length + (strip.length & 1);
  const entries: [tag: number, type: number, value: number][] = [
    [256, LONG, width], // ImageWidth
    [257, LONG, height], // ImageLength
    [258, SHORT, 1], // BitsPerSample
    [259, SHORT, 4], // Compression: CCITT T.6
    [262, SHORT, 0], // PhotometricInterpretation: WhiteIsZero
    [266, SHORT, 1], // FillOrder
    [273, LONG, stripOffset], // StripOffsets
    [277, SHORT, 1], // SamplesPerPixel
    [278, LONG, height], // RowsPerStrip
    [279, LONG, strip.length], // StripByteCounts
    [282, RATIONAL, 0], // XResolution (offset filled below)
    [283, RATIONAL, 0], // YResolution
    [293, LONG, 0], // T6Options
    [296, SHORT, 2], // ResolutionUnit: inch
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalOffset = ifdOffset + ifdSize;
  const file = new Uint8Array(rationalOffset + 16);
  const view = new DataView(file.buffer);
  file.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdOffset, true);
  file.set(strip, stripOffset);
  view.setUint16(ifdOffset, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    if (type === RATIONAL) view.setUint32(at + 8, rationalOffset + (tag === 282 ? 0 : 8), true);
    else if (type === SHORT) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(ifdOffset + 2 + entries.length * 12, 0, true);
  for (const at of [rationalOffset, rationalOffset + 8]) {
    view.setUint32(at, num, true);
    view.setUint32(at + 4, den, true);
  }
  return file;
}

function rational(value: number): [number, number] {
  if (Number.isInteger(value)) return [value, 1];
  return [Math.round(value * 1000), 1000];
}
