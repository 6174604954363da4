// Pictures as pages of pixels: every page of a JPEG, PNG, TIFF, GIF, BMP, WebP or HEIC file drawn upright (as its
// EXIF or TIFF orientation says) on white, scaled down to a pixel budget. Sizes are checked before anything is
// decoded, so an absurd picture is refused without allocating for it.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { UserError } from '../../../shared/errors.ts';
import { imageFormatOf, type ImageFormat } from '../import/formats/image-header.ts';
import type { DecodedPage, Storage } from './decoded-page.ts';
import { openHeifPicture } from './heif-decoder.ts';
import { turnsSideways, uprightTransform } from './orientation.ts';
import { openRasterPicture } from './raster-decoder.ts';
import { openTiffPicture } from './tiff-decoder.ts';

export interface UprightPage {
  canvas: Canvas;
  width: number;
  height: number;
}

export interface Picture {
  format: ImageFormat;
  pageCount: number;
  /** How page `index` (0-based) is stored, read without decoding it. */
  storage(index: number): Storage;
  /** Page `index` (0-based), upright on white, scaled down to at most `maxPixels`. */
  render(index: number, maxPixels: number): Promise<UprightPage>;
}

export function pictureFormatOf(bytes: Uint8Array): ImageFormat | null {
  return imageFormatOf(bytes.subarray(0, 64));
}

export async function openPicture(bytes: Uint8Array): Promise<Picture> {
  const format = pictureFormatOf(bytes);
  if (format === null) throw new UserError('unsupported_format', 'The file is not a picture this app reads.');
  const decoder = format === 'tiff' ? openTiffPicture(bytes) : format === 'heic' ? openHeifPicture(bytes) : openRasterPicture(bytes, format);
  return {
    format,
    pageCount: decoder.pageCount,
    storage: (index) => decoder.storage(index),
    async render(index, maxPixels) {
      if (!(index >= 0 && index < decoder.pageCount)) throw new UserError('not_found', `The picture has no page ${index + 1}.`);
      return drawUpright(await decoder.decode(index), maxPixels);
    },
  };
}

/** The page upright on a new canvas of at most `maxPixels`, with square pixels. */
export function drawUpright(page: DecodedPage, maxPixels: number): UprightPage {
  const shown = { width: page.width * page.stretch.x, height: page.height * page.stretch.y };
  const [w, h] = turnsSideways(page.orientation) ? [shown.height, shown.width] : [shown.width, shown.height];
  const scale = Math.min(1, Math.sqrt(maxPixels / (w * h)));
  const width = Math.max(1, Math.floor(w * scale));
  const height = Math.max(1, Math.floor(h * scale));
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'high';
  g.setTransform(...uprightTransform(page.orientation, page, { width, height }));
  g.drawImage(page.source, 0, 0);
  return { canvas, width, height };
}
