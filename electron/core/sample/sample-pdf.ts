// Creates and saves a sample PDF with fixed metadata, so the same sources always give the same bytes.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString } from '@cantoo/pdf-lib';
import type { DrawnLine } from './pdf-flow.ts';

const GENERATOR = 'Exhibit Desk sample case';

export interface PdfMetadata {
  title: string;
  author: string;
  date?: string; // YYYY-MM-DD; without it the file has no dates, as many a scan has none
}

/** A page as rendered: its height and the lines drawn on it, to find where a quote stands. */
export interface RenderedPage {
  height: number;
  lines: DrawnLine[];
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: RenderedPage[];
}

export async function createSamplePdf(meta: PdfMetadata): Promise<PDFDocument> {
  // Without updateMetadata: false, pdf-lib stamps today's date and its own producer on save.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setCreator(GENERATOR);
  doc.setProducer(`${GENERATOR} (pdf-lib)`);
  // A file identifier, as PDF 2.0 asks every file to have: derived from what the document is, not drawn at random.
  const id = PDFHexString.of(createHash('sha256').update([meta.title, meta.author, meta.date ?? ''].join('\n')).digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  if (meta.date) {
    const date = new Date(`${meta.date}T12:00:00Z`);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  return doc;
}

/**
 * pdf-lib names fonts from a seeded generator and, with the fixed metadata and /ID above, writes the same bytes each
 * time. It waits a timer tick every 50 objects unless told otherwise, which made writing the sample take seconds.
 */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}
