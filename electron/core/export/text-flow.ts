// Lays text out on US Letter pages for the pages an export prints itself (emails, text renditions, slip sheets,
// indexes, placeholders): wraps it to the measure, breaks it into pages, and draws the result.
import type { ColorTypes, PDFPage, RGB } from '@cantoo/pdf-lib';
import { printable, textWidth, type Fonts, type Weight } from './fonts.ts';

export const LETTER = { width: 612, height: 792 } as const;
/** Wide enough that the stamp bands at the top and bottom of a printed page never meet its text. */
export const MARGIN = 72;

export type Tone = 'normal' | 'muted' | 'alert';

export interface Line {
  text: string;
  x: number;
  y: number; // baseline
  size: number;
  weight: Weight;
  tone: Tone;
}

export interface Rule {
  x0: number;
  x1: number;
  y: number;
}

export interface LaidOutPage {
  lines: Line[];
  rules: Rule[];
}

export interface TextStyle {
  size?: number;
  weight?: Weight;
  tone?: Tone;
  indent?: number;
  /** Space before the block, in points. */
  before?: number;
}

const BODY_SIZE = 10.5;
const LEADING = 1.35;

/** Breaks one paragraph into lines no wider than `width`; words longer than a line are broken between characters. */
export function wrapParagraph(text: string, width: number, size: number, weight: Weight = 'regular'): string[] {
  const tokens = printable(text).replace(/\s+$/, '').split(/(\s+)/).filter((t) => t !== '');
  if (tokens.length === 0) return [''];
  const widths = new Map<string, number>();
  const measure = (t: string) => {
    let w = widths.get(t);
    if (w === undefined) widths.set(t, (w = textWidth(t, size, weight)));
    return w;
  };
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of tokens) {
    const w = measure(token);
    const blank = /^\s+$/.test(token);
    if (used + w <= width || (blank && line !== '')) {
      line += token;
      used += w;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
    used = 0;
    if (blank) continue;
    if (w <= width) {
      line = token;
      used = w;
      continue;
    }
    for (const ch of token) {
      const cw = measure(ch);
      if (used + cw > width && line !== '') {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += cw;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Text flowing down Letter pages between the margins, block after block. */
export class TextFlow {
  private readonly pages: LaidOutPage[] = [];
  private y = 0;
  private readonly top = LETTER.height - MARGIN;
  private readonly bottom = MARGIN;
  readonly left = MARGIN;
  readonly right = LETTER.width - MARGIN;

  constructor() {
    this.newPage();
  }

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.pages.push({ lines: [], rules: [] });
    this.y = this.top;
  }

  /** A paragraph of text; newlines in it start new lines, blank lines are kept. */
  text(text: string, style: TextStyle = {}): this {
    const size = style.size ?? BODY_SIZE;
    const weight = style.weight ?? 'regular';
    const indent = style.indent ?? 0;
    this.space(style.before ?? 0);
    for (const paragraph of text.split('\n')) {
      for (const line of wrapParagraph(paragraph, this.width - indent, size, weight)) {
        this.put({ text: line, x: this.left + indent, size, weight, tone: style.tone ?? 'normal' });
      }
    }
    return this;
  }

  /** "Label: value" with the value wrapped beside the label (a hanging indent), as in an email's header block. */
  field(label: string, value: string, labelWidth: number, style: TextStyle = {}): this {
    const size = style.size ?? BODY_SIZE;
    const lines = value.split('\n').flatMap((p) => wrapParagraph(p, this.width - labelWidth, size));
    lines.forEach((line, i) => {
      const y = this.put({ text: line, x: this.left + labelWidth, size, weight: 'regular', tone: 'normal' });
      if (i === 0) this.current().lines.push({ text: label, x: this.left, y, size, weight: 'bold', tone: 'normal' });
    });
    return this;
  }

  rule(before = 6): this {
    this.space(before);
    if (this.y - 6 < this.bottom) this.newPage();
    this.y -= 6;
    this.current().rules.push({ x0: this.left, x1: this.right, y: this.y + 3 });
    return this;
  }

  space(points: number): this {
    if (this.y !== this.top) this.y -= points;
    return this;
  }

  result(): LaidOutPage[] {
    return this.pages;
  }

  private current(): LaidOutPage {
    return this.pages[this.pages.length - 1]!;
  }

  /** Places a line below the last one, on a new page when it would cross the bottom margin; returns its baseline. */
  private put(line: Omit<Line, 'y'>): number {
    const height = line.size * LEADING;
    if (this.y - height < this.bottom && this.current().lines.length > 0) this.newPage();
    this.y -= height;
    const y = this.y + (height - line.size) / 2 + line.size * 0.2;
    this.current().lines.push({ ...line, y });
    return y;
  }
}

// Colours as pdf-lib's rgb() makes them, written out so that laying text out (in the app's own thread too) does not load
// the PDF writer.
const rgb = (red: number, green: number, blue: number): RGB => ({ type: 'RGB' as ColorTypes.RGB, red, green, blue });
const TONES = { normal: rgb(0, 0, 0), muted: rgb(0.35, 0.35, 0.35), alert: rgb(0.6, 0, 0) };

export function drawLaidOut(page: PDFPage, laidOut: LaidOutPage, fonts: Fonts): void {
  for (const line of laidOut.lines) {
    if (line.text === '') continue;
    page.drawText(line.text, { x: line.x, y: line.y, size: line.size, font: fonts[line.weight], color: TONES[line.tone] });
  }
  for (const rule of laidOut.rules) {
    page.drawLine({ start: { x: rule.x0, y: rule.y }, end: { x: rule.x1, y: rule.y }, thickness: 0.6, color: TONES.muted });
  }
}

export function toneColour(tone: Tone) {
  return TONES[tone];
}
