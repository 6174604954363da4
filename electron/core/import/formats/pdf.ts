// Reads a PDF: page count, document metadata, text per page; refuses encrypted or broken files plainly. A plain file is
// read by PDFium (pdfium-document.ts, about twice as fast), with pdf.js opened only for a page PDFium hands back; an
// encrypted file, or one PDFium cannot open, is opened by pdf.js (passwords, repairs) and its text still comes from
// PDFium where both engines count the same pages.
import { createRequire } from 'node:module';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type ExtractContext, type ExtractedDocument, type Extractor } from '../extractor.ts';
import { pdfDateToIso } from './pdf-date.ts';
import { addEmbeddedFiles } from './pdf-embedded.ts';
import { checkPdfExpansion } from './pdf-expansion.ts';
import { passwordCandidates } from './pdf-password.ts';
import { unmeasured, wantsOcr, type PageFacts } from './pdf-page-facts.ts';
import { openPdfium, type InfoKey } from './pdfium-document.ts';

// pdf.js's build for Node installs core-js's Array.prototype.push, written in JavaScript, for array-likes longer than
// 2^32 that no PDF reaches; text extraction pushes for every glyph and spent about a fifth of its time in it. The
// engine's own push is put back, taken from a fresh realm (the method is generic, and core-js disguises its own as native).
function restoreNativePush(): void {
  Object.defineProperty(Array.prototype, 'push', { value: runInNewContext('Array.prototype.push'), writable: true, configurable: true });
}
restoreNativePush();

// A name typed as a plain string: the module has no types of its own and only what it installs is wanted.
const PDFJS_WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
let pdfjsWorker: Promise<void> | null = null;
/**
 * pdf.js's worker module (its parser), loaded by the first file pdf.js opens: most files never need it, and each import
 * worker would otherwise spend ~0.2 s of CPU loading it at start. Loaded here rather than by pdf.js, so that the push it
 * installs again is put right again.
 */
function loadPdfjsWorker(): Promise<void> {
  pdfjsWorker ??= import(PDFJS_WORKER_MODULE).then(restoreNativePush);
  return pdfjsWorker;
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js reads these from disk in Node; without them CJK text comes out garbled and it may try other sources.
const RESOURCE_PATHS = {
  cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
};
// A file may claim any page count; after this many unreadable pages in a row the claim is not believed.
const MAX_CONSECUTIVE_BAD_PAGES = 20;

const PASSWORD_NEEDED = 1;

type PdfInfo = Partial<Record<InfoKey, string>>;
const INFO_KEYS: InfoKey[] = ['Title', 'Author', 'Subject', 'CreationDate', 'ModDate'];

/** A PDF opened for reading, by whichever engine: what readDocument needs of it. */
interface OpenedPdf {
  pageCount: number;
  info: PdfInfo;
  encrypted: boolean;
  refusedPermissions(): Promise<string[]>;
  /** The page's text, or null when it cannot be read, and what the page shows (measured by PDFium where it can). */
  page(n: number): Promise<{ text: string; facts: PageFacts } | null>;
  close(): Promise<void>;
}

export const pdfExtractor: Extractor = {
  name: 'pdf',
  accepts(head, fileName) {
    const start = Buffer.from(head.subarray(0, 1024)).toString('latin1');
    return start.includes('%PDF-') || fileName.toLowerCase().endsWith('.pdf');
  },
  async extract(bytes, ctx) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    await checkPdfExpansion(bytes);
    const opened = (await openPlain(bytes)) ?? (await openWithPdfJs(bytes, ctx));
    try {
      const out = await readDocument(opened);
      await addEmbeddedFiles(out, bytes, (password) => openPdfDocument(bytes, password), ctx.passwords);
      return out;
    } finally {
      await opened.close();
    }
  },
};

/** A file PDFium opens without a password and finds unencrypted; null for every other file. */
async function openPlain(bytes: Uint8Array): Promise<OpenedPdf | null> {
  const fast = await openPdfium(bytes);
  if (!fast || fast.encrypted || fast.pageCount < 1) {
    fast?.close();
    return null;
  }
  let slow: Promise<PDFDocumentProxy | null> | null = null;
  return {
    pageCount: fast.pageCount,
    info: Object.fromEntries(INFO_KEYS.map((key) => [key, fast.info(key)])),
    encrypted: false,
    refusedPermissions: async () => [],
    async page(n) {
      const { text, facts } = fast.page(n);
      if (text !== null) return withFacts(text, facts);
      slow ??= openPdfDocument(bytes, undefined).catch(() => null);
      const doc = await slow;
      return withFacts(doc && n <= doc.numPages ? await pdfjsPageText(doc, n) : null, facts);
    },
    async close() {
      fast.close();
      await (await slow)?.destroy();
    },
  };
}

/** Opened by pdf.js, trying the passwords given; page text from PDFium (with the same password) where it agrees. */
async function openWithPdfJs(bytes: Uint8Array, ctx: ExtractContext): Promise<OpenedPdf> {
  const { doc, password } = await openWithPasswords(bytes, ctx);
  const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: PdfInfo & { EncryptFilterName?: string | null } };
  let fast = await openPdfium(bytes, password);
  if (fast && fast.pageCount !== doc.numPages) {
    fast.close();
    fast = null;
  }
  return {
    pageCount: doc.numPages,
    info,
    encrypted: Boolean(info.EncryptFilterName),
    refusedPermissions: () => refusedPermissions(doc),
    async page(n) {
      const { text, facts } = fast?.page(n) ?? { text: null, facts: null };
      return withFacts(text ?? (await pdfjsPageText(doc, n)), facts);
    },
    async close() {
      fast?.close();
      await doc.destroy();
    },
  };
}

async function openWithPasswords(bytes: Uint8Array, ctx: ExtractContext): Promise<{ doc: PDFDocumentProxy; password: string | undefined }> {
  const attempts: (string | undefined)[] = [undefined, ...passwordCandidates(ctx.passwords)];
  let sawPasswordPrompt = false;
  for (const password of attempts) {
    try {
      return { doc: await openPdfDocument(bytes, password), password };
    } catch (e) {
      if (isPasswordError(e)) {
        sawPasswordPrompt = true;
        continue;
      }
      throw new UserError('damaged', describeOpenFailure(e));
    }
  }
  throw new UserError(
    'encrypted',
    sawPasswordPrompt && ctx.passwords.length > 0
      ? 'The PDF is password-protected and none of the passwords given opens it.'
      : 'The PDF is password-protected; import it again with its password.',
  );
}

/** Opens a PDF with pdf.js as every reader in the core does: no eval, no system fonts, resources from disk. */
export async function openPdfDocument(bytes: Uint8Array, password: string | undefined): Promise<PDFDocumentProxy> {
  await loadPdfjsWorker();
  // pdf.js takes ownership of (and may detach) the buffer it is given, so it gets a copy.
  return getDocument({
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapPacked: true,
    ...RESOURCE_PATHS,
  }).promise;
}

export function isPasswordError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: string }).name === 'PasswordException';
}

function describeOpenFailure(e: unknown): string {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'InvalidPDFException') return 'The file is not a readable PDF (its structure is damaged or it is not a PDF).';
  return 'The PDF is damaged and could not be opened.';
}

async function readDocument(pdf: OpenedPdf): Promise<ExtractedDocument> {
  const out = emptyDocument('pdf', 'application/pdf');
  const { info } = pdf;
  out.title = clean(info.Title);
  out.author = clean(info.Author);
  out.subject = clean(info.Subject);
  out.date = pdfDateToIso(info.CreationDate) ?? pdfDateToIso(info.ModDate);
  out.encrypted = pdf.encrypted;
  if (out.encrypted) {
    const refused = await pdf.refusedPermissions();
    if (refused.length > 0) out.warnings.push(`The PDF is encrypted and its permissions do not allow: ${refused.join(', ')}.`);
  }

  const claimed = pdf.pageCount;
  const unreadable: number[] = [];
  let badRun = 0;
  for (let n = 1; n <= claimed; n++) {
    const read = await pdf.page(n);
    if (read === null) {
      unreadable.push(n);
      if (++badRun >= MAX_CONSECUTIVE_BAD_PAGES) break;
      continue;
    }
    badRun = 0;
    out.pages.push({ page: n, text: read.text, facts: read.facts });
  }
  const lastRead = out.pages.at(-1)?.page ?? 0;
  const gaveUp = badRun >= MAX_CONSECUTIVE_BAD_PAGES;
  out.pageCount = gaveUp ? lastRead : claimed;
  if (gaveUp) out.warnings.push(`The file claims ${claimed.toLocaleString('en-US')} pages but only ${lastRead} could be read.`);
  const lost = gaveUp ? unreadable.filter((n) => n < lastRead) : unreadable;
  if (lost.length > 0) out.warnings.push(`Pages that could not be read: ${summarise(lost)}.`);
  if (out.pages.length === 0) throw new UserError('damaged', 'The PDF is damaged: none of its pages could be read.');
  const blank = out.pages.filter((p) => p.text.trim() === '').map((p) => p.page);
  const stamped = out.pages.filter((p) => p.text.trim() !== '' && wantsOcr(p.text, p.facts ?? null)).map((p) => p.page);
  out.textLayer = blank.length === 0 && stamped.length === 0;
  // Stored with the exhibit for good, so they say what the file is, never what is still to be done: whether OCR has
  // read those pages since is shown beside them (Exhibit.ocr).
  if (blank.length > 0) out.warnings.push(`No text layer on ${blank.length === out.pages.length ? 'any page' : `pages ${summarise(blank)}`} (scanned).`);
  if (stamped.length > 0) out.warnings.push(`${stamped.length === 1 ? 'Page' : 'Pages'} ${summarise(stamped)}: scanned, with text only in the margins (a stamp or header).`);
  return out;
}

function withFacts(text: string | null, facts: PageFacts | null): { text: string; facts: PageFacts } | null {
  return text === null ? null : { text, facts: facts ?? unmeasured(text) };
}

/** A page's text as pdf.js lays it out; null when pdf.js cannot read the page. */
async function pdfjsPageText(doc: PDFDocumentProxy, n: number): Promise<string | null> {
  try {
    const page = await doc.getPage(n);
    try {
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      return text.replace(/[ \t]+\n/g, '\n').trimEnd();
    } finally {
      page.cleanup();
    }
  } catch {
    return null;
  }
}

// PDF permission bits (ISO 32000-1, table 22) as pdf.js reports the allowed ones.
const PERMISSIONS: [number, string][] = [
  [4, 'printing'],
  [8, 'changing the document'],
  [16, 'copying text'],
  [32, 'adding comments'],
  [256, 'filling in forms'],
  [1024, 'assembling pages'],
];

async function refusedPermissions(doc: PDFDocumentProxy): Promise<string[]> {
  const allowed = await doc.getPermissions().catch(() => null);
  return allowed ? PERMISSIONS.filter(([bit]) => !allowed.includes(bit)).map(([, name]) => name) : [];
}

function clean(value: string | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

/** "1–3, 7, 9–12" for a sorted list of page numbers. */
export function summarise(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
