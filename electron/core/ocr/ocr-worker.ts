// Worker thread entry: renders the pages it is sent (of a PDF or of a picture, told apart by their first bytes) and
// reads them with its own Tesseract recognizer, keeping the last original open, since the pages of one exhibit come
// in a row.
import fs from 'node:fs';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserError } from '../../../shared/errors.ts';
import { isPasswordError, openPdfDocument } from '../import/formats/pdf.ts';
import { passwordCandidates } from '../import/formats/pdf-password.ts';
import { openPicture, pictureFormatOf, type Picture } from '../pictures/picture.ts';
import { OriginalChangedError, sha256Of } from '../vault/vault.ts';
import { serveCalls } from '../workers/serve-calls.ts';
import type { OcrRequest } from './ocr-protocol.ts';
import { renderPage, renderPicturePage } from './page-image.ts';
import { createRecognizer, type PageReading, type Recognizer } from './recognizer.ts';

type Original = { doc: PDFDocumentProxy } | { picture: Picture };
let open: { file: string; original: Original } | null = null;

async function originalFor(req: OcrRequest): Promise<Original> {
  if (open?.file === req.file) return open.original;
  if (open && 'doc' in open.original) await open.original.doc.destroy();
  open = null;
  const bytes = new Uint8Array(fs.readFileSync(req.file));
  // The vault names each original by its SHA-256: text read from bytes that no longer hash to it is not the evidence's.
  const named = path.basename(req.file);
  if (sha256Of(bytes) !== named) throw new OriginalChangedError(named);
  const original = pictureFormatOf(bytes) === null ? { doc: await documentOf(bytes, req.passwords) } : { picture: await openPicture(bytes) };
  open = { file: req.file, original };
  return original;
}

function renderOriginal(original: Original, page: number): Promise<Buffer> {
  return 'doc' in original ? renderPage(original.doc, page) : renderPicturePage(original.picture, page);
}

async function documentOf(bytes: Uint8Array, passwords: string[]): Promise<PDFDocumentProxy> {
  for (const password of [undefined, ...passwordCandidates(passwords)]) {
    try {
      return await openPdfDocument(bytes, password);
    } catch (e) {
      if (!isPasswordError(e)) throw new UserError('damaged', 'the PDF could not be opened');
    }
  }
  throw new UserError('encrypted', 'the PDF is password-protected; run OCR again with its password');
}

let recognizer: Recognizer;

await serveCalls<OcrRequest, PageReading>({
  async load() {
    try {
      recognizer = await createRecognizer();
    } catch (e) {
      throw new UserError('damaged', `OCR could not start (${e instanceof Error ? e.message : String(e)}).`);
    }
  },
  answer: async (req) => recognizer.read(await renderOriginal(await originalFor(req), req.page)),
  failure: (e) => ({ code: 'damaged', message: `the page could not be read (${describe(e)})` }),
});

function describe(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 200) : 'unknown error';
}
