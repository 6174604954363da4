// Prints each page of a picture exhibit (every page of a TIFF; JPEG, PNG, GIF, BMP, WebP, HEIC) on a Letter page
// (turned to landscape for a wide picture), upright as its orientation says, scaled to fit inside the margins. A
// complete JPEG or PNG is embedded as it is; any other page is decoded and embedded anew, one page at a time: bilevel
// scans (faxes, G4 TIFFs) as 1-bit images at their own resolution, other lossless pictures losslessly, photos as JPEG.
import zlib from 'node:zlib';
import { PDFPage, PDFRawStream, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import type { Rect } from '../../../shared/model.ts';
import { readImageInfo, type ImageInfo } from '../import/formats/image-header.ts';
import { MAX_DECODE_PIXELS } from '../pictures/decoded-page.ts';
import type { Picture, UprightPage } from '../pictures/picture.ts';
import type { PlacedOriginalPage } from './original-page.ts';
import { compose, pageView, type Matrix } from './page-geometry.ts';
import { LETTER, MARGIN } from './text-flow.ts';

/** From the stored picture's unit square to the upright picture's unit square, for EXIF orientations 1–8. */
const ORIENTATIONS: Record<number, Matrix> = {
  1: [1, 0, 0, 1, 0, 0],
  2: [-1, 0, 0, 1, 1, 0],
  3: [-1, 0, 0, -1, 1, 1],
  4: [1, 0, 0, -1, 0, 1],
  5: [0, -1, -1, 0, 1, 1],
  6: [0, -1, 1, 0, 0, 1],
  7: [0, 1, 1, 0, 0, 0],
  8: [0, 1, -1, 0, 1, 0],
};

// About 300 dpi over the printable area of a Letter page: finer detail would not print.
const PRINT_PIXELS = 9_000_000;
// A bilevel scan keeps its own resolution up to this (a 400 dpi A4 page is 15.5 million): at 1 bit a pixel it is small.
const BILEVEL_PIXELS = 16_000_000;
const JPEG_QUALITY = 85;

/** A picture exhibit's original, opened once for all its pages. */
export interface PictureOriginal {
  bytes: Uint8Array;
  info: ImageInfo;
  picture: Picture | null;
}

export function pictureOriginal(bytes: Uint8Array): PictureOriginal {
  return { bytes, info: readImageInfo(bytes), picture: null };
}

/** Page `index` (0-based) of the picture on its own export page, placed as an original page is (for the OCR words). */
export async function imagePage(out: PDFDocument, original: PictureOriginal, index: number, redacted: Rect[] = []): Promise<PlacedOriginalPage> {
  if (index === 0 && redacted.length === 0 && embedsAsItIs(original.info)) {
    const placed = await placeAsItIs(out, original).catch(() => null);
    if (placed) return placed;
  }
  // The picture decoders (a native canvas among them) load with the first picture an export prints.
  original.picture ??= await (await import('../pictures/picture.ts')).openPicture(original.bytes);
  const storage = original.picture.storage(index);
  const upright = await original.picture.render(index, storage === 'bilevel' ? BILEVEL_PIXELS : PRINT_PIXELS);
  if (redacted.length > 0) blackOutCanvas(upright, redacted);
  const ref = storage === 'bilevel' ? bilevelImage(out, upright) : await embedPixels(out, upright, storage === 'lossy');
  return place(out, ref, { width: upright.width, height: upright.height }, ORIENTATIONS[1]!);
}

/** Redaction boxes painted black into the decoded page, before it is embedded in any form (bilevel, lossless, JPEG). */
function blackOutCanvas(upright: UprightPage, rects: Rect[]): void {
  const g = upright.canvas.getContext('2d');
  g.save();
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.fillStyle = '#000000';
  for (const r of rects) {
    const x0 = Math.max(0, Math.floor(r.x * upright.width) - 1);
    const y0 = Math.max(0, Math.floor(r.y * upright.height) - 1);
    const x1 = Math.min(upright.width, Math.ceil((r.x + r.width) * upright.width) + 1);
    const y1 = Math.min(upright.height, Math.ceil((r.y + r.height) * upright.height) + 1);
    g.fillRect(x0, y0, x1 - x0, y1 - y0);
  }
  g.restore();
}

/** A complete RGB or grey JPEG goes in untouched (PDF reads JPEG itself), a complete PNG as its pixels; a CMYK or
 * cut-short one is redrawn, as is a PNG that pdf-lib cannot read. */
function embedsAsItIs(info: ImageInfo): boolean {
  return (info.format === 'jpeg' || info.format === 'png') && !info.truncated && !info.cmyk && info.width * info.height <= MAX_DECODE_PIXELS;
}

async function placeAsItIs(out: PDFDocument, original: PictureOriginal): Promise<PlacedOriginalPage> {
  const image = original.info.format === 'png' ? await out.embedPng(original.bytes) : await out.embedJpg(original.bytes);
  // Written out with the page rather than when the file is finished, so that its data is not held until then.
  await image.embed();
  const orientation = original.info.orientation ?? 1;
  const turned = orientation >= 5;
  const size = turned ? { width: image.height, height: image.width } : { width: image.width, height: image.height };
  return place(out, image.ref, size, ORIENTATIONS[orientation] ?? ORIENTATIONS[1]!);
}

/** Black where the page is darker than mid-grey, packed 8 pixels a byte (1 is white, as DeviceGray reads it). */
function bilevelImage(out: PDFDocument, upright: UprightPage): PDFRef {
  const { width, height } = upright;
  const rgba = upright.canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const rowBytes = Math.ceil(width / 8);
  const bits = new Uint8Array(rowBytes * height).fill(0xff);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 1]! < 128) bits[y * rowBytes + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
  }
  return deflatedImage(out, bits, { Width: width, Height: height, ColorSpace: 'DeviceGray', BitsPerComponent: 1 });
}

/** A photo as JPEG; a lossless picture as compressed grey or RGB samples. */
async function embedPixels(out: PDFDocument, upright: UprightPage, lossy: boolean): Promise<PDFRef> {
  if (lossy) {
    const image = await out.embedJpg(upright.canvas.toBuffer('image/jpeg', JPEG_QUALITY));
    await image.embed();
    return image.ref;
  }
  const { width, height } = upright;
  const rgba = upright.canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const pixels = width * height;
  let grey = true;
  for (let i = 0; i < pixels && grey; i++) grey = rgba[i * 4] === rgba[i * 4 + 1] && rgba[i * 4] === rgba[i * 4 + 2];
  const channels = grey ? 1 : 3;
  const samples = new Uint8Array(pixels * channels);
  for (let i = 0; i < pixels; i++) for (let c = 0; c < channels; c++) samples[i * channels + c] = rgba[i * 4 + c]!;
  return deflatedImage(out, samples, { Width: width, Height: height, ColorSpace: grey ? 'DeviceGray' : 'DeviceRGB', BitsPerComponent: 8 });
}

/**
 * An image XObject of raw samples, deflated by Node's zlib rather than pdf-lib's JavaScript deflate: seven times
 * faster on a page of pixels (20 ms against 141 ms for a 200 dpi Letter page), the same format.
 */
export function deflatedImage(out: PDFDocument, samples: Uint8Array, dict: Record<string, string | number>): PDFRef {
  const deflated = zlib.deflateSync(samples);
  const stream = PDFRawStream.of(out.context.obj({ Type: 'XObject', Subtype: 'Image', ...dict, Filter: 'FlateDecode', Length: deflated.length }), deflated);
  return out.context.register(stream);
}

/** A page, landscape for a wide picture, with the picture fitted inside its margins and centred. */
function place(out: PDFDocument, image: PDFRef, size: { width: number; height: number }, orientation: Matrix): PlacedOriginalPage {
  const [pageWidth, pageHeight] = size.width > size.height ? [LETTER.height, LETTER.width] : [LETTER.width, LETTER.height];
  const scale = Math.min((pageWidth - 2 * MARGIN) / size.width, (pageHeight - 2 * MARGIN) / size.height);
  const [w, h] = [size.width * scale, size.height * scale];
  const [x, y] = [(pageWidth - w) / 2, (pageHeight - h) / 2];
  const page = PDFPage.create(out);
  page.setSize(pageWidth, pageHeight);
  const name = page.node.newXObject('Image', image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...compose(orientation, [w, 0, 0, h, x, y])), drawObject(name), popGraphicsState());
  return {
    page,
    view: pageView({ x0: 0, y0: 0, x1: pageWidth, y1: pageHeight }, 0),
    original: { width: w, height: h, toPage: [1, 0, 0, 1, x, y] },
  };
}
