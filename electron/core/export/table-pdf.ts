// Lays a table out on PDF pages (the bundle's index, exhibit lists, proof charts): a title on the first page, the
// column headings repeated on every page, cells wrapped, rows kept whole when they fit.
import { PDFPage } from '@cantoo/pdf-lib';
import { textWidth, type Weight } from './fonts.ts';
import type { Table } from './table.ts';
import { drawLaidOut, LETTER, toneColour, wrapParagraph, type LaidOutPage, type Line, type Rule } from './text-flow.ts';
import { Volume } from './volume.ts';

export interface PdfTableLayout {
  page: { width: number; height: number };
  margin: number;
  size?: number;
}

const PAD = 3;

export function layoutTable(table: Table, layout: PdfTableLayout): LaidOutPage[] {
  const t = { ...table, ...layout };
  const size = t.size ?? 8.5;
  const leading = size * 1.3;
  const left = t.margin;
  const right = t.page.width - t.margin;
  const bottom = t.margin;
  const pages: LaidOutPage[] = [];
  let page: LaidOutPage;
  let y = 0;
  let fresh = true; // no row on the page yet

  const line = (text: string, x: number, baseline: number, weight: Weight, lineSize = size, tone: Line['tone'] = 'normal') =>
    page.lines.push({ text, x, y: baseline, size: lineSize, weight, tone });
  const rule = (at: number): Rule => ({ x0: left, x1: right, y: at });

  const share = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => (c.width / share) * (right - left));
  const headerCells = t.columns.map((c, i) => wrapParagraph(c.header, widths[i]! - 2 * PAD, size, 'bold'));
  const headerHeight = Math.max(...headerCells.map((c) => c.length)) * leading + 2 * PAD;

  const startPage = (first: boolean) => {
    page = { lines: [], rules: [] };
    pages.push(page);
    y = t.page.height - t.margin;
    if (first) {
      for (const text of wrapParagraph(t.title, right - left, 14, 'bold')) {
        y -= 18;
        line(text, left, y, 'bold', 14);
      }
      for (const sub of t.subtitle) {
        for (const text of wrapParagraph(sub, right - left, 9.5)) {
          y -= 13;
          line(text, left, y, 'regular', 9.5, 'muted');
        }
      }
      y -= 10;
    }
    page.rules.push(rule(y));
    let x = left;
    headerCells.forEach((cell, i) => {
      cell.forEach((text, l) => line(text, x + PAD, y - PAD - (l + 1) * leading + size * 0.3, 'bold'));
      x += widths[i]!;
    });
    y -= headerHeight;
    page.rules.push(rule(y));
    fresh = true;
  };

  startPage(true);
  const freshCapacity = Math.floor((t.page.height - 2 * t.margin - headerHeight - 2 * PAD) / leading);
  for (const row of t.rows) {
    if (row.heading !== undefined) {
      const lines = wrapParagraph(row.heading, right - left - 2 * PAD, size + 1, 'bold');
      const height = lines.length * (size + 1) * 1.3 + 2 * PAD + 4;
      if (y - height - leading < bottom) startPage(false);
      y -= 4;
      lines.forEach((text, l) => line(text, left + PAD, y - PAD - (l + 1) * (size + 1) * 1.3 + size * 0.3, 'bold', size + 1));
      y -= height - 4;
      page!.rules.push(rule(y));
      fresh = false;
      continue;
    }
    const cells = widths.map((width, i) => {
      const indent = i === 0 ? (row.indent ?? 0) : 0;
      return (row.cells[i] ?? '').split('\n').flatMap((p) => wrapParagraph(p, width - 2 * PAD - indent, size, row.weight ?? 'regular'));
    });
    const tallest = Math.max(...cells.map((c) => c.length));
    // A row that fits on a page is kept whole; a taller one is continued on the next page.
    for (let from = 0; from < tallest; ) {
      const fit = Math.floor((y - bottom - 2 * PAD) / leading);
      const rest = tallest - from;
      if (fit < rest && !fresh && (rest <= freshCapacity || fit < 1)) {
        startPage(false);
        continue;
      }
      const take = Math.max(1, Math.min(rest, fit));
      let x = left;
      cells.forEach((cell, i) => {
        const indent = i === 0 ? (row.indent ?? 0) : 0;
        cell.slice(from, from + take).forEach((text, l) => line(text, x + PAD + indent, y - PAD - (l + 1) * leading + size * 0.3, row.weight ?? 'regular'));
        x += widths[i]!;
      });
      y -= take * leading + 2 * PAD;
      fresh = false;
      from += take;
      if (from < tallest) startPage(false);
    }
    page!.rules.push(rule(y));
  }
  return pages;
}

/** Writes a table as a PDF of its own, landscape US Letter, numbered "Page 1 of 3" at the foot. */
export async function writeTablePdf(file: string, table: Table, info: { title: string; createdAt: string }) {
  const landscape = { width: LETTER.height, height: LETTER.width };
  const laidOut = layoutTable(table, { page: landscape, margin: 48 });
  const vol = await Volume.create(file, info);
  try {
    const pages = laidOut.map((l, i) => {
      const page = PDFPage.create(vol.doc);
      page.setSize(landscape.width, landscape.height);
      drawLaidOut(page, l, vol.fonts);
      const footer = `Page ${i + 1} of ${laidOut.length}`;
      page.drawText(footer, { x: (landscape.width - textWidth(footer, 8)) / 2, y: 24, size: 8, font: vol.fonts.regular, color: toneColour('muted') });
      return page;
    });
    vol.keep(vol.draft(pages));
    return await vol.finish();
  } finally {
    vol.abandon();
  }
}
