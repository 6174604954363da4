// Assembles a produced document's page images into one PDF, the same bytes every time for the same images: a JPEG and
// a one-strip Group 4 TIFF go in as they are (DCTDecode, CCITTFaxDecode), a PDF's pages are copied, anything else is
// decoded by the picture decoders and embedded losslessly; each page is the image's size at its own resolution (300 dpi when it gives none).
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFPage, PDFRawStream, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFRef } from '@cantoo/pdf-lib';
import { UserError } from '../../../shared/errors.ts';
import { tiffPageOffsets, type ImageFormat } from '../import/formats/image-header.ts';
import { MAX_DECODE_PIXELS } from '../pictures/decoded-page.ts';
import { openHeifPicture } from '../pictures/heif-decoder.ts';
import { drawUpright, pictureFormatOf } from '../pictures/picture.ts';
import { openRasterPicture } from '../pictures/raster-decoder.ts';
import { openTiffPicture } from '../pictures/tiff-decoder.ts';

const DEFAULT_DPI = 300;
// No metadata at all: pdf-lib would otherwise stamp the time of assembly, and two imports would differ.
const CREATE = { updateMetadata: false } as const;

export interface AssembledPdf {
  bytes: Uint8Array;
  pages: number;
}

/** One PDF with a page per image (every page of a multi-page image); `name` says which image a problem is in. */
export async function assembleImagePdf(images: { bytes: Uint8Array; name: string }[]): Promise<AssembledPdf> {
  const out = await PDFDocument.create(CREATE);
  for (const image of images) {
    try {
      await addImage(out, image.bytes);
    } catch (e) {
      const why = e instanceof UserError ? e.message : 'it could not be read';
      throw new UserError('damaged', `The page image ${image.name} cannot be used: ${why}`);
    }
  }
  // No object streams: the pages of a scan are images, and the plain layout is what every reader and pdf.js expects.
  const bytes = await out.save({ useObjectStreams: false });
  return { bytes, pages: out.getPageCount() };
}

async function addImage(out: PDFDocument, bytes: Uint8Array): Promise<void> {
  if (isPdf(bytes)) {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
    return;
  }
  const format = pictureFormatOf(bytes);
  if (format === 'jpeg') {
    const placed = await jpegAsItIs(out, bytes).catch(() => false);
    if (placed) return;
  }
  if (format === 'tiff') {
    const g4 = g4Strip(bytes);
    if (g4) {
      const dict = out.context.obj({
        Type: 'XObject',
        Subtype: 'Image',
        Width: g4.width,
        Height: g4.height,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 1,
        Filter: 'CCITTFaxDecode',
        DecodeParms: { K: -1, Columns: g4.width, Rows: g4.height, BlackIs1: g4.blackIs1 },
        Length: g4.strip.length,
      });
      placeFullPage(out, out.context.register(PDFRawStream.of(dict, g4.strip)), g4.width, g4.height, g4.dpi);
      return;
    }
  }
  await decoded(out, bytes, format, format === 'tiff' ? tiffDpi(bytes) : null);
}

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

async function jpegAsItIs(out: PDFDocument, bytes: Uint8Array): Promise<boolean> {
  const image = await out.embedJpg(bytes);
  await image.embed();
  placeFullPage(out, image.ref, image.width, image.height, jfifDpi(bytes));
  return true;
}

/**
 * Every page of the picture decoded, its pixels as stored (no resampling): a black-and-white page as 1-bit samples, any
 * other as 8-bit grey or RGB, deflated; transparency over white. A page stored turned (a TIFF or EXIF orientation other
 * than 1, which productions hardly ever carry) is drawn upright first, as the viewer shows it.
 */
async function decoded(out: PDFDocument, bytes: Uint8Array, format: ImageFormat | null, dpi: { x: number; y: number } | null): Promise<void> {
  if (format === null) throw new UserError('unsupported_format', 'it is not a picture or PDF this app reads');
  const decoder = format === 'tiff' ? openTiffPicture(bytes) : format === 'heic' ? openHeifPicture(bytes) : openRasterPicture(bytes, format);
  for (let i = 0; i < decoder.pageCount; i++) {
    const page = await decoder.decode(i);
    let pixels = { canvas: page.source, width: page.width, height: page.height };
    let pageDpi = dpi;
    if (page.orientation !== 1) {
      pixels = drawUpright(page, MAX_DECODE_PIXELS);
      // Drawn with square pixels, so one resolution serves both directions: the finer of the two.
      const d = dpi ? Math.max(dpi.x, dpi.y) : DEFAULT_DPI;
      pageDpi = { x: d, y: d };
    }
    const { canvas, width, height } = pixels;
    const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    const { samples, colorSpace, bits } = decoder.storage(i) === 'bilevel' ? oneBit(rgba, width, height) : eightBit(rgba, width, height);
    const deflated = zlib.deflateSync(samples);
    const dict = out.context.obj({
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: colorSpace,
      BitsPerComponent: bits,
      Filter: 'FlateDecode',
      Length: deflated.length,
    });
    placeFullPage(out, out.context.register(PDFRawStream.of(dict, deflated)), width, height, pageDpi);
  }
}

/** A sample over white: what the page shows where the picture is partly transparent. */
function overWhite(value: number, alpha: number): number {
  return alpha === 255 ? value : Math.round(255 - (alpha * (255 - value)) / 255);
}

function oneBit(rgba: Uint8ClampedArray, width: number, height: number) {
  const rowBytes = (width + 7) >> 3;
  const samples = new Uint8Array(rowBytes * height).fill(0xff);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (overWhite(rgba[i + 1]!, rgba[i + 3]!) < 128) samples[y * rowBytes + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
  }
  return { samples, colorSpace: 'DeviceGray', bits: 1 };
}

function eightBit(rgba: Uint8ClampedArray, width: number, height: number) {
  const pixels = width * height;
  let grey = true;
  for (let i = 0; i < pixels && grey; i++) grey = rgba[i * 4] === rgba[i * 4 + 1] && rgba[i * 4] === rgba[i * 4 + 2];
  const channels = grey ? 1 : 3;
  const samples = new Uint8Array(pixels * channels);
  for (let i = 0; i < pixels; i++) for (let c = 0; c < channels; c++) samples[i * channels + c] = overWhite(rgba[i * 4 + c]!, rgba[i * 4 + 3]!);
  return { samples, colorSpace: grey ? 'DeviceGray' : 'DeviceRGB', bits: 8 };
}

/** A page exactly the image's size at its resolution, the image filling it. */
function placeFullPage(out: PDFDocument, image: PDFRef, width: number, height: number, dpi: { x: number; y: number } | null): void {
  const d = dpi ?? { x: DEFAULT_DPI, y: DEFAULT_DPI };
  const w = round((width / d.x) * 72);
  const h = round((height / d.y) * 72);
  const page = PDFPage.create(out);
  page.setSize(w, h);
  // A fixed name rather than pdf-lib's generated one, so that nothing in the bytes depends on the run.
  page.node.setXObject(PDFName.of('Im0'), image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, 0, 0), drawObject('Im0'), popGraphicsState());
  out.addPage(page);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

// ---- TIFF and JPEG headers ----

interface G4Strip {
  width: number;
  height: number;
  strip: Uint8Array;
  blackIs1: boolean;
  dpi: { x: number; y: number } | null;
}

/**
 * The coded bytes of a single-page TIFF that PDF can decode itself: Group 4 (T.6), one strip, one sample of one bit,
 * upright. Anything else returns null and is decoded instead. A strip written lowest bit first (FillOrder 2, as some
 * scanners and the Relativity samples write) has each byte's bits reversed: the same code, in the order PDF reads.
 */
function g4Strip(bytes: Uint8Array): G4Strip | null {
  const { offsets } = tiffPageOffsets(bytes);
  if (offsets.length !== 1) return null;
  const tags = readTags(bytes, offsets[0]!);
  const one = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback;
  const width = one(256, 0);
  const height = one(257, 0);
  const stripOffsets = tags.get(273);
  const stripBytes = tags.get(279);
  if (one(259, 1) !== 4 || one(266, 1) > 2 || one(258, 1) !== 1 || one(277, 1) !== 1 || one(274, 1) !== 1) return null;
  // T6Options bit 1: uncompressed mode, which PDF's filter does not promise to decode.
  if ((one(293, 0) & 2) !== 0) return null;
  const photometric = one(262, 0);
  if (photometric > 1 || width < 1 || height < 1) return null;
  if (stripOffsets?.length !== 1 || stripBytes?.length !== 1) return null;
  const [start, length] = [stripOffsets[0]!, stripBytes[0]!];
  if (length < 1 || start + length > bytes.length) return null;
  const strip = bytes.slice(start, start + length);
  if (one(266, 1) === 2) for (let i = 0; i < strip.length; i++) strip[i] = REVERSED[strip[i]!]!;
  return { width, height, strip, blackIs1: photometric === 1, dpi: resolution(tags) };
}

const REVERSED = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
  return r;
});

function tiffDpi(bytes: Uint8Array): { x: number; y: number } | null {
  try {
    const { offsets } = tiffPageOffsets(bytes);
    return resolution(readTags(bytes, offsets[0]!));
  } catch {
    return null;
  }
}

/** Dots per inch from XResolution, YResolution and ResolutionUnit (2 inch, 3 centimetre; 1 means no unit). */
function resolution(tags: Map<number, number[]>): { x: number; y: number } | null {
  const unit = tags.get(296)?.[0] ?? 2;
  const x = tags.get(282)?.[0];
  const y = tags.get(283)?.[0] ?? x;
  if (unit === 1 || !x || !y || !(x > 0 && y > 0)) return null;
  const scale = unit === 3 ? 2.54 : 1;
  return { x: x * scale, y: y * scale };
}

const SIZES: Record<number, number> = { 3: 2, 4: 4, 5: 8 };

/** The short, long and rational tags of one directory (rationals as their value); others are skipped. */
function readTags(bytes: Uint8Array, offset: number): Map<number, number[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const tags = new Map<number, number[]>();
  const count = view.getUint16(offset, le);
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * 12;
    if (entry + 12 > bytes.length) break;
    const tag = view.getUint16(entry, le);
    const type = view.getUint16(entry + 2, le);
    const n = view.getUint32(entry + 4, le);
    const size = SIZES[type];
    if (size === undefined || n > 1 << 20) continue;
    const at = n * size <= 4 ? entry + 8 : view.getUint32(entry + 8, le);
    if (at + n * size > bytes.length) continue;
    const values: number[] = [];
    for (let k = 0; k < n; k++) {
      const p = at + k * size;
      if (type === 3) values.push(view.getUint16(p, le));
      else if (type === 4) values.push(view.getUint32(p, le));
      else {
        const den = view.getUint32(p + 4, le);
        values.push(den === 0 ? 0 : view.getUint32(p, le) / den);
      }
    }
    tags.set(tag, values);
  }
  return tags;
}

/** The density of a JFIF header (APP0), in dots per inch; null when it gives none or only an aspect ratio. */
function jfifDpi(bytes: Uint8Array): { x: number; y: number } | null {
  if (bytes.length < 18 || bytes[2] !== 0xff || bytes[3] !== 0xe0) return null;
  if (Buffer.from(bytes.subarray(6, 11)).toString('latin1') !== 'JFIF\0') return null;
  const unit = bytes[13]!;
  const x = (bytes[14]! << 8) | bytes[15]!;
  const y = (bytes[16]! << 8) | bytes[17]!;
  if ((unit !== 1 && unit !== 2) || x === 0 || y === 0) return null;
  const scale = unit === 2 ? 2.54 : 1;
  return { x: x * scale, y: y * scale };
}
