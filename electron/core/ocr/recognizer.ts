// Tesseract (tesseract.js, WebAssembly) set up to read English entirely offline: its language data comes from the
// @tesseract.js-data/eng package in node_modules, nothing is cached to disk, and no path it is given is a URL.
import { createRequire } from 'node:module';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import type { OcrLayout, OcrWord } from '../store/ocr-text.ts';

// The LSTM-only "best_int" model: what tesseract.js itself would fetch for LSTM recognition, here read from disk.
const LANG_DIR = '4.0.0_best_int';

function languagePath(): string {
  const data = path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json'));
  return path.join(data, LANG_DIR);
}

export interface PageReading {
  text: string;
  layout: OcrLayout;
}

export interface Recognizer {
  read(png: Buffer): Promise<PageReading>;
  close(): Promise<void>;
}

export async function createRecognizer(): Promise<Recognizer> {
  const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
    langPath: languagePath(),
    gzip: true,
    // 'none': never read or write a cached copy of the language data (it would land in the working directory).
    cacheMethod: 'none',
    logger: () => {},
    errorHandler: () => {},
  });
  return {
    async read(png) {
      const { data } = await worker.recognize(png, {}, { text: true, blocks: true });
      return { text: data.text.trim(), layout: { words: wordsOf(data, imageSize(png)) } };
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Width and height of a PNG, from its IHDR chunk. */
function imageSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** Each word with its box as fractions of the image, in reading order (block, paragraph, line, word). */
function wordsOf(page: Tesseract.Page, size: { width: number; height: number }): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = word.text.trim();
          if (!text) continue;
          const { x0, y0, x1, y1 } = word.bbox;
          words.push([text, round(x0 / size.width), round(y0 / size.height), round(x1 / size.width), round(y1 / size.height)]);
        }
      }
    }
  }
  return words;
}
