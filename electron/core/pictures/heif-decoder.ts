// HEIC/HEIF pictures (iPhone photos), decoded by libheif compiled to WebAssembly (heic-decode), loaded only when a
// HEIC is first met. libheif applies the picture's own turn and mirror boxes, so the pixels come out upright.
import { createRequire } from 'node:module';
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { UserError } from '../../../shared/errors.ts';
import { checkPixels, type PictureDecoder } from './decoded-page.ts';

interface HeifImage {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
type DecodeAll = (input: { buffer: Uint8Array }) => Promise<HeifImage[] & { dispose(): void }>;

let decodeAll: DecodeAll | null = null;

/** The decoder, or null where its package is missing (then HEIC pictures cannot be shown, and say so). */
function decoder(): DecodeAll | null {
  if (decodeAll) return decodeAll;
  try {
    decodeAll = (createRequire(import.meta.url)('heic-decode') as { all: DecodeAll }).all;
  } catch {
    return null;
  }
  return decodeAll;
}

export function openHeifPicture(bytes: Uint8Array): PictureDecoder {
  const all = decoder();
  if (!all) throw new UserError('unsupported_format', 'HEIC pictures cannot be shown here: their decoder is not installed.');
  return {
    pageCount: 1,
    storage: () => 'lossy',
    // Opened anew for each decode: libheif's memory is given back as soon as the page is drawn.
    async decode() {
      let images: Awaited<ReturnType<DecodeAll>>;
      try {
        images = await all({ buffer: bytes });
      } catch {
        throw damaged();
      }
      try {
        // The first image is the primary one; others (bursts, depth maps) are not pages a reader sees.
        const image = images[0]!;
        checkPixels(image.width, image.height);
        const decoded = await image.decode().catch(() => {
          throw damaged();
        });
        const canvas = createCanvas(decoded.width, decoded.height);
        canvas.getContext('2d').putImageData(new ImageData(decoded.data, decoded.width, decoded.height), 0, 0);
        return { source: canvas, width: decoded.width, height: decoded.height, orientation: 1, stretch: { x: 1, y: 1 } };
      } finally {
        images.dispose();
      }
    },
  };
}

function damaged(): UserError {
  return new UserError('damaged', 'The HEIC picture could not be decoded; the file is damaged.');
}
