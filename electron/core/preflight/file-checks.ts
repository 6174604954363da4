// Every check preflight makes on one PDF file, in order of cost: its size (a file over the cap is not read), then its
// objects (pdf-lib), then each page (pdf.js); the content checks run in the preflight worker thread.
import fs from 'node:fs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { CourtProfile } from '../../../shared/court-profiles.ts';
import type { PreflightProblem } from '../../../shared/preflight.ts';
import { isPasswordError, openPdfDocument } from '../import/formats/pdf.ts';
import { pageProblems } from './page-checks.ts';
import { structureProblems } from './pdf-structure.ts';

const MB = 1_000_000;
/** Past this a file is not read at all (whatever the cap): parsing it would hold too much in memory. */
const MAX_READ_BYTES = 1_000 * MB;

/**
 * The problem of a file too large to read, or null when it may be read. Over the cap a file must be divided whatever
 * else is wrong with it, so it is not read at all (it may be huge): a size is enough.
 */
export function sizeProblems(bytes: number, limits: CourtProfile): PreflightProblem[] | null {
  const cap = limits.maxMb === null ? Infinity : Math.floor(limits.maxMb * MB);
  const sizeText = `${(bytes / MB).toFixed(1)} MB`;
  if (bytes > cap) {
    return [{ code: 'too-large', message: `The file is ${sizeText}, over the ${limits.maxMb} MB limit (${limits.rule}); divide it into volumes.`, page: null }];
  }
  if (bytes > MAX_READ_BYTES) return [{ code: 'unreadable', message: `The file is ${sizeText}, too large to check.`, page: null }];
  return null;
}

/** Everything but the size, for a file `sizeProblems` lets through. */
export async function contentProblems(file: string, limits: CourtProfile): Promise<PreflightProblem[]> {
  const data = new Uint8Array(fs.readFileSync(file));
  if (!startsLikePdf(data)) return [{ code: 'unreadable', message: 'The file is not a PDF.', page: null }];

  const structure = await structureProblems(data);
  const problems: PreflightProblem[] = structure ?? [{ code: 'unreadable', message: 'The PDF is damaged: its objects could not be read.', page: null }];
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdfDocument(data, undefined);
  } catch (e) {
    if (isPasswordError(e)) {
      if (!problems.some((p) => p.code === 'encrypted')) {
        problems.unshift({ code: 'encrypted', message: 'The PDF needs a password to open; courts accept only unencrypted files.', page: null });
      }
      return problems;
    }
    return [{ code: 'unreadable', message: 'The file is not a readable PDF (its structure is damaged).', page: null }];
  }
  try {
    problems.push(...(await pageProblems(doc, limits.pageSize)));
  } finally {
    await doc.destroy();
  }
  return problems;
}

/** "%PDF-" within the first kilobyte, as readers accept it. */
function startsLikePdf(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}
