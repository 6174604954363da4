// Every page of a TIFF (bilevel fax G3/G4, LZW, PackBits, Deflate, JPEG and old-style JPEG, strips or tiles), decoded
// by utif2. Its directories are read here rather than by utif2's own walk, which follows a looping page chain forever
// and trusts every count: here the chain is walked once (as the importer counted it) and no value is read past the end.
import { createCanvas, ImageData } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { UserError } from '../../../shared/errors.ts';
import { tiffPageOffsets } from '../import/formats/image-header.ts';
import { checkPixels, type PictureDecoder } from './decoded-page.ts';
import { validOrientation } from './orientation.ts';

// 256 MB: a 64-megapixel page as 8-bit RGBA, the most any page may take while it is decoded.
const MAX_RAW_BYTES = 256 * 1024 * 1024;

// None, CCITT RLE, G3, G4, LZW, old-style JPEG, JPEG, Deflate (two codes), PackBits.
const COMPRESSIONS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 32946, 32773]);
// Bytes per value of each TIFF field type.
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8 };
// More values than any real tag holds; a larger count is a damaged or hostile file, and the tag is skipped.
const MAX_VALUES = 1 << 20;
// A resolution ratio beyond this is a damaged header, not a real scanner's pixel shape.
const MAX_STRETCH = 4;

type Ifd = UTIF.IFD;

export function openTiffPicture(bytes: Uint8Array): PictureDecoder {
  const { offsets } = tiffPageOffsets(bytes);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const view = new DataView(buffer);
  const le = bytes[0] === 0x49;
  return {
    pageCount: offsets.length,
    storage(index) {
      const ifd = readIfd(view, offsets[index]!, le);
      const greys = !ifd.t262 || first(ifd, 262) <= 1; // WhiteIsZero or BlackIsZero, not a palette
      if (greys && (first(ifd, 258) || 1) === 1 && (first(ifd, 277) || 1) === 1) return 'bilevel';
      return first(ifd, 259) === 6 || first(ifd, 259) === 7 ? 'lossy' : 'lossless';
    },
    async decode(index) {
      const ifd = readIfd(view, offsets[index]!, le);
      const page = `Page ${index + 1} of the TIFF`;
      const width = first(ifd, 256);
      const height = first(ifd, 257);
      checkPixels(width, height);
      const compression = first(ifd, 259) || 1;
      if (!COMPRESSIONS.has(compression)) {
        throw new UserError('unsupported_format', `${page} is compressed in a way this app cannot decode (TIFF compression ${compression}).`);
      }
      const bitsPerPixel = (first(ifd, 258) || 1) * (first(ifd, 277) || 1);
      if (bitsPerPixel > 128) throw new UserError('damaged', `${page} is damaged: it claims ${bitsPerPixel} bits per pixel.`);
      // The decoder holds the raw samples and then 8-bit RGBA: both are held to a budget before anything is allocated.
      if ((width * height * Math.max(bitsPerPixel, 32)) / 8 > MAX_RAW_BYTES) {
        throw new UserError('too_large', `${page} is too large to decode here (${width} × ${height} pixels at ${bitsPerPixel} bits each).`);
      }
      let rgba: Uint8Array;
      try {
        UTIF.decodeImage(buffer, ifd);
        if (!(ifd.data instanceof Uint8Array) || ifd.data.length === 0) throw new Error('no pixel data');
        rgba = UTIF.toRGBA8(ifd);
      } catch {
        throw new UserError('damaged', `${page} could not be decoded; the file is damaged.`);
      }
      const canvas = createCanvas(width, height);
      const pixels = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, width * height * 4);
      canvas.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0);
      return { source: canvas, width, height, orientation: validOrientation(first(ifd, 274)), stretch: stretchOf(ifd) };
    },
  };
}

function first(ifd: Ifd, tag: number): number {
  const value = (ifd[`t${tag}`] as unknown[] | undefined)?.[0];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Square pixels from the X and Y resolutions (a fax's 204 × 98 dpi pixels are twice as tall as wide). */
function stretchOf(ifd: Ifd): { x: number; y: number } {
  const ratio = (tag: number) => {
    const value = (ifd[`t${tag}`] as unknown[] | undefined)?.[0];
    return Array.isArray(value) && value[1] > 0 ? value[0] / value[1] : 0;
  };
  const [x, y] = [ratio(282), ratio(283)];
  if (!(x > 0 && y > 0) || Math.max(x, y) / Math.min(x, y) > MAX_STRETCH) return { x: 1, y: 1 };
  const most = Math.max(x, y);
  return { x: most / x, y: most / y };
}

/** One directory's tags in utif2's shape ("t256": [values]); a tag whose values lie outside the file is left out. */
function readIfd(view: DataView, offset: number, le: boolean): Ifd {
  const ifd = {} as Ifd;
  const count = view.getUint16(offset, le);
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * 12;
    const tag = view.getUint16(entry, le);
    const type = view.getUint16(entry + 2, le);
    const n = view.getUint32(entry + 4, le);
    const size = TYPE_SIZES[type];
    if (size === undefined || n > MAX_VALUES) continue;
    const at = n * size <= 4 ? entry + 8 : view.getUint32(entry + 8, le);
    if (at + n * size > view.byteLength) continue;
    ifd[`t${tag}`] = values(view, type, at, n, le);
  }
  return ifd;
}

function values(view: DataView, type: number, at: number, n: number, le: boolean): UTIF.TiffTag | Uint8Array {
  const bytes = new Uint8Array(view.buffer, at, n);
  if (type === 1 || type === 6 || type === 7) return bytes;
  if (type === 2) return [Buffer.from(bytes).toString('latin1').replace(/\0.*$/s, '')];
  const out: number[] | [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const p = at + i * (TYPE_SIZES[type] ?? 0);
    if (type === 5 || type === 10) {
      const read = type === 5 ? (o: number) => view.getUint32(o, le) : (o: number) => view.getInt32(o, le);
      (out as [number, number][]).push([read(p), read(p + 4)]);
      continue;
    }
    (out as number[]).push(
      type === 3 ? view.getUint16(p, le)
      : type === 4 || type === 13 ? view.getUint32(p, le)
      : type === 8 ? view.getInt16(p, le)
      : type === 9 ? view.getInt32(p, le)
      : type === 11 ? view.getFloat32(p, le)
      : type === 12 ? view.getFloat64(p, le)
      : Number(view.getBigUint64(p, le)),
    );
  }
  return out as UTIF.TiffTag;
}
