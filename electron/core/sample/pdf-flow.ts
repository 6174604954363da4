// Flows text down PDF pages — wrapping, breaking pages — and records every line drawn, so quotes can be found later.
import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib';
import { textWidth } from './pdf-fonts.ts';

export const BLACK = rgb(0, 0, 0);

export interface DrawnLine {
  text: string;
  x: number;
  y: number; // baseline, in PDF points from the bottom of the page
  size: number;
  font: PDFFont;
}

export interface WrittenPage {
  page: PDFPage;
  lines: DrawnLine[];
  /** Imaged like a scan: whatever furniture it gets must carry no text layer either. */
  scanned: boolean;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  leading: number;
  colour?: RGB;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number; // x where lines end
  top: number; // y of the top of the first line box on a page
  bottom: number; // the lowest baseline allowed
}

export type Align = 'left' | 'centre' | 'right';

export function drawText(target: WrittenPage, text: string, x: number, y: number, style: Omit<TextStyle, 'leading'>): void {
  if (text === '') return;
  target.page.drawText(text, { x, y, font: style.font, size: style.size, color: style.colour ?? BLACK });
  target.lines.push({ text, x, y, size: style.size, font: style.font });
}

export class PageFlow {
  readonly pages: WrittenPage[] = [];
  /** The top of the next line box. */
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly frame: Frame,
    /** Draws what belongs on a page before its text (pleading-paper rules, a letterhead) and may lower `top`. */
    private readonly onNewPage: (page: WrittenPage, index: number) => number = () => frame.top,
  ) {}

  get current(): WrittenPage {
    return this.pages.at(-1) ?? this.newPage();
  }

  newPage(scanned = false): WrittenPage {
    const written: WrittenPage = { page: this.doc.addPage([this.frame.width, this.frame.height]), lines: [], scanned };
    this.pages.push(written);
    this.y = this.onNewPage(written, this.pages.length - 1);
    return written;
  }

  /** Starts a new page unless `lines` more lines of this style fit on this one. */
  keep(style: TextStyle, lines = 1): void {
    if (this.pages.length === 0 || this.baseline(style) - (lines - 1) * style.leading < this.frame.bottom) this.newPage();
  }

  gap(points: number): void {
    if (this.pages.length > 0) this.y -= points;
  }

  /** Whatever comes next starts on a new page. */
  endPage(): void {
    this.y = Number.NEGATIVE_INFINITY;
  }

  /** One line at the cursor, between `x` and `x + width`. */
  line(text: string, style: TextStyle, x = this.frame.left, align: Align = 'left', width = this.frame.right - x): void {
    this.keep(style);
    const measured = textWidth(text, style.font, style.size);
    const at = align === 'left' ? x : align === 'centre' ? x + (width - measured) / 2 : x + width - measured;
    drawText(this.current, text, at, this.baseline(style), style);
    this.y -= style.leading;
  }

  /**
   * A wrapped block: the first line starts at `x + firstIndent` (a label such as "12." may stand at `x + labelAt`),
   * later lines at `x + indent`.
   */
  paragraph(
    text: string,
    style: TextStyle,
    options: { x?: number; width?: number; indent?: number; firstIndent?: number; label?: string; labelAt?: number; align?: Align } = {},
  ): void {
    const x = options.x ?? this.frame.left;
    const width = options.width ?? this.frame.right - x;
    const indent = options.indent ?? 0;
    const firstIndent = options.firstIndent ?? indent;
    const measure = (s: string) => textWidth(s, style.font, style.size);
    const lines = wrapText(text, measure, width - indent, width - firstIndent);
    lines.forEach((line, i) => {
      this.keep(style, i === 0 ? Math.min(2, lines.length) : 1);
      if (i === 0 && options.label !== undefined) {
        drawText(this.current, options.label, x + (options.labelAt ?? 0), this.baseline(style), style);
      }
      const lineX = x + (i === 0 ? firstIndent : indent);
      this.line(line, style, lineX, options.align ?? 'left', width - (i === 0 ? firstIndent : indent));
    });
  }

  baseline(style: TextStyle): number {
    return this.y - style.size;
  }
}

// A short number or a section sign is never left alone at the start or end of a line ("§ 1836", "paragraphs 1
// through 47"): a line that starts with a bare number reads as a pleading-paper line number or a new paragraph.
const GLUED_TO_PREVIOUS = /^\(?\d{1,3}(?:[.,;:)]|$)/;
const GLUED_TO_NEXT = new Set(['§', '§§', '¶', 'No.', 'Nos.']);

/** Lines of at most `width` points; "\n" in the text is a line break that is kept. */
export function wrapText(text: string, measure: (s: string) => number, width: number, firstWidth = width): string[] {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    let line = '';
    for (const unit of unbreakable(hard.split(' ').filter((w) => w !== ''))) {
      const candidate = line === '' ? unit : `${line} ${unit}`;
      if (line !== '' && measure(candidate) > (lines.length === 0 ? firstWidth : width)) {
        lines.push(line);
        line = unit;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

function unbreakable(words: string[]): string[] {
  const units: string[] = [];
  let glueNext = false;
  for (const word of words) {
    if (units.length > 0 && (glueNext || GLUED_TO_PREVIOUS.test(word))) units[units.length - 1] += ` ${word}`;
    else units.push(word);
    glueNext = GLUED_TO_NEXT.has(word);
  }
  return units;
}
