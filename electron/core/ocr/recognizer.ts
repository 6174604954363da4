// Tesseract (tesseract.js, WebAssembly) set up to read entirely offline: English from the @tesseract.js-data/eng
// package in node_modules, other languages from a folder the user names (ocr-languages.ts); nothing is cached to
// disk, and no path it is given is a URL. A page
// whose text is turned (baked into the picture at 90, 180 or 270°) is found out and read upright (page-turns.ts).
import type { Image } from '@napi-rs/canvas';
import Tesseract from 'tesseract.js';
import type { OcrLayout, OcrWord } from '../store/ocr-text.ts';
import { MARGIN_BAND } from '../import/formats/pdf-page-facts.ts';
import { ocrLanguages } from './ocr-languages.ts';
import { pictureOf, turnBox, turned, TURNS, type Turn } from './page-turns.ts';

// A reading this sure of the words in the page's body (Tesseract's mean word confidence, 0–100) is taken as upright
// without trying turns: upright print reads at 80–95, turned print as noise at 30–60. Words in the margin bands do not
// count: a court's stamp is laid over a scan upright however the scan itself is turned.
const SURE = 70;
// Turns are compared on a copy this many pixels on its long side (about 100 dpi for a letter page): a quarter of the work.
const PREVIEW_PIXELS = 1100;
// A turn is taken only when it reads clearly more than the page as it stands.
const BETTER_BY = 1.5;


export interface PageReading {
  text: string;
  layout: OcrLayout;
}

export interface Recognizer {
  read(png: Buffer): Promise<PageReading>;
  close(): Promise<void>;
}

export async function createRecognizer(): Promise<Recognizer> {
  const { languages, dataDir } = ocrLanguages();
  const worker = await Tesseract.createWorker(languages, Tesseract.OEM.LSTM_ONLY, {
    langPath: dataDir,
    gzip: true,
    // 'none': never read or write a cached copy of the language data (it would land in the working directory).
    cacheMethod: 'none',
    logger: () => {},
    errorHandler: () => {},
  });
  const recognize: Recognize = async (png) => ({ page: (await worker.recognize(png, {}, { text: true, blocks: true })).data, size: imageSize(png) });
  return {
    async read(png) {
      const upright = await recognize(png);
      const body = bodyReading(upright);
      let turn: Turn = 0;
      let [page, read] = [upright.page, png];
      if (body.confidence < SURE) {
        const picture = await pictureOf(png);
        turn = await bestTurn(picture, body.legible, recognize);
        if (turn !== 0) {
          read = await turned(picture, turn);
          page = (await recognize(read)).page;
        }
      }
      const layout: OcrLayout = { words: wordsOf(page, imageSize(read), turn) };
      if (turn !== 0) layout.turn = turn;
      return { text: page.text.trim(), layout };
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/**
 * The turn under which the page reads best: 0 unless a small copy turned reads clearly more than the page itself did
 * (`asIs`; the score counts letters, so a copy and the full page compare fairly).
 */
async function bestTurn(picture: Image, asIs: number, recognize: Recognize): Promise<Turn> {
  const scale = Math.min(1, PREVIEW_PIXELS / Math.max(picture.width, picture.height));
  const scores = new Map<Turn, number>([[0, asIs]]);
  for (const turn of TURNS.slice(1)) scores.set(turn, bodyReading(await recognize(await turned(picture, turn, scale))).legible);
  let best: Turn = 0;
  for (const [turn, score] of scores) if (score > scores.get(best)! * BETTER_BY && score > scores.get(best)! + 10) best = turn;
  return best;
}

type Recognize = (png: Buffer) => Promise<{ page: Tesseract.Page; size: { width: number; height: number } }>;

/**
 * How well the body of the page (inside the margin bands) reads: Tesseract's mean confidence in its words (0 without
 * any), and how much of it makes sense — the letters of the words it is fairly sure of.
 */
function bodyReading({ page, size }: Awaited<ReturnType<Recognize>>): { confidence: number; legible: number } {
  let [sum, count, legible] = [0, 0, 0];
  for (const word of allWords(page)) {
    const x = (word.bbox.x0 + word.bbox.x1) / 2 / size.width;
    const y = (word.bbox.y0 + word.bbox.y1) / 2 / size.height;
    if (Math.min(x, y, 1 - x, 1 - y) < MARGIN_BAND) continue;
    sum += word.confidence;
    count++;
    if (word.confidence >= 60 && /[\p{L}\p{N}]{2}/u.test(word.text)) legible += word.text.length;
  }
  return { confidence: count === 0 ? 0 : sum / count, legible };
}

function* allWords(page: Tesseract.Page): Generator<Tesseract.Word> {
  for (const block of page.blocks ?? []) for (const paragraph of block.paragraphs) for (const line of paragraph.lines) yield* line.words;
}

/** Width and height of a PNG, from its IHDR chunk. */
function imageSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Each word with its box as fractions of the page as it was rendered (as a reader sees it, not as it was read), in
 * reading order (block, paragraph, line, word); `turn` is how the picture was turned to be read.
 */
function wordsOf(page: Tesseract.Page, { width, height }: { width: number; height: number }, turn: Turn): OcrWord[] {
  const words: OcrWord[] = [];
  for (const word of allWords(page)) {
    const text = word.text.trim();
    if (!text) continue;
    const { x0, y0, x1, y1 } = word.bbox;
    const [a, b, c, d] = turnBox([x0 / width, y0 / height, x1 / width, y1 / height], turn);
    words.push([text, round(a), round(b), round(c), round(d)]);
  }
  return words;
}
