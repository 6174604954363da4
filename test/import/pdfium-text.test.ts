import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts } from '../../electron/core/export/fonts.ts';
import { pdfExtractor } from '../../electron/core/import/formats/pdf.ts';
import { openPdfiumText } from '../../electron/core/import/formats/pdfium-text.ts';
import { makePdf } from '../fixtures/pdfs.ts';

async function readAll(bytes: Uint8Array, pageCount: number): Promise<(string | null)[]> {
  const text = await openPdfiumText(bytes, undefined, pageCount);
  expect(text).not.toBeNull();
  try {
    return Array.from({ length: pageCount }, (_, i) => text!.pageText(i + 1));
  } finally {
    text!.close();
  }
}

describe('page text read by PDFium', () => {
  it('gives each page its lines as pdf.js does, a page without text as empty', async () => {
    const bytes = await makePdf({ pages: ['Eight systems are required.\nData Exchange System (DES)', 'Building Management System', null] });
    expect(await readAll(bytes, 3)).toEqual(['Eight systems are required.\nData Exchange System (DES)', 'Building Management System', '']);
  });

  it('keeps a hyphen that ends a line and the line break after it', async () => {
    const bytes = await makePdf({ pages: ['invested more than $12 million in its develop-\nment, and the system now carries'] });
    expect(await readAll(bytes, 1)).toEqual(['invested more than $12 million in its develop-\nment, and the system now carries']);
  });

  it('leaves out text drawn beyond the edges of the page, as pdf.js does', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText('On the page', { x: 72, y: 720, size: 12, font });
    page.drawText('Hidden below', { x: 72, y: -200, size: 12, font });
    page.drawText('Hidden right', { x: 900, y: 700, size: 12, font });
    expect(await readAll(await doc.save(), 1)).toEqual(['On the page']);
  });

  it('hands a right-to-left page back to pdf.js, whose reading order search was built on', async () => {
    const doc = await PDFDocument.create();
    const { regular } = await embedFonts(doc);
    doc.addPage([612, 792]).drawText('Contract signed', { x: 72, y: 720, size: 12, font: regular });
    doc.addPage([612, 792]).drawText('חוזה נחתם', { x: 72, y: 720, size: 12, font: regular });
    const bytes = await doc.save();
    expect(await readAll(bytes, 2)).toEqual(['Contract signed', null]);
    const extracted = await pdfExtractor.extract(bytes, { fileName: 'rtl.pdf', passwords: [] });
    expect(extracted.pages[1]!.text).toMatch(/[\u0590-\u05ff]/);
  });

  it('declines a file whose page count differs from the one pdf.js reads, or that it cannot open', async () => {
    expect(await openPdfiumText(await makePdf({ pages: ['one', 'two'] }), undefined, 3)).toBeNull();
    expect(await openPdfiumText(new TextEncoder().encode('%PDF-1.7 not really'), undefined, 1)).toBeNull();
  });
});
