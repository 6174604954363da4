// Prints a PNG or JPEG exhibit on a Letter page (turned to landscape for a wide picture), upright as its EXIF
// orientation says, scaled to fit inside the margins. Other image formats cannot be embedded and are not printed.
import { PDFPage, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFDocument } from '@cantoo/pdf-lib';
import { readImageInfo } from '../import/formats/image-header.ts';
import { LETTER, MARGIN } from './text-flow.ts';
import { compose, pageView, type Matrix, type PageView } from './page-geometry.ts';

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

export function embeddableImage(mediaType: string): boolean {
  return mediaType === 'image/png' || mediaType === 'image/jpeg';
}

export async function imagePage(out: PDFDocument, bytes: Uint8Array, mediaType: string): Promise<{ page: PDFPage; view: PageView }> {
  const info = readImageInfo(bytes);
  const image = mediaType === 'image/png' ? await out.embedPng(bytes) : await out.embedJpg(bytes);
  // Written out with the page rather than when the file is finished, so that its data is not held until then.
  await image.embed();
  const orientation = ORIENTATIONS[info.orientation ?? 1] ?? ORIENTATIONS[1]!;
  const turned = (info.orientation ?? 1) >= 5;
  const width = turned ? image.height : image.width;
  const height = turned ? image.width : image.height;
  const [pageWidth, pageHeight] = width > height ? [LETTER.height, LETTER.width] : [LETTER.width, LETTER.height];
  const scale = Math.min((pageWidth - 2 * MARGIN) / width, (pageHeight - 2 * MARGIN) / height);
  const [w, h] = [width * scale, height * scale];
  const page = PDFPage.create(out);
  page.setSize(pageWidth, pageHeight);
  const name = page.node.newXObject('Image', image.ref);
  const place: Matrix = [w, 0, 0, h, (pageWidth - w) / 2, (pageHeight - h) / 2];
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...compose(orientation, place)), drawObject(name), popGraphicsState());
  return { page, view: pageView({ x0: 0, y0: 0, x1: pageWidth, y1: pageHeight }, 0) };
}
