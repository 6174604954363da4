// Files carried inside a PDF: the document's EmbeddedFiles name tree (a portfolio's entries included) and files
// attached to pages by FileAttachment annotations. They are handed back as attachments, so the pipeline imports them
// as child exhibits, recursively, under the limits it applies to every attachment.
import { createHash } from 'node:crypto';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedAttachment, ExtractedDocument } from '../extractor.ts';
import { mediaTypeForName } from './mail-file-name.ts';
import { passwordCandidates } from './pdf-password.ts';

// Every way a PDF can name a file it carries; a file without any of these words has none, so pdf.js is not opened.
// Stream dictionaries are never compressed inside object streams, and writers mark an embedded file's stream with its type.
// Searched in the bytes, never in a string of them: a PDF may be larger than the longest string V8 can hold.
const EMBEDDED_FILE = '/EmbeddedFile';
const FILE_ATTACHMENT = '/FileAttachment';
const PORTFOLIO = '/Collection';
const FILE_ATTACHMENT_ANNOTATION = 17; // pdf.js's AnnotationType.FILEATTACHMENT
// What one PDF may hand on in total; beyond it, files are left out with a warning rather than held in memory.
export const MAX_EMBEDDED_BYTES = 512 * 2 ** 20;
export const MAX_EMBEDDED_FILES = 1_000;

interface FileSpec {
  filename?: string;
  rawFilename?: string;
  content?: Uint8Array | null;
  description?: string;
}

/**
 * Adds the files a PDF carries to what was read of it. pdf.js is opened only for a PDF whose bytes name such a file,
 * with the passwords that open it; a PDF that will not open for this keeps its text and says its files were not read.
 */
export async function addEmbeddedFiles(
  out: ExtractedDocument,
  bytes: Uint8Array,
  open: (password: string | undefined) => Promise<PDFDocumentProxy>,
  passwords: string[],
): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.indexOf(EMBEDDED_FILE, 0, 'latin1') < 0 && buf.indexOf(FILE_ATTACHMENT, 0, 'latin1') < 0) return;
  for (const password of [undefined, ...passwordCandidates(passwords)]) {
    let doc: PDFDocumentProxy;
    try {
      doc = await open(password);
    } catch (e) {
      if ((e as { name?: string } | null)?.name === 'PasswordException') continue;
      break;
    }
    try {
      const found = await readEmbeddedFiles(doc, bytes);
      out.attachments.push(...found.attachments);
      out.warnings.push(...found.warnings);
      return;
    } finally {
      await doc.destroy();
    }
  }
  out.warnings.push('The PDF names files attached to it, but they could not be read.');
}

/** The files the PDF carries, in document order (name tree first, then page by page), and what could not be taken. */
export async function readEmbeddedFiles(doc: PDFDocumentProxy, bytes: Uint8Array): Promise<{ attachments: ExtractedAttachment[]; warnings: string[] }> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: { spec: FileSpec; where: string }[] = [];
  const warnings: string[] = [];
  const tree = ((await doc.getAttachments().catch(() => null)) ?? {}) as Record<string, FileSpec>;
  for (const [key, spec] of Object.entries(tree)) found.push({ spec: { ...spec, filename: spec.filename || key }, where: 'document' });
  // An annotation dictionary may sit compressed in an object stream, but the file's stream never does: when the
  // name tree does not account for every embedded file stream, the pages are looked through too.
  if (buf.indexOf(FILE_ATTACHMENT, 0, 'latin1') >= 0 || found.length < embeddedFileStreams(buf)) {
    for (let n = 1; n <= doc.numPages; n++) {
      const annotations = await doc
        .getPage(n)
        .then((page) => page.getAnnotations({ intent: 'display' }))
        .catch(() => []);
      for (const a of annotations as { annotationType?: number; file?: FileSpec }[]) {
        if (a.annotationType === FILE_ATTACHMENT_ANNOTATION && a.file) found.push({ spec: a.file, where: `page ${n}` });
      }
    }
  }
  const attachments: ExtractedAttachment[] = [];
  const seen = new Set<string>();
  let total = 0;
  let missing = 0;
  let overLimit = 0;
  for (const { spec } of found) {
    const content = spec.content;
    if (!(content instanceof Uint8Array)) {
      missing++;
      continue;
    }
    const fileName = spec.filename || 'unnamed';
    const key = `${fileName}\u0000${createHash('sha256').update(content).digest('hex')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (attachments.length >= MAX_EMBEDDED_FILES || total + content.length > MAX_EMBEDDED_BYTES) {
      overLimit++;
      continue;
    }
    total += content.length;
    attachments.push({ fileName, bytes: content, mediaType: mediaTypeForName(fileName), inline: false });
  }
  if (attachments.length > 0 && buf.indexOf(PORTFOLIO, 0, 'latin1') >= 0) {
    warnings.push(`The PDF is a portfolio; the ${attachments.length === 1 ? 'file' : `${attachments.length} files`} in it were imported as attachments.`);
  }
  if (missing > 0) warnings.push(`${missing === 1 ? 'One file' : `${missing} files`} the PDF names as attached could not be found in it.`);
  if (overLimit > 0) {
    warnings.push(
      `${overLimit === 1 ? 'One embedded file was' : `${overLimit} embedded files were`} not imported: a PDF hands on at most ${MAX_EMBEDDED_FILES} files and ${MAX_EMBEDDED_BYTES / 2 ** 20} MB.`,
    );
  }
  return { attachments, warnings };
}

/** How many times `/EmbeddedFile` (not `/EmbeddedFiles`, the name tree's key) occurs: about one per carried file. */
function embeddedFileStreams(buf: Buffer): number {
  let count = 0;
  for (let at = buf.indexOf(EMBEDDED_FILE, 0, 'latin1'); at >= 0; at = buf.indexOf(EMBEDDED_FILE, at + 1, 'latin1')) {
    if (buf[at + EMBEDDED_FILE.length] !== 0x73 /* s */) count++;
  }
  return count;
}
