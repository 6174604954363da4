// PNG (pngjs), JPEG including CMYK (jpeg-js), GIF's first frame (omggif), BMP (bmp-js) and WebP (libwebp as
// WebAssembly, @jsquash/webp): decoded in JavaScript or WebAssembly, never by Skia, whose image decoding (through
// @napi-rs/canvas) crashes the whole process on a damaged header. Only the decoded pixels are handed to a canvas.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { UserError } from '../../../shared/errors.ts';
import { readImageInfo, type ImageFormat } from '../import/formats/image-header.ts';
import { checkPixels, MAX_DECODE_PIXELS, type PictureDecoder } from './decoded-page.ts';
import { validOrientation } from './orientation.ts';

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

const require = createRequire(import.meta.url);

const DECODERS: Partial<Record<ImageFormat, (bytes: Buffer) => Rgba | Promise<Rgba>>> = {
  png: (bytes) => (require('pngjs') as { PNG: { sync: { read(b: Buffer): Rgba } } }).PNG.sync.read(bytes),
  jpeg: (bytes) =>
    (require('jpeg-js') as typeof import('jpeg-js')).decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: true,
      maxResolutionInMP: MAX_DECODE_PIXELS / 1_000_000,
      maxMemoryUsageInMB: 1024,
    }),
  gif: decodeGif,
  bmp: decodeBmp,
  webp: decodeWebp,
};

export function openRasterPicture(bytes: Uint8Array, format: ImageFormat): PictureDecoder {
  const decode = DECODERS[format];
  if (!decode) throw new Error(`no raster decoder for ${format}`);
  const info = readImageInfo(bytes);
  checkPixels(info.width, info.height);
  return {
    pageCount: 1,
    // A WebP is lossy unless its bitstream is VP8L (or an extended file holding one).
    storage: () => (format === 'jpeg' || (format === 'webp' && !hasLosslessWebp(bytes)) ? 'lossy' : 'lossless'),
    async decode() {
      let rgba: Rgba;
      try {
        rgba = await decode(ended(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), format, info.truncated));
      } catch {
        throw new UserError('damaged', info.truncated ? 'The picture is cut short and could not be decoded.' : 'The picture could not be decoded; the file is damaged.');
      }
      const { width, height } = rgba;
      checkPixels(width, height);
      if (rgba.data.length < width * height * 4) throw new UserError('damaged', 'The picture could not be decoded; the file is damaged.');
      const canvas = createCanvas(width, height);
      const pixels = new Uint8ClampedArray(rgba.data.buffer, rgba.data.byteOffset, width * height * 4);
      canvas.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0);
      return { source: canvas, width, height, orientation: validOrientation(info.orientation), stretch: { x: 1, y: 1 } };
    },
  };
}

/** A cut-short JPEG given its end marker, so that what there is of it is drawn (the rest comes out grey), as viewers do. */
function ended(bytes: Buffer, format: ImageFormat, truncated: boolean): Buffer {
  return format === 'jpeg' && truncated ? Buffer.concat([bytes, Buffer.from([0xff, 0xd9])]) : bytes;
}

function hasLosslessWebp(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).includes('VP8L', 12, 'latin1');
}

interface GifReader {
  width: number;
  height: number;
  numFrames(): number;
  decodeAndBlitFrameRGBA(frame: number, pixels: Uint8Array): void;
}

/** The first frame on white (a GIF's transparent pixels are left at 0 and the page's white shows through). */
function decodeGif(bytes: Buffer): Rgba {
  const { GifReader } = require('omggif') as { GifReader: new (b: Uint8Array) => GifReader };
  const reader = new GifReader(bytes);
  checkPixels(reader.width, reader.height);
  if (reader.numFrames() < 1) throw new Error('no frame');
  const data = new Uint8Array(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, data);
  return { width: reader.width, height: reader.height, data };
}

/** bmp-js gives A, B, G, R bytes per pixel, which are put in R, G, B, A order here (alpha opaque). */
function decodeBmp(bytes: Buffer): Rgba {
  const bmp = (require('bmp-js') as { decode(b: Buffer): { width: number; height: number; data: Buffer } }).decode(bytes);
  const data = new Uint8Array(bmp.width * bmp.height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = bmp.data[i + 3]!;
    data[i + 1] = bmp.data[i + 2]!;
    data[i + 2] = bmp.data[i + 1]!;
    data[i + 3] = 255;
  }
  return { width: bmp.width, height: bmp.height, data };
}

// Node's WebAssembly global (this project's type settings leave it undeclared).
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } }).WebAssembly;

type WebpDecode = (buffer: ArrayBuffer) => Promise<Rgba>;
let webp: Promise<WebpDecode> | null = null;

/** libwebp's WebAssembly, compiled from its file in the package (no fetch: this runs offline, in Node). */
function webpDecoder(): Promise<WebpDecode> {
  webp ??= (async () => {
    const module = (await import('@jsquash/webp/decode.js')) as { default: WebpDecode; init(m: unknown): Promise<void> };
    const wasm = fs.readFileSync(require.resolve('@jsquash/webp/codec/dec/webp_dec.wasm'));
    await module.init(await wasmApi.compile(wasm));
    return module.default;
  })();
  return webp;
}

async function decodeWebp(bytes: Buffer): Promise<Rgba> {
  const decode = await webpDecoder();
  return decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}
