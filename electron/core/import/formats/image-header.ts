// Reads what an image's header says (format, size, EXIF orientation, TIFF pages) without decoding a single pixel.
import { inflateSync } from 'node:zlib';
import { UserError } from '../../../../shared/errors.ts';
import { heifSize, isHeif } from './heif-header.ts';

export type ImageFormat = 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'webp' | 'heic';

export interface ImageInfo {
  format: ImageFormat;
  mediaType: string;
  width: number;
  height: number;
  orientation: number | null; // EXIF 1–8, null when the file carries none
  pageCount: number;
  pageChain: 'complete' | 'loops' | 'broken' | 'capped'; // how the TIFF page walk ended
  truncated: boolean;
  cmyk: boolean;
}

export const MAX_TIFF_PAGES = 10_000;

const MEDIA_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  heic: 'image/heic',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BMP_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
const TAG_WIDTH = 256;
const TAG_HEIGHT = 257;
const TAG_ORIENTATION = 274;
// ImageMagick keeps EXIF in PNG text chunks as hex under this keyword; the profile is small, so cap its unpacking.
const RAW_EXIF_KEYWORD = 'Raw profile type exif';
const MAX_PROFILE_BYTES = 1024 * 1024;

function damaged(): UserError {
  return new UserError('damaged', 'The image file is damaged (its header cannot be read).');
}

function hasPrefix(bytes: Uint8Array, prefix: number[] | string, at = 0): boolean {
  const codes = typeof prefix === 'string' ? [...prefix].map((c) => c.charCodeAt(0)) : prefix;
  return codes.every((b, i) => bytes[at + i] === b);
}

/** Bounds-checked big- or little-endian reads; reading past the end is a damaged header. */
class Bytes {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly le: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(offset: number, length: number): boolean {
    return offset >= 0 && offset + length <= this.bytes.length;
  }
  u8(offset: number): number {
    if (!this.has(offset, 1)) throw damaged();
    return this.view.getUint8(offset);
  }
  u16(offset: number): number {
    if (!this.has(offset, 2)) throw damaged();
    return this.view.getUint16(offset, this.le);
  }
  u32(offset: number): number {
    if (!this.has(offset, 4)) throw damaged();
    return this.view.getUint32(offset, this.le);
  }
  i32(offset: number): number {
    if (!this.has(offset, 4)) throw damaged();
    return this.view.getInt32(offset, this.le);
  }
}

/** The format by magic number, or null. */
export function imageFormatOf(head: Uint8Array): ImageFormat | null {
  if (hasPrefix(head, PNG_SIGNATURE)) return 'png';
  if (hasPrefix(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (hasPrefix(head, 'II*\0') || hasPrefix(head, 'MM\0*')) return 'tiff';
  if (hasPrefix(head, 'GIF87a') || hasPrefix(head, 'GIF89a')) return 'gif';
  if (hasPrefix(head, 'RIFF') && hasPrefix(head, 'WEBP', 8)) return 'webp';
  if (isHeif(head)) return 'heic';
  // "BM" alone starts too many text files; also require a known DIB header size.
  if (hasPrefix(head, 'BM') && head.length >= 18 && BMP_HEADER_SIZES.has(new Bytes(head, true).u32(14))) return 'bmp';
  return null;
}

/** Reads the header; throws UserError 'damaged' when it cannot be read or gives no size. */
export function readImageInfo(bytes: Uint8Array): ImageInfo {
  const format = imageFormatOf(bytes);
  if (format === null) throw damaged();
  const base = { format, mediaType: MEDIA_TYPES[format], orientation: null, pageCount: 1, pageChain: 'complete', truncated: false, cmyk: false } as const;
  const info: ImageInfo = { ...base, ...READERS[format](bytes) };
  if (!(info.width > 0 && info.height > 0)) throw damaged();
  return info;
}

type HeaderFields = Pick<ImageInfo, 'width' | 'height'> & Partial<ImageInfo>;

const READERS: Record<ImageFormat, (bytes: Uint8Array) => HeaderFields> = {
  png: readPng,
  jpeg: readJpeg,
  tiff: readTiff,
  gif: (bytes) => {
    const r = new Bytes(bytes, true);
    return { width: r.u16(6), height: r.u16(8) };
  },
  bmp: (bytes) => {
    const r = new Bytes(bytes, true);
    if (r.u32(14) === 12) return { width: r.u16(18), height: r.u16(20) };
    // A negative height means the rows are stored top-down.
    return { width: r.i32(18), height: Math.abs(r.i32(22)) };
  },
  webp: readWebp,
  // The decoder turns and mirrors a HEIF picture as its own boxes say, so no orientation is reported.
  heic: (bytes) => heifSize(bytes) ?? { width: 0, height: 0 },
};

function readPng(bytes: Uint8Array): HeaderFields {
  const r = new Bytes(bytes, false);
  if (r.u32(8) !== 13 || !hasPrefix(bytes, 'IHDR', 12)) throw damaged();
  const fields: HeaderFields = { width: r.u32(16), height: r.u32(20), truncated: true };
  for (let at = 8; r.has(at, 12); ) {
    const length = r.u32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!r.has(at + 8, length + 4)) break;
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IEND') {
      fields.truncated = false;
      break;
    }
    if (type === 'eXIf') fields.orientation ??= exifOrientation(data);
    if (type === 'tEXt' || type === 'zTXt') fields.orientation ??= rawProfileOrientation(data, type === 'zTXt');
    at += 12 + length;
  }
  return fields;
}

/** EXIF that ImageMagick wrote into a tEXt/zTXt chunk as hex digits after a name and a length line. */
function rawProfileOrientation(chunk: Uint8Array, compressed: boolean): number | null {
  const nul = chunk.indexOf(0);
  if (nul < 0 || Buffer.from(chunk.subarray(0, nul)).toString('latin1') !== RAW_EXIF_KEYWORD) return null;
  let text: Uint8Array = chunk.subarray(nul + 1);
  if (compressed) {
    try {
      text = inflateSync(text.subarray(1), { maxOutputLength: MAX_PROFILE_BYTES });
    } catch (e) {
      if (e instanceof Error && 'code' in e) return null;
      throw e;
    }
  }
  const hex = /^\s*\S+\s+\d+\s+([0-9a-fA-F\s]+)$/.exec(Buffer.from(text).toString('latin1'))?.[1];
  if (hex === undefined) return null;
  const exif = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  return exifOrientation(hasPrefix(exif, 'Exif\0\0') ? exif.subarray(6) : exif);
}

function readJpeg(bytes: Uint8Array): HeaderFields {
  const r = new Bytes(bytes, false);
  let size: { width: number; height: number; cmyk: boolean } | null = null;
  let orientation: number | null = null;
  let scanStart = -1;
  let at = 2;
  while (at + 1 < bytes.length && scanStart < 0) {
    const marker = bytes[at + 1] ?? 0;
    if (bytes[at] !== 0xff || marker === 0xff) {
      at++; // stray or fill bytes before a marker: skip them as decoders do
      continue;
    }
    at += 2;
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9) break;
    if (!r.has(at, 2)) break;
    const length = r.u16(at);
    if (length < 2 || !r.has(at, length)) break;
    const segment = bytes.subarray(at + 2, at + length);
    if (isStartOfFrame(marker) && length >= 8) {
      size = { height: r.u16(at + 3), width: r.u16(at + 5), cmyk: r.u8(at + 7) === 4 };
    } else if (marker === 0xe1 && orientation === null && hasPrefix(segment, 'Exif\0\0')) {
      orientation = exifOrientation(segment.subarray(6));
    } else if (marker === 0xda) {
      scanStart = at + length;
    }
    at += length;
  }
  if (size === null) throw damaged();
  // The image ends with EOI; FF D9 cannot occur inside entropy-coded data, so its absence after the scan is truncation.
  const eoi = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(Buffer.from([0xff, 0xd9]));
  return { ...size, orientation, truncated: scanStart < 0 || eoi < scanStart };
}

function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readWebp(bytes: Uint8Array): HeaderFields {
  const r = new Bytes(bytes, true);
  if (hasPrefix(bytes, 'VP8 ', 12)) {
    if (!hasPrefix(bytes, [0x9d, 0x01, 0x2a], 23)) throw damaged();
    return { width: r.u16(26) & 0x3fff, height: r.u16(28) & 0x3fff };
  }
  if (hasPrefix(bytes, 'VP8L', 12)) {
    if (r.u8(20) !== 0x2f) throw damaged();
    const bits = r.u32(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (hasPrefix(bytes, 'VP8X', 12)) {
    return { width: 1 + (r.u16(24) | (r.u8(26) << 16)), height: 1 + (r.u16(27) | (r.u8(29) << 16)), orientation: webpOrientation(bytes) };
  }
  throw damaged();
}

/** The orientation in an extended WebP's EXIF chunk (some writers keep the "Exif\0\0" prefix JPEG uses). */
function webpOrientation(bytes: Uint8Array): number | null {
  const r = new Bytes(bytes, true);
  for (let at = 12; r.has(at, 8); ) {
    const length = r.u32(at + 4);
    if (!r.has(at + 8, length)) return null;
    if (hasPrefix(bytes, 'EXIF', at)) {
      const exif = bytes.subarray(at + 8, at + 8 + length);
      return exifOrientation(hasPrefix(exif, 'Exif\0\0') ? exif.subarray(6) : exif);
    }
    at += 8 + length + (length & 1);
  }
  return null;
}

/** A TIFF structure (a TIFF file, or the body of an EXIF block) read from its 8-byte header. */
function tiffStructure(bytes: Uint8Array): { r: Bytes; firstIfd: number } | null {
  const le = hasPrefix(bytes, 'II*\0');
  if (!le && !hasPrefix(bytes, 'MM\0*')) return null;
  const r = new Bytes(bytes, le);
  return r.has(4, 4) ? { r, firstIfd: r.u32(4) } : null;
}

function ifdFits(r: Bytes, offset: number): boolean {
  return r.has(offset, 2) && r.has(offset, 2 + r.u16(offset) * 12 + 4);
}

/** A SHORT or LONG tag's first value in the IFD at `offset` (which must fit), or null. */
function tagValue(r: Bytes, offset: number, tag: number): number | null {
  const count = r.u16(offset);
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * 12;
    if (r.u16(entry) !== tag) continue;
    const type = r.u16(entry + 2);
    if (type === 3) return r.u16(entry + 8);
    if (type === 4) return r.u32(entry + 8);
    return null;
  }
  return null;
}

/** The Orientation tag of an EXIF block's first IFD; a broken EXIF block just has none. */
function exifOrientation(exif: Uint8Array): number | null {
  const tiff = tiffStructure(exif);
  if (tiff === null || !ifdFits(tiff.r, tiff.firstIfd)) return null;
  const value = tagValue(tiff.r, tiff.firstIfd, TAG_ORIENTATION);
  return value !== null && value >= 1 && value <= 8 ? value : null;
}

/** Where each page's IFD starts, walking the page chain until it ends, loops, breaks off or reaches the cap. */
export function tiffPageOffsets(bytes: Uint8Array): { offsets: number[]; pageChain: ImageInfo['pageChain'] } {
  const tiff = tiffStructure(bytes);
  if (tiff === null || !ifdFits(tiff.r, tiff.firstIfd)) throw damaged();
  const { r, firstIfd } = tiff;
  const seen = new Set<number>();
  let pageChain: ImageInfo['pageChain'] = 'complete';
  for (let offset = firstIfd; offset !== 0; offset = r.u32(offset + 2 + r.u16(offset) * 12)) {
    if (seen.has(offset)) pageChain = 'loops';
    else if (seen.size >= MAX_TIFF_PAGES) pageChain = 'capped';
    else if (!ifdFits(r, offset)) pageChain = 'broken';
    if (pageChain !== 'complete') break;
    seen.add(offset);
  }
  return { offsets: [...seen], pageChain };
}

function readTiff(bytes: Uint8Array): HeaderFields {
  const { offsets, pageChain } = tiffPageOffsets(bytes);
  const r = tiffStructure(bytes)!.r;
  const firstIfd = offsets[0]!;
  const orientation = tagValue(r, firstIfd, TAG_ORIENTATION);
  return {
    width: tagValue(r, firstIfd, TAG_WIDTH) ?? 0,
    height: tagValue(r, firstIfd, TAG_HEIGHT) ?? 0,
    orientation: orientation !== null && orientation >= 1 && orientation <= 8 ? orientation : null,
    pageCount: offsets.length,
    pageChain,
  };
}
