// Turns a document's stamped PDF into the page images a production is made of, one file a page at 300 dpi: a page
// in colour as a JPEG, any other made black and white at a fixed threshold and written as a single-page Group 4 TIFF.
import { createCanvas, ImageData, type Canvas } from '@napi-rs/canvas';
import { UserError } from '../../../shared/errors.ts';
import { openPdfium, type PdfiumDocument, type PixelBuffer, type RenderedPage } from '../import/formats/pdfium-document.ts';
import { encodeBilevelFromRgba, encodeG4Tiff } from '../production/g4-tiff.ts';
import { stampBand } from './page-geometry.ts';

export const IMAGE_DPI = 300;
// Ledger (11×17 in) at 300 dpi, with room: a larger page is drawn smaller rather than exhausting memory.
const MAX_PIXELS = 20_000_000;

// Whether a page is in colour is judged on its 300 dpi rendering, every third pixel of every third row, outside the
// stamp bands (the confidentiality legend is printed in dark red on every page). A pixel is in colour when its
// channels differ by more than CHROMA: black text, its anti-aliasing and grey scans stay far below it, yellowed paper
// too; a page is in colour when more than COLOUR_SHARE of its area is. 0.1 % of a Letter page is a square a third of
// an inch wide: a red signature stamp or a colour logo makes a page colour, a blue hyperlink in a paragraph does not.
const SAMPLE_STEP = 3;
const CHROMA = 48;
const COLOUR_SHARE = 0.001;
// Quality 85 of 100: a common setting for pages of documents; not tuned here.
const JPEG_QUALITY = 85;

export type PageImageFormat = 'tiff' | 'jpeg';

export interface PageImage {
  format: PageImageFormat;
  bytes: Uint8Array;
}

export interface RenderedDocument {
  images: PageImage[];
  /** Each page's text as the image shows it (what redactions left), for documents whose text must come from the images. */
  texts: string[];
}

export const IMAGE_EXTENSIONS: Record<PageImageFormat, string> = { tiff: '.tif', jpeg: '.jpg' };

/** Memory reused from page to page of a production: the page's pixels (see PixelBuffer) and the JPEG encoder's canvas. */
export interface ImageScratch {
  pixels: PixelBuffer;
  canvas: Canvas | null;
}

export function imageScratch(): ImageScratch {
  return { pixels: { bytes: null }, canvas: null };
}

export async function renderPageImages(pdf: Uint8Array, pages: number, withText: boolean, what: string, scratch: ImageScratch): Promise<RenderedDocument> {
  const doc = await openPdfium(pdf);
  if (!doc) throw new Error(`PDFium cannot open the stamped pages of ${what}`);
  try {
    const images: PageImage[] = [];
    const texts: string[] = [];
    for (let n = 1; n <= pages; n++) {
      images.push(pageImage(doc, n, what, scratch));
      if (withText) texts.push(doc.pageText(n) ?? '');
    }
    return { images, texts };
  } finally {
    doc.close();
  }
}

function pageImage(doc: PdfiumDocument, n: number, what: string, scratch: ImageScratch): PageImage {
  const page = doc.render(n, IMAGE_DPI, MAX_PIXELS, scratch.pixels);
  if (!page) throw new UserError('damaged', `Page ${n} of ${what} could not be rendered as an image; nothing was produced.`);
  if (isColourPage(page)) return { format: 'jpeg', bytes: encodeJpeg(page, scratch) };
  return { format: 'tiff', bytes: encodeG4Tiff({ ...encodeBilevelFromRgba(page.rgba, page.width, page.height), dpi: IMAGE_DPI }) };
}

/** Whether more than a sliver of the page, between its stamp bands, is in colour (see COLOUR_SHARE). */
export function isColourPage(page: RenderedPage): boolean {
  const { rgba, width, height } = page;
  const band = Math.ceil((stampBand(page.heightPt) / page.heightPt) * height);
  let sampled = 0;
  let coloured = 0;
  for (let y = band; y < height - band; y += SAMPLE_STEP) {
    for (let x = 0; x < width; x += SAMPLE_STEP) {
      const i = (y * width + x) * 4;
      const r = rgba[i]!;
      const g = rgba[i + 1]!;
      const b = rgba[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > CHROMA) coloured++;
      sampled++;
    }
  }
  return coloured > Math.max(1, sampled * COLOUR_SHARE);
}

/**
 * A baseline JPEG by @napi-rs/canvas (Skia's libjpeg-turbo, 4:2:0 chroma) rather than jpeg-js: on a 300 dpi letterhead
 * page it took 285 ms against 840 ms and wrote 0.61 MB against 0.78 MB. Its JFIF header is then set to say 300 dpi, so
 * that a reader sizes the page as Letter, not as 2550 points. Encoded on this thread (encodeSync): the export already
 * runs on a worker of its own, and the asynchronous encode, which copies the bitmap to libuv's pool, took three times as long.
 */
function encodeJpeg(page: RenderedPage, scratch: ImageScratch): Uint8Array {
  if (scratch.canvas?.width !== page.width || scratch.canvas.height !== page.height) scratch.canvas = createCanvas(page.width, page.height);
  const pixels = new Uint8ClampedArray(page.rgba.buffer, page.rgba.byteOffset, page.rgba.length);
  scratch.canvas.getContext('2d').putImageData(new ImageData(pixels, page.width, page.height), 0, 0);
  return withJfifDensity(new Uint8Array(scratch.canvas.encodeSync('jpeg', JPEG_QUALITY)), IMAGE_DPI);
}

/** Sets the resolution in a JPEG's JFIF header (APP0 right after SOI; in place), adding one where the encoder wrote none. */
export function withJfifDensity(jpeg: Uint8Array, dpi: number): Uint8Array {
  const jfif = jpeg[2] === 0xff && jpeg[3] === 0xe0 && Buffer.from(jpeg.subarray(6, 11)).toString('latin1') === 'JFIF\0';
  const out = jfif ? jpeg : Buffer.concat([jpeg.subarray(0, 2), JFIF_APP0, jpeg.subarray(2)]);
  out[13] = 1; // units: dots per inch
  out[14] = dpi >> 8;
  out[15] = dpi & 0xff;
  out[16] = dpi >> 8;
  out[17] = dpi & 0xff;
  return out;
}

// FF E0, length 16, "JFIF\0", version 1.1, units, x and y density, no thumbnail.
const JFIF_APP0 = new Uint8Array([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

/** The text of the pages of a stamped PDF as it shows them (the images-as-PDF form of a production). */
export async function pdfPageTexts(pdf: Uint8Array, pages: number, what: string): Promise<string[]> {
  const doc = await openPdfium(pdf);
  if (!doc) throw new Error(`PDFium cannot open the stamped pages of ${what}`);
  try {
    return Array.from({ length: pages }, (_, i) => doc.pageText(i + 1) ?? '');
  } finally {
    doc.close();
  }
}
