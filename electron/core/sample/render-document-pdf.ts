// Lays out a sample exhibit (letter, agreement, form, memorandum, court paper) as a PDF from its source blocks.
import { rgb } from '@cantoo/pdf-lib';
import { drawFurniture, drawLetterhead, drawScannedPage, drawSignature, type Furniture, type Letterhead } from './page-furniture.ts';
import { embedFonts, textWidth, type Fonts } from './pdf-fonts.ts';
import { drawText, PageFlow, wrapText, type Frame, type TextStyle } from './pdf-flow.ts';
import { createSamplePdf, savePdf, type PdfMetadata, type RenderedPdf } from './sample-pdf.ts';
import type { Block } from './source-blocks.ts';

export interface DocumentSpec extends PdfMetadata {
  letterhead: Letterhead | null;
  furniture: Furniture;
  blocks: Block[];
}

const LETTER: Frame = { width: 612, height: 792, left: 72, right: 540, top: 730, bottom: 66 };
const RULE = rgb(0.55, 0.55, 0.55);
const HEADER_FILL = rgb(0.9, 0.91, 0.93);

const FACES = ['serif', 'serifBold', 'serifItalic', 'sans', 'sansBold'] as const;

function styles(fonts: Pick<Fonts, (typeof FACES)[number]>) {
  return {
    body: { font: fonts.serif, size: 10.5, leading: 14.5 },
    title: { font: fonts.serifBold, size: 13, leading: 18 },
    heading: { font: fonts.serifBold, size: 10.5, leading: 15 },
    subheading: { font: fonts.serifItalic, size: 10.5, leading: 15 },
    quote: { font: fonts.serifItalic, size: 10, leading: 14 },
    cell: { font: fonts.sans, size: 8.5, leading: 11 },
    headCell: { font: fonts.sansBold, size: 8.5, leading: 11 },
    signer: { font: fonts.serif, size: 10, leading: 13 },
  } satisfies Record<string, TextStyle>;
}

type Styles = ReturnType<typeof styles>;

export async function renderDocumentPdf(spec: DocumentSpec): Promise<RenderedPdf> {
  const doc = await createSamplePdf(spec);
  const fonts = await embedFonts(doc, FACES);
  const style = styles(fonts);
  const { letterhead } = spec;
  const flow = new PageFlow(doc, LETTER, (page, index) =>
    index === 0 && letterhead ? drawLetterhead(page, fonts, LETTER, letterhead) : LETTER.top,
  );
  const blocks = spec.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'signature') {
      // Signature blocks side by side, as the parties to an agreement sign.
      let j = i;
      while (blocks[j + 1]?.type === 'signature') j++;
      drawSignatures(flow, style, blocks.slice(i, j + 1) as Extract<Block, { type: 'signature' }>[]);
      i = j;
      continue;
    }
    drawBlock(flow, style, block);
  }
  drawFurniture(flow.pages, fonts, LETTER, spec.furniture);
  return { bytes: await savePdf(doc), pages: flow.pages.map((p) => ({ height: p.page.getHeight(), lines: p.lines })) };
}

function drawBlock(flow: PageFlow, style: Styles, block: Exclude<Block, { type: 'signature' }>): void {
  switch (block.type) {
    case 'title':
      flow.keep(style.title, 3);
      flow.paragraph(block.text, style.title, { align: 'centre' });
      flow.gap(8);
      return;
    case 'heading':
      flow.gap(4);
      flow.keep(style.heading, 3);
      flow.paragraph(block.text, style.heading);
      flow.gap(3);
      return;
    case 'subheading':
      flow.keep(style.subheading, 3);
      flow.paragraph(block.text, style.subheading);
      flow.gap(2);
      return;
    case 'centred':
      flow.paragraph(block.text, style.body, { align: 'centre' });
      flow.gap(2);
      return;
    case 'paragraph':
      flow.paragraph(block.text, style.body);
      flow.gap(7);
      return;
    case 'quote':
      flow.paragraph(block.text, style.quote, { x: flow.frame.left + 30, width: flow.frame.right - flow.frame.left - 60 });
      flow.gap(7);
      return;
    case 'bullet':
      flow.paragraph(block.text, style.body, { indent: 28, label: '•', labelAt: 12 });
      flow.gap(4);
      return;
    case 'numbered': {
      const indent = Math.max(30, textWidth(block.label, style.body.font, style.body.size) + 12);
      flow.paragraph(block.text, style.body, { indent, label: block.label });
      flow.gap(6);
      return;
    }
    case 'table':
      drawTable(flow, style, block);
      flow.gap(10);
      return;
    case 'page-break':
      flow.endPage();
      return;
    case 'scanned-page':
      drawScannedPage(flow.newPage(true), flow.frame);
      flow.endPage();
      return;
  }
}

const PAD = 4.5;

function drawTable(flow: PageFlow, style: Styles, table: Extract<Block, { type: 'table' }>): void {
  const { frame } = flow;
  const widths = columnWidths(style, table, frame.right - frame.left);
  const rowHeight = (cells: string[][], s: TextStyle) => Math.max(...cells.map((c) => c.length)) * s.leading + 2 * PAD;
  const wrapRow = (row: string[], s: TextStyle) =>
    widths.map((w, c) => wrapText(row[c] ?? '', (t) => textWidth(t, s.font, s.size), w - 2 * PAD));
  const drawRow = (row: string[], s: TextStyle, fill: boolean) => {
    const cells = wrapRow(row, s);
    const height = rowHeight(cells, s);
    if (flow.y - height < frame.bottom - 4) flow.newPage();
    const top = flow.y;
    const { page } = flow.current;
    if (fill) page.drawRectangle({ x: frame.left, y: top - height, width: frame.right - frame.left, height, color: HEADER_FILL });
    let x = frame.left;
    cells.forEach((lines, c) => {
      lines.forEach((line, l) => drawText(flow.current, line, x + PAD, top - PAD - s.size - l * s.leading + 2, s));
      x += widths[c]!;
    });
    page.drawRectangle({ x: frame.left, y: top - height, width: frame.right - frame.left, height, borderColor: RULE, borderWidth: 0.5, opacity: 0 });
    x = frame.left;
    for (const w of widths.slice(0, -1)) {
      x += w;
      page.drawLine({ start: { x, y: top }, end: { x, y: top - height }, thickness: 0.5, color: RULE });
    }
    flow.y = top - height;
  };
  flow.keep(style.cell, 3);
  if (table.header) drawRow(table.header, style.headCell, true);
  for (const row of table.rows) drawRow(row, style.cell, false);
}

/** Columns share the width in proportion to their longest cell, each at least as wide as its longest word. */
function columnWidths(style: Styles, table: Extract<Block, { type: 'table' }>, total: number): number[] {
  const rows = [...(table.header ? [{ cells: table.header, s: style.headCell }] : []), ...table.rows.map((cells) => ({ cells, s: style.cell }))];
  const count = Math.max(...rows.map((r) => r.cells.length));
  const measure = (t: string, s: TextStyle) => textWidth(t, s.font, s.size) + 2 * PAD;
  const natural = Array.from({ length: count }, (_, c) => Math.max(...rows.map((r) => measure(r.cells[c] ?? '', r.s))));
  const minimum = Array.from({ length: count }, (_, c) =>
    Math.max(...rows.flatMap((r) => (r.cells[c] ?? '').split(' ').map((word) => measure(word, r.s)))),
  );
  const sum = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((n, c) => Math.max(minimum[c]!, (n / sum) * total));
  const scale = total / widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => w * scale);
}

function drawSignatures(flow: PageFlow, style: Styles, blocks: Extract<Block, { type: 'signature' }>[]): void {
  const { frame } = flow;
  const columnWidth = (frame.right - frame.left) / 2;
  const measure = (t: string) => textWidth(t, style.signer.font, style.signer.size);
  for (let row = 0; row < blocks.length; row += 2) {
    // The signer's name in bold, then title and organisation, each wrapped to its column.
    const pair = blocks.slice(row, row + 2).map((b) => b.lines.map((line) => wrapText(line, measure, columnWidth - 24)));
    const height = Math.max(...pair.map((lines) => lines.flat().length)) * style.signer.leading;
    flow.gap(10);
    if (flow.y - 40 - height < frame.bottom) flow.newPage();
    const top = flow.y - 34;
    pair.forEach((lines, c) => {
      const x = frame.left + c * columnWidth;
      drawSignature(flow.current, x + 6, top + 4, blocks[row + c]!.lines[0] ?? '');
      flow.current.page.drawLine({ start: { x, y: top }, end: { x: x + columnWidth - 24, y: top }, thickness: 0.6, color: RULE });
      lines.flatMap((wrapped, l) => wrapped.map((text) => ({ text, bold: l === 0 }))).forEach((line, l) => {
        const s = line.bold ? { ...style.signer, font: style.heading.font } : style.signer;
        drawText(flow.current, line.text, x, top - 12 - l * style.signer.leading, s);
      });
    });
    flow.y = top - 12 - height;
  }
}
