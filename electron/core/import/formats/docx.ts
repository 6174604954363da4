// Word (.docx) importer: unpacks only the package's XML under size limits, reads text with mammoth and metadata from core.xml.
import { createRequire } from 'node:module';
import type mammothModule from 'mammoth';
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type ExtractedAttachment, type Extractor } from '../extractor.ts';
import { decodeEntities, htmlToText } from './html-text.ts';
import {
  altChunkIds, chunkFormat, chunkText, commentsSection, inlineAltChunks, paragraphsText, readComments, showRevisions,
} from './docx-layers.ts';
import { isMetadataDate } from './iso-date.ts';
import { embeddedFiles, MAX_XML_BYTES, openPackage, refusal, relationships, type OfficePackage } from './office-package.ts';
import { leadingEntryNames, unpackEntry, writeStoredZip, ZipError, type ZipEntry } from './zip-archive.ts';

const MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const WORD_NAME = /\.docx$/i;
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ENCRYPTED = 'This is a password-protected Word document; remove the password and import it again.';
// Without a .docx name, an encrypted package could as well be a workbook or a presentation.
const ENCRYPTED_OFFICE =
  'This is a password-protected Office document (Word, Excel or PowerPoint); remove the password and import it again.';
// Office names the stream holding an encrypted package this, in the OLE directory (UTF-16).
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const DOCTYPE_WARNING =
  'The document contains an XML DOCTYPE, which Word never writes; its entities were left as written and nothing it points to was fetched.';

let mammoth: typeof mammothModule | null = null;
/** Loaded by the first Word document: most imports have none, and each import worker would load it at start. */
function loadMammoth(): typeof mammothModule {
  mammoth ??= createRequire(import.meta.url)('mammoth') as typeof mammothModule;
  return mammoth;
}

function mammothOptions(m: typeof mammothModule) {
  return {
    // No style map for comments: they are written out separately, with their authors and dates (docx-layers.ts).
    // Never read picture data, in the package or outside it: only the text is wanted.
    convertImage: m.images.imgElement(async () => ({ src: '' })),
    externalFileAccess: false,
  };
}
// The "↑" links mammoth adds after each footnote and comment back to where it is referenced.
const BACK_LINK = /<a href="#[\w-]*-ref-[\w-]*">↑<\/a>/g;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function holdsEncryptedPackage(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_SIGNATURE) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);
}

function refuseOle(bytes: Uint8Array, fileName: string): UserError {
  if (holdsEncryptedPackage(bytes)) return new UserError('encrypted', WORD_NAME.test(fileName) ? ENCRYPTED : ENCRYPTED_OFFICE);
  return new UserError(
    'unsupported_format',
    'This is an older Office file (not .docx) with a .docx name; open it in Word, save it as .docx and import it again.',
  );
}

/**
 * Removes each part's DOCTYPE (OOXML forbids DTDs; Word never writes one) and escapes the entity references it
 * declared, so they read as written instead of being expanded or failing the part. Returns how many it removed.
 */
function removeDoctypes(parts: Map<string, string>): number {
  let removed = 0;
  for (const [name, xml] of parts) {
    const start = xml.indexOf('<!DOCTYPE');
    if (start < 0) continue;
    const rest = xml.slice(doctypeEnd(xml, start + 9));
    parts.set(name, xml.slice(0, start) + rest.replace(/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;'));
    removed++;
  }
  return removed;
}

function doctypeEnd(xml: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return xml.length;
}

function countExternalPictures(parts: Map<string, string>): number {
  let count = 0;
  for (const [name, xml] of parts) {
    if (!name.endsWith('.rels')) continue;
    for (const [rel] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      if (/TargetMode\s*=\s*["']External["']/.test(rel) && /Type\s*=\s*["'][^"']*\/image["']/.test(rel)) count++;
    }
  }
  return count;
}

function externalPicturesWarning(count: number): string {
  const what = count === 1 ? 'a picture' : `${count} pictures`;
  return `The document shows ${what} linked from outside the file; linked pictures are never fetched.`;
}

/**
 * Text (with footnotes and comments) through mammoth, which gets a fresh package of only the checked XML parts: it
 * never inflates anything itself, and there is no picture in it to read.
 */
async function readText(parts: Map<string, string>): Promise<string | null> {
  const zip = writeStoredZip([...parts].map(([name, xml]) => ({ name, data: Buffer.from(xml, 'utf8') })));
  const m = loadMammoth();
  const { value } = await m.convertToHtml({ buffer: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) }, mammothOptions(m));
  return htmlToText(value.replace(BACK_LINK, '')) || null;
}

function coreValue(core: string, localName: string): string | null {
  const match = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?(?<!/)>([^<]*)</`).exec(core);
  return decodeEntities(match?.[1] ?? '').trim() || null;
}

function coreDate(core: string): string | null {
  const date = coreValue(core, 'created') ?? coreValue(core, 'modified');
  return date !== null && isMetadataDate(date) ? date : null;
}

export const docxExtractor: Extractor = {
  name: 'docx',
  accepts(head, fileName) {
    if (startsWith(head, ZIP_SIGNATURE)) return WORD_NAME.test(fileName) || leadingEntryNames(head).some((name) => name.startsWith('word/'));
    if (startsWith(head, OLE_SIGNATURE)) return WORD_NAME.test(fileName) || holdsEncryptedPackage(head);
    return false;
  },
  async extract(bytes, ctx) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    if (startsWith(bytes, OLE_SIGNATURE)) throw refuseOle(bytes, ctx.fileName);
    const word = await readWord(bytes, 0);
    return {
      ...emptyDocument('document', MEDIA_TYPE),
      title: coreValue(word.core, 'title'),
      author: coreValue(word.core, 'creator'),
      date: coreDate(word.core),
      body: word.body,
      attachments: word.attachments,
      warnings: [...new Set(word.warnings)],
    };
  },
};

// A Word chunk inside a Word chunk inside …: deeper than this is not a document anyone wrote.
const MAX_CHUNK_DEPTH = 2;

interface WordContent {
  core: string;
  body: string | null;
  attachments: ExtractedAttachment[];
  warnings: string[];
}

async function readWord(bytes: Uint8Array, depth: number): Promise<WordContent> {
  const pkg = openPackage(bytes, 'Word document');
  const { parts } = pkg;
  if (!parts.get('[Content_Types].xml')?.includes('wordprocessingml')) {
    throw new UserError('unsupported_format', 'This file is a ZIP archive, not a Word document.');
  }
  const warnings: string[] = [];
  if (removeDoctypes(parts) > 0) warnings.push(DOCTYPE_WARNING);
  const pictures = countExternalPictures(parts);
  if (pictures > 0) warnings.push(externalPicturesWarning(pictures));
  await inlineChunks(pkg, depth, warnings);
  const revisions = { insertions: 0, deletions: 0, moves: 0 };
  for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    const xml = parts.get(name);
    if (xml === undefined) continue;
    const shown = showRevisions(xml);
    parts.set(name, shown.xml);
    revisions.insertions += shown.insertions;
    revisions.deletions += shown.deletions;
    revisions.moves += shown.moves;
  }
  let text: string | null = null;
  try {
    text = await readText(parts);
  } catch (e) {
    // mammoth rejects with plain Errors for XML it cannot follow; the original is still worth keeping.
    if (!(e instanceof Error)) throw e;
    warnings.push('The text of this Word document could not be read, so it was imported without searchable text.');
  }
  const comments = readComments(parts.get('word/comments.xml') ?? '');
  const body = [text, headersAndFooters(parts), commentsSection(comments)].filter(Boolean).join('\n\n') || null;
  const { insertions, deletions, moves } = revisions;
  if (insertions + deletions + moves > 0) {
    const counts = [plural(insertions, 'insertion'), plural(deletions, 'deletion'), moves > 0 ? plural(moves, 'move') : null].filter(Boolean).join(', ');
    warnings.push(`The document carries tracked changes (${counts}); deleted text is kept in its text, marked "[deleted: …]".`);
  }
  if (comments.length > 0) warnings.push(`The document carries ${plural(comments.length, 'comment')}; they are kept at the end of its text with their authors and dates.`);
  // Workbooks, decks, Outlook messages and OLE objects the document embeds; a chunk's own are its host's to hand on.
  const attachments = depth === 0 ? embeddedFiles(pkg, 'word/embeddings/', warnings) : [];
  return { core: parts.get('docProps/core.xml') ?? '', body, attachments, warnings };
}

function unpackChunk(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  try {
    return unpackEntry(bytes, entry, MAX_XML_BYTES);
  } catch (e) {
    if (e instanceof ZipError) throw refusal(e, 'Word document');
    throw e;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Reads each altChunk's part and puts its text where the chunk stands in the document. */
async function inlineChunks(pkg: OfficePackage, depth: number, warnings: string[]): Promise<void> {
  const { bytes, entries, parts } = pkg;
  const documentXml = parts.get('word/document.xml');
  const ids = documentXml ? altChunkIds(documentXml) : [];
  if (!documentXml || ids.length === 0) return;
  const targets = relationships(pkg, 'word/document.xml');
  const texts = new Map<string, string | null>();
  let unread = 0;
  for (const id of ids) {
    const entry = entries.find((e) => e.name === targets.get(id)?.target);
    try {
      if (!entry) throw new Error('missing part');
      const data = unpackChunk(bytes, entry);
      const format = chunkFormat(data);
      if (format === 'docx') {
        if (depth >= MAX_CHUNK_DEPTH) throw new Error('too deep');
        const inner = await readWord(data, depth + 1);
        warnings.push(...inner.warnings);
        texts.set(id, inner.body);
      } else {
        texts.set(id, await chunkText(data, format));
      }
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      unread++;
    }
  }
  parts.set('word/document.xml', inlineAltChunks(documentXml, (id) => texts.get(id) ?? null));
  if (unread > 0) warnings.push(`${unread === 1 ? 'One part' : `${unread} parts`} the document imports from other files (altChunk) could not be read.`);
}

function headersAndFooters(parts: Map<string, string>): string | null {
  const texts = [...parts]
    .filter(([name]) => /^word\/(header|footer)\d*\.xml$/.test(name))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([, xml]) => paragraphsText(xml))
    .filter(Boolean);
  const unique = [...new Set(texts)];
  return unique.length > 0 ? `Headers and footers:\n${unique.join('\n')}` : null;
}
