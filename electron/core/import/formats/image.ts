// Image importer (PNG, JPEG, TIFF, GIF, BMP, WebP, HEIC): header facts and page count; each page is stored without
// text, as a scanned PDF page is, so that OCR reads it later.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';
import { imageFormatOf, MAX_TIFF_PAGES, readImageInfo, type ImageInfo } from './image-header.ts';

// Beyond this a side is not a real scan or photo; nothing here allocates per pixel, but viewers may.
const MAX_PLAUSIBLE_SIDE = 100_000;

const ORIENTATION_FIX: Record<number, string> = {
  2: 'mirror it left to right',
  3: 'turn it 180°',
  4: 'mirror it top to bottom',
  5: 'mirror it left to right and turn it 90° counter-clockwise',
  6: 'turn it 90° clockwise',
  7: 'mirror it left to right and turn it 90° clockwise',
  8: 'turn it 90° counter-clockwise',
};

function pages(count: number): string {
  return count === 1 ? '1 page' : `${count.toLocaleString('en-US')} pages`;
}

function warningsFor(info: ImageInfo): string[] {
  const warnings: string[] = [];
  if (info.truncated) warnings.push('The image file is truncated; part of it may not display.');
  if (info.width > MAX_PLAUSIBLE_SIDE || info.height > MAX_PLAUSIBLE_SIDE) {
    warnings.push(`The image claims to be ${info.width} × ${info.height} pixels, which is implausible; it may be damaged and may not display.`);
  }
  if (info.pageChain === 'loops') warnings.push(`The TIFF's page chain loops; counted ${pages(info.pageCount)}.`);
  if (info.pageChain === 'broken') {
    warnings.push(`The TIFF's page chain breaks off after ${pages(info.pageCount)}; any later pages are missing.`);
  }
  if (info.pageChain === 'capped') {
    warnings.push(`The TIFF has more than ${pages(MAX_TIFF_PAGES)}; only the first ${MAX_TIFF_PAGES.toLocaleString('en-US')} were counted.`);
  }
  const fix = info.orientation === null ? undefined : ORIENTATION_FIX[info.orientation];
  if (fix) {
    warnings.push(`The picture is stored rotated or mirrored: its EXIF orientation (${info.orientation}) says to ${fix} to see it upright.`);
  }
  if (info.cmyk) warnings.push('The JPEG uses CMYK colour; some viewers show its colours wrongly.');
  return warnings;
}

export const imageExtractor: Extractor = {
  name: 'image',
  accepts(head) {
    return imageFormatOf(head) !== null;
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const info = readImageInfo(bytes);
    return {
      ...emptyDocument('image', info.mediaType),
      pageCount: info.pageCount,
      pages: Array.from({ length: info.pageCount }, (_, i) => ({ page: i + 1, text: '' })),
      textLayer: false,
      warnings: warningsFor(info),
    };
  },
};
