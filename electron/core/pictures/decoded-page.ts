// What each picture decoder gives: a page's pixels as stored, with how to turn them upright, after a size check.
import type { Canvas } from '@napi-rs/canvas';
import { UserError } from '../../../shared/errors.ts';

// 64 million pixels (256 MB as RGBA): a Legal page scanned at 600 dpi is 40 million, a 48-megapixel phone photo 48.
export const MAX_DECODE_PIXELS = 64_000_000;

/** One page as decoded, before it is turned upright. */
export interface DecodedPage {
  source: Canvas; // the stored pixels, put on a canvas as decoded
  width: number; // stored pixels
  height: number;
  orientation: number; // 1–8, still to be applied
  /** How much to stretch each axis for square pixels (a fax at 204 × 98 dpi is stretched about 2.1 times down). */
  stretch: { x: number; y: number };
}

/** How a page's pixels are stored: black and white (a fax, a G4 scan), other lossless, or lossy (a photo). */
export type Storage = 'bilevel' | 'lossless' | 'lossy';

export interface PictureDecoder {
  pageCount: number;
  /** Read from the page's header, without decoding it. */
  storage(index: number): Storage;
  /** Page `index` (0-based); throws UserError when it cannot be decoded. */
  decode(index: number): Promise<DecodedPage>;
}

/** Refuses a picture too large to decode, before anything is allocated for it. */
export function checkPixels(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new UserError('damaged', 'The picture is damaged: it gives no size.');
  if (width * height > MAX_DECODE_PIXELS) {
    throw new UserError(
      'too_large',
      `The picture is ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels, more than the ${MAX_DECODE_PIXELS / 1_000_000} million pixels a picture may have here.`,
    );
  }
}

