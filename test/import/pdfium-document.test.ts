import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts } from '../../electron/core/export/fonts.ts';
import { pdfExtractor } from '../../electron/core/import/formats/pdf.ts';
import { openPdfium } from '../../electron/core/import/formats/pdfium-document.ts';
import { pdfClaimingPages } from '../fixtures/hostile-pdfs.ts';
import { encryptPdf, hasQpdf, makePdf, writePdf } from '../fixtures/pdfs.ts';

async function readAll(bytes: Uint8Array, pageCount: number): Promise<(string | null)[]> {
  const doc = await openPdfium(bytes);
  expect(doc?.pageCount).toBe(pageCount);
  try {
    return Array.from({ length: pageCount }, (_, i) => doc!.pageText(i + 1));
  } finally {
    doc!.close();
  }
}

describe('a PDF read by PDFium', () => {
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

  it('reads the document information, and says whether the file is encrypted', async () => {
    const pdf = await PDFDocument.create();
    pdf.setTitle('Statement of Work — Data Exchange System');
    pdf.setAuthor('Ζήνων Consulting');
    pdf.setCreationDate(new Date(Date.UTC(2017, 2, 14, 9, 30)));
    pdf.addPage([612, 792]);
    const doc = await openPdfium(await pdf.save());
    try {
      expect(doc!.info('Title')).toBe('Statement of Work — Data Exchange System');
      expect(doc!.info('Author')).toBe('Ζήνων Consulting');
      expect(doc!.info('CreationDate')).toMatch(/^D:20170314093000/);
      expect(doc!.info('Subject')).toBe('');
      expect(doc!.encrypted).toBe(false);
    } finally {
      doc!.close();
    }
  });

  it.skipIf(!hasQpdf())('says an encrypted file is encrypted, and opens one locked by a password only with it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfium-encrypted-'));
    try {
      const plain = await writePdf(path.join(dir, 'plain.pdf'), { pages: ['Confidential design of DES'] });
      const ownerOnly = await openPdfium(fs.readFileSync(encryptPdf(plain, path.join(dir, 'owner-only.pdf'), '')));
      expect(ownerOnly?.encrypted).toBe(true);
      ownerOnly?.close();
      const locked = fs.readFileSync(encryptPdf(plain, path.join(dir, 'locked.pdf'), 'open-sesame'));
      expect(await openPdfium(locked)).toBeNull();
      const opened = await openPdfium(locked, 'open-sesame');
      expect(opened?.pageText(1)).toBe('Confidential design of DES');
      opened?.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('declines a file it cannot open, and one whose declared page count its page tree does not bear out', async () => {
    expect(await openPdfium(new TextEncoder().encode('%PDF-1.7 not really'))).toBeNull();
    const claiming = new Uint8Array(pdfClaimingPages(100_000));
    expect(await openPdfium(claiming)).toBeNull();
    // pdf.js, which counts the tree itself, reads it instead.
    const extracted = await pdfExtractor.extract(claiming, { fileName: 'claims.pdf', passwords: [] });
    expect(extracted).toMatchObject({ pageCount: 1, warnings: [] });
  });
});
