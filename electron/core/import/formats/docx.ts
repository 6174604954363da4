// Word (.docx) importer: unpacks only the package's XML under size limits, reads text with mammoth and metadata from core.xml.
import { createRequire } from 'node:module';
import type mammothModule from 'mammoth';
import { UserError, type ErrorCode } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';
import { bomEncoding, decodeBytes } from './charset.ts';
import { decodeEntities, htmlToText } from './html-text.ts';
import { isMetadataDate } from './iso-date.ts';
import { leadingEntryNames, readZipDirectory, unpackEntry, writeStoredZip, ZipError, type ZipEntry } from './zip-archive.ts';

const MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const WORD_NAME = /\.docx$/i;
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const XML_PART = /\.(xml|rels)$/i;
const MAX_XML_BYTES = 200 * 1024 * 1024;
// Deflate tops out near 1000:1; real XML stays far below 500:1, a ZIP bomb sits at the top.
const BOMB_RATIO = 500;
const BOMB_MIN_BYTES = 10 * 1024 * 1024;

const DAMAGED = 'The Word document is damaged (its ZIP structure cannot be read).';
const ENCRYPTED = 'This is a password-protected Word document; remove the password and import it again.';
// Without a .docx name, an encrypted package could as well be a workbook or a presentation.
const ENCRYPTED_OFFICE =
  'This is a password-protected Office document (Word, Excel or PowerPoint); remove the password and import it again.';
// Office names the stream holding an encrypted package this, in the OLE directory (UTF-16).
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const DOCTYPE_WARNING =
  'The document contains an XML DOCTYPE, which Word never writes; its entities were left as written and nothing it points to was fetched.';
const ZIP_REFUSALS: Record<ZipError['problem'], [ErrorCode, string]> = {
  damaged: ['damaged', DAMAGED],
  encrypted: ['encrypted', ENCRYPTED],
  too_large: ['too_large', 'The Word document is too large to unpack safely (its text expands to more than 200 MB).'],
  unsupported: ['unsupported_format', 'The Word document uses a ZIP feature this app cannot read (ZIP64 or an unusual compression).'],
};

let mammoth: typeof mammothModule | null = null;
/** Loaded by the first Word document: most imports have none, and each import worker would load it at start. */
function loadMammoth(): typeof mammothModule {
  mammoth ??= createRequire(import.meta.url)('mammoth') as typeof mammothModule;
  return mammoth;
}

function mammothOptions(m: typeof mammothModule) {
  return {
    // Comments can matter as much as the text; mammoth leaves them out unless their references are mapped.
    styleMap: ['comment-reference => sup'],
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

function isBomb(entry: ZipEntry): boolean {
  return entry.size > BOMB_MIN_BYTES && entry.size / Math.max(1, entry.compressedSize) > BOMB_RATIO;
}

/** The package's XML parts by name, decoded; media is never unpacked. */
function unpackXmlParts(bytes: Uint8Array): Map<string, string> {
  try {
    const entries = readZipDirectory(bytes).filter((entry) => XML_PART.test(entry.name));
    if (entries.some(isBomb)) {
      throw new UserError('too_large', 'The Word document looks like a ZIP bomb (a part expands more than 500-fold); it was not imported.');
    }
    const parts = new Map<string, string>();
    let budget = MAX_XML_BYTES;
    for (const entry of entries) {
      const data = unpackEntry(bytes, entry, budget);
      budget -= data.length;
      parts.set(entry.name, decodeXml(data));
    }
    return parts;
  } catch (e) {
    if (e instanceof ZipError) throw new UserError(...ZIP_REFUSALS[e.problem]);
    throw e;
  }
}

function decodeXml(data: Uint8Array): string {
  return decodeBytes(data, bomEncoding(data) ?? 'utf-8');
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
    const parts = unpackXmlParts(bytes);
    if (!parts.get('[Content_Types].xml')?.includes('wordprocessingml')) {
      throw new UserError('unsupported_format', 'This file is a ZIP archive, not a Word document.');
    }
    const warnings: string[] = [];
    if (removeDoctypes(parts) > 0) warnings.push(DOCTYPE_WARNING);
    const pictures = countExternalPictures(parts);
    if (pictures > 0) warnings.push(externalPicturesWarning(pictures));
    let body: string | null = null;
    try {
      body = await readText(parts);
    } catch (e) {
      // mammoth rejects with plain Errors for XML it cannot follow; the original is still worth keeping.
      if (!(e instanceof Error)) throw e;
      warnings.push('The text of this Word document could not be read, so it was imported without searchable text.');
    }
    const core = parts.get('docProps/core.xml') ?? '';
    return {
      ...emptyDocument('document', MEDIA_TYPE),
      title: coreValue(core, 'title'),
      author: coreValue(core, 'creator'),
      date: coreDate(core),
      body,
      warnings,
    };
  },
};
