// Finds where a quoted passage stands on a rendered page, as highlight rectangles for an annotation.
import type { Rect } from '../../../shared/model.ts';
import { textWidth } from './pdf-fonts.ts';
import type { DrawnLine } from './pdf-flow.ts';

// Of a line's font size, how far DejaVu's glyphs rise above the baseline, and the height a highlight covers.
const ASCENT = 0.93;
const HEIGHT = 1.18;

/**
 * One rectangle per line the quote runs over, in PDF points from the page's top-left corner (the way a viewer draws
 * a page); null when the quote is not on the page. Lines are read in the order they were drawn, joined by a space.
 */
export function quoteRects(lines: DrawnLine[], quote: string, pageHeight: number): Rect[] | null {
  const starts: number[] = [];
  let text = '';
  for (const line of lines) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += line.text;
  }
  const wanted = quote.replace(/\s+/g, ' ').trim();
  const from = text.indexOf(wanted);
  if (wanted === '' || from < 0) return null;
  const to = from + wanted.length;
  const rects: Rect[] = [];
  lines.forEach((line, i) => {
    const start = Math.max(from, starts[i]!) - starts[i]!;
    const end = Math.min(to, starts[i]! + line.text.length) - starts[i]!;
    if (end <= start) return;
    const width = (s: string) => textWidth(s, line.font, line.size);
    rects.push({
      x: round(line.x + width(line.text.slice(0, start))),
      y: round(pageHeight - line.y - ASCENT * line.size),
      width: round(width(line.text.slice(start, end))),
      height: round(HEIGHT * line.size),
    });
  });
  return rects;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
