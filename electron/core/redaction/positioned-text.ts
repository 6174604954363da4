// A page's text with where each character sits, as fractions of the page as shown from its top-left: what search
// and redaction measure matches with, and what a redacted page's text layer is rebuilt from. PDF pages give their
// characters' own boxes (PDFium); OCR gives words, whose characters are placed along the word in proportion.
import type { Rect } from '../../../shared/model.ts';
import type { PageChars } from '../import/formats/pdfium-document.ts';
import type { OcrLayout } from '../store/ocr-text.ts';

export type Box = [number, number, number, number];

export interface PositionedText {
  text: string;
  /** One per UTF-16 unit of `text`; null for a character with no place of its own (an inferred space or line break). */
  boxes: (Box | null)[];
}

export const EMPTY_TEXT: PositionedText = { text: '', boxes: [] };

export function fromPageChars(chars: PageChars): PositionedText {
  // The engine marks a hyphen that ends a line with U+0002; it is still a hyphen on the page.
  return { text: chars.text.replace(/\u0002/g, '-').replace(/\r\n?/g, '\n '), boxes: chars.boxes };
}

/** OCR words, a space between words and a line break where a word begins left of the last one on a lower line. */
export function fromOcrLayout(layout: OcrLayout | null): PositionedText {
  if (!layout) return EMPTY_TEXT;
  let text = '';
  const boxes: (Box | null)[] = [];
  let last: Box | null = null;
  for (const [word, x0, y0, x1, y1] of layout.words) {
    if (word === '') continue;
    if (last) {
      text += x0 < last[0] && y0 > (last[1] + last[3]) / 2 ? '\n' : ' ';
      boxes.push(null);
    }
    const units = word.length;
    for (let i = 0; i < units; i++) boxes.push([x0 + ((x1 - x0) * i) / units, y0, x0 + ((x1 - x0) * (i + 1)) / units, y1]);
    text += word;
    last = [x0, y0, x1, y1];
  }
  return { text, boxes };
}

/** Two texts of one page, one after the other (a PDF page's own text, then what OCR read on its pictures). */
export function joinTexts(a: PositionedText, b: PositionedText): PositionedText {
  if (a.text === '') return b;
  if (b.text === '') return a;
  return { text: `${a.text}\n${b.text}`, boxes: [...a.boxes, null, ...b.boxes] };
}

/**
 * The rectangles covering characters [start, end), one per line: as tall as the line's characters, padded a little
 * above and below so that accents and descenders go too, never sideways into the characters kept beside them.
 */
export function spanRects(text: PositionedText, start: number, end: number): Rect[] {
  const lines: Box[] = [];
  for (let i = start; i < end; i++) {
    const b = text.boxes[i];
    if (!b || /\s/.test(text.text[i]!)) continue;
    const line = lines.at(-1);
    const sameLine = line && Math.min(line[3], b[3]) - Math.max(line[1], b[1]) > 0.3 * Math.min(line[3] - line[1], b[3] - b[1]) && b[0] >= line[0] - 0.001;
    if (line && sameLine) {
      line[0] = Math.min(line[0], b[0]);
      line[1] = Math.min(line[1], b[1]);
      line[2] = Math.max(line[2], b[2]);
      line[3] = Math.max(line[3], b[3]);
    } else lines.push([...b]);
  }
  return lines.map(([x0, y0, x1, y1]) => {
    const pad = Math.max(0.002, (y1 - y0) * 0.25);
    const top = Math.max(0, y0 - pad);
    const bottom = Math.min(1, y1 + pad);
    return { x: round(x0), y: round(top), width: round(x1 - x0), height: round(bottom - top) };
  });
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

// Overlap below this (a millionth of the page's width, 0.0006 pt) is rounding, not a character under a box: a box
// made to end where the next character begins must not take it.
const EPSILON = 1e-5;

/** Whether a character's box overlaps a rectangle at all: one that is partly under a redaction is removed whole. */
export function touches(box: Box, r: Rect): boolean {
  return box[0] < r.x + r.width - EPSILON && box[2] > r.x + EPSILON && box[1] < r.y + r.height - EPSILON && box[3] > r.y + EPSILON;
}

/**
 * The text left on a page once the rectangles are removed, as runs of characters (each on one line, with the box it
 * spans) for an invisible text layer: [text, x0, y0, x1, y1] as OCR words are stored.
 */
export function keptRuns(text: PositionedText, removed: Rect[]): [string, number, number, number, number][] {
  const runs: [string, number, number, number, number][] = [];
  let run: { text: string; box: Box } | null = null;
  const close = () => {
    if (run && run.text.trim() !== '') runs.push([run.text.trim(), ...run.box]);
    run = null;
  };
  for (let i = 0; i < text.text.length; i++) {
    const ch = text.text[i]!;
    const b = text.boxes[i];
    if (ch === '\n') {
      close();
      continue;
    }
    if (!b) {
      if (run && /\s/.test(ch)) run.text += ch;
      continue;
    }
    if (removed.some((r) => touches(b, r))) {
      close();
      continue;
    }
    const r: { text: string; box: Box } | null = run;
    const onLine = r !== null && Math.min(r.box[3], b[3]) - Math.max(r.box[1], b[1]) > 0 && b[0] >= r.box[2] - 0.01 && b[0] - r.box[2] < 0.05;
    if (r !== null && onLine) {
      r.text += /\s/.test(ch) && /\s$/.test(r.text) ? '' : ch;
      r.box = [r.box[0], Math.min(r.box[1], b[1]), Math.max(r.box[2], b[2]), Math.max(r.box[3], b[3])];
    } else {
      close();
      if (!/\s/.test(ch)) run = { text: ch, box: [...b] };
    }
  }
  close();
  return runs;
}
