// Opens an Office Open XML or OpenDocument package (a ZIP) under the same limits as Word documents: its XML parts
// decoded within a budget, ZIP bombs refused, embedded files handed on as attachments within their own budget.
import { UserError, type ErrorCode } from '../../../../shared/errors.ts';
import type { ExtractedAttachment } from '../extractor.ts';
import { bomEncoding, decodeBytes } from './charset.ts';
import { decodeEntities } from './html-text.ts';
import { mediaTypeForName } from './mail-file-name.ts';
import { readZipDirectory, unpackEntry, ZipError, type ZipEntry } from './zip-archive.ts';

const XML_PART = /\.(xml|rels)$/i;
export const MAX_XML_BYTES = 200 * 1024 * 1024;
const BOMB_RATIO = 500;
const BOMB_MIN_BYTES = 10 * 1024 * 1024;
// What the files a package embeds may take in memory, all together.
export const MAX_EMBEDDED_BYTES = 256 * 2 ** 20;

export interface OfficePackage {
  bytes: Uint8Array;
  entries: ZipEntry[];
  parts: Map<string, string>;
}

/** `what` names the file for the user: "workbook", "presentation" … */
export function openPackage(bytes: Uint8Array, what: string): OfficePackage {
  try {
    const entries = readZipDirectory(bytes);
    const xml = entries.filter((e) => XML_PART.test(e.name));
    if (xml.some((e) => e.size > BOMB_MIN_BYTES && e.size / Math.max(1, e.compressedSize) > BOMB_RATIO)) {
      throw new UserError('too_large', `The ${what} looks like a ZIP bomb (a part expands more than 500-fold); it was not imported.`);
    }
    // Many parts each under the per-part check can still add up: the parts together are held to the same ratio and
    // to the budget, by the sizes the ZIP declares, before a byte is inflated (the budget also holds if they lie).
    const declared = xml.reduce((n, e) => n + e.size, 0);
    if (declared > MAX_XML_BYTES) throw new ZipError('too_large', 'the parts together are declared over the budget');
    if (declared > BOMB_MIN_BYTES && declared / Math.max(1, bytes.length) > BOMB_RATIO) {
      throw new UserError('too_large', `The ${what} looks like a ZIP bomb (its parts together expand more than 500-fold); it was not imported.`);
    }
    const parts = new Map<string, string>();
    let budget = MAX_XML_BYTES;
    for (const entry of xml) {
      const data = unpackEntry(bytes, entry, budget);
      budget -= data.length;
      parts.set(entry.name, decodeBytes(data, bomEncoding(data) ?? 'utf-8'));
    }
    return { bytes, entries, parts };
  } catch (e) {
    if (e instanceof ZipError) throw refusal(e, what);
    throw e;
  }
}

/** A ZIP problem in words for the user, `what` naming the file ("Word document", "workbook" …). */
export function refusal(e: ZipError, what: string): UserError {
  const reasons: Record<ZipError['problem'], [ErrorCode, string]> = {
    damaged: ['damaged', `The ${what} is damaged (its ZIP structure cannot be read).`],
    encrypted: ['encrypted', `This is a password-protected ${what}; remove the password and import it again.`],
    too_large: ['too_large', `The ${what} is too large to unpack safely (its text expands to more than 200 MB).`],
    unsupported: ['unsupported_format', `The ${what} uses a ZIP feature this app cannot read (ZIP64 or an unusual compression).`],
  };
  return new UserError(...reasons[e.problem]);
}

/** The files under `folder` (word/embeddings/, xl/embeddings/ …) as attachments, within the budget; says what was left out. */
export function embeddedFiles(pkg: OfficePackage, folder: string, warnings: string[]): ExtractedAttachment[] {
  const attachments: ExtractedAttachment[] = [];
  let budget = MAX_EMBEDDED_BYTES;
  let skipped = 0;
  for (const entry of pkg.entries.filter((e) => e.name.startsWith(folder) && !e.name.endsWith('/') && !e.name.slice(folder.length).includes('/'))) {
    // An embedded file that expands like a ZIP bomb, or beyond what is left of the budget, is left out.
    if (entry.size > budget || (entry.size > BOMB_MIN_BYTES && entry.size / Math.max(1, entry.compressedSize) > BOMB_RATIO)) {
      skipped++;
      continue;
    }
    try {
      const data = unpackEntry(pkg.bytes, entry, budget);
      budget -= data.length;
      const fileName = entry.name.slice(folder.length);
      attachments.push({ fileName, bytes: data, mediaType: mediaTypeForName(fileName), inline: false });
    } catch (e) {
      if (!(e instanceof ZipError)) throw e;
      skipped++;
    }
  }
  if (skipped > 0) {
    warnings.push(`${skipped === 1 ? 'One embedded file was' : `${skipped} embedded files were`} not imported (damaged, expanding more than ${BOMB_RATIO}-fold, or beyond ${MAX_EMBEDDED_BYTES / 2 ** 20} MB in all).`);
  }
  return attachments;
}

/** Relationship id → part name, for the .rels of `part` (resolved against the part's folder). */
export function relationships(pkg: OfficePackage, part: string): Map<string, { target: string; type: string }> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash);
  const rels = pkg.parts.get(`${folder}/_rels/${part.slice(slash + 1)}.rels`) ?? '';
  const out = new Map<string, { target: string; type: string }>();
  for (const [rel] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (!id || !target || /TargetMode\s*=\s*["']External["']/.test(rel)) continue;
    out.set(id, { target: resolve(folder, target), type: attr(rel, 'Type') ?? '' });
  }
  return out;
}

function resolve(folder: string, target: string): string {
  const parts: string[] = [];
  for (const piece of (target.startsWith('/') ? target.slice(1) : `${folder}/${target}`).split('/')) {
    if (piece === '..') parts.pop();
    else if (piece && piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** The relationship id an element points through (r:id, whatever the prefix), not its own id attribute. */
export function relId(tag: string): string | null {
  return /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? null;
}

/** An attribute's value by local name (any prefix), entities decoded. */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}

/** The text of DrawingML / SpreadsheetML runs (<a:t>, <t>), paragraph by paragraph (<a:p>, <text:p> …). */
export function runsText(xml: string, paragraph: string, textTag: string): string {
  return xml
    .split(new RegExp(`</${paragraph}>`))
    .map((p) =>
      [...p.matchAll(new RegExp(`<${textTag}(?:\\s[^>]*)?>([^<]*)</${textTag}>`, 'g'))]
        .map((m) => decodeEntities(m[1]!))
        .join('')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}
