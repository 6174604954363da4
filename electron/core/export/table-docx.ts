// Writes a table as a Word document (exhibit lists, proof charts): landscape US Letter, the title above, the
// heading row repeated on every page, heading rows spanning the table.
import { Document, Packer, PageOrientation, Paragraph, ShadingType, Table as WordTable, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Table } from './table.ts';

const PAGE = { width: 12240, height: 15840 }; // twips, portrait; turned by the orientation
const MARGIN = 1080; // ¾ inch
const FONT = 'Calibri';

function paragraphs(text: string, bold: boolean, size = 18): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size, font: FONT })] }));
}

export async function tableDocx(table: Table, meta: { creator: string; title: string }): Promise<Uint8Array> {
  const usable = PAGE.height - 2 * MARGIN;
  const share = table.columns.reduce((n, c) => n + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / share) * usable));
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' },
          children: paragraphs(c.header, true),
        }),
    ),
  });
  const rows = table.rows.map((row) =>
    row.heading !== undefined
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: table.columns.length,
              shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
              children: paragraphs(row.heading, true, 20),
            }),
          ],
        })
      : new TableRow({
          children: table.columns.map(
            (_, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                margins: i === 0 && row.indent ? { left: row.indent * 20 } : undefined,
                children: paragraphs(row.cells[i] ?? '', row.weight === 'bold'),
              }),
          ),
        }),
  );
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    sections: [
      {
        properties: {
          page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: table.title, bold: true, size: 28, font: FONT })] }),
          ...table.subtitle.flatMap((s) => paragraphs(s, false, 19)),
          new Paragraph({ children: [] }),
          new WordTable({ width: { size: usable, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
