// Reads an Outlook item's text: 8-bit ("ANSI") strings in the item's code page, and the body from whichever of
// plain text, HTML or compressed RTF the item holds.
import { decodeWords } from 'postal-mime';
import { latin1Bytes } from './charset.ts';
import { htmlToText } from './html-text.ts';
import { codepageLabel, decodeWithFallback, isAnsiCodepage, localeCodepage } from './mail-codepage.ts';
import type { FieldsData, ParserConfig } from './mail-msgreader.ts';
import { decompressRtf } from './mail-rtf-decompress.ts';
import { readRtf } from './mail-rtf-text.ts';

const PT_STRING8 = 0x001e;
// MAPI property ids ([MS-OXPROPS]) of the string fields msgreader fills, to recognise the 8-bit ones.
const STRING_PROPERTIES = {
  messageClass: 0x001a,
  subject: 0x0037,
  headers: 0x007d,
  senderName: 0x0c1a,
  senderEmail: 0x0c1f,
  body: 0x1000,
  name: 0x3001,
  email: 0x3003,
  smtpAddress: 0x39fe,
  extension: 0x3703,
  fileNameShort: 0x3704,
  fileName: 0x3707,
  attachMimeTag: 0x370e,
  senderSmtpAddress: 0x5d01,
  sentRepresentingSmtpAddress: 0x5d02,
} as const satisfies Partial<Record<keyof FieldsData, number>>;
export type StringField = keyof typeof STRING_PROPERTIES;
// Texts, not header strings: an "=?" in a body or in the transport headers is left as written.
const NOT_HEADER_STRINGS = new Set<StringField>(['body', 'headers']);
// An RFC 2047 encoded-word, which some gateways leave in the names and subjects Outlook stores.
const ENCODED_WORD = /=\?[^?\s]+\?[bq]\?[^?\s]*\?=/i;
const PT_UNICODE = 0x001f;

/** A property as msgreader decodes it with raw properties on: its tag, or for a named one its set and id. */
interface RawValue {
  type: number;
  value: unknown;
}

/**
 * msgreader returns 8-bit strings byte for byte as Latin-1 characters; this notes which properties were 8-bit
 * (through msgreader's property observer) and decodes them in the item's code page.
 */
export class MsgStrings {
  private readonly ansiProperties = new WeakMap<object, Set<number>>();
  private label = 'windows-1252';
  private readonly fallbacks = new Set<string>();

  readonly parserConfig: ParserConfig = {
    // Every property, so that named ones (task dates, contact e-mail addresses …) and unmapped ones can be read.
    includeRawProps: true,
    propertyObserver: (fields, tag) => {
      if ((tag & 0xffff) !== PT_STRING8) return;
      const ids = this.ansiProperties.get(fields) ?? new Set<number>();
      ids.add(tag >>> 16);
      this.ansiProperties.set(fields, ids);
    },
  };

  /** Takes the code page an item declares (or implies by its locale) for its 8-bit strings. */
  useCodepageOf(fields: FieldsData): void {
    const internet = numberOf(fields.internetCodepage);
    const codepage =
      numberOf(fields.messageCodepage) ??
      localeCodepage(numberOf(fields.messageLocaleId)) ??
      (internet !== null && isAnsiCodepage(internet) ? internet : 1252);
    this.label = codepageLabel(codepage) ?? 'windows-1252';
  }

  text(fields: FieldsData, key: StringField): string | null {
    const value = fields[key];
    if (typeof value !== 'string') return null;
    const text = this.ansiProperties.get(fields)?.has(STRING_PROPERTIES[key]) ? this.decode8(value) : value;
    return NOT_HEADER_STRINGS.has(key) ? text : decodeEncodedWords(text);
  }

  /**
   * A property msgreader does not name: by id (`0x0042`), or for a named property by its set's GUID and long id.
   * Strings come back decoded (code page, then encoded-words), times as msgreader's date text, numbers as numbers.
   */
  raw(fields: FieldsData, id: number | [set: string, lid: number]): unknown {
    const found = this.rawIndex(fields).get(rawKey(id));
    if (!found || typeof found.value !== 'string') return found?.value ?? null;
    const text = found.type === PT_STRING8 ? this.decode8(found.value) : found.value;
    return found.type === PT_STRING8 || found.type === PT_UNICODE ? decodeEncodedWords(text) : text;
  }

  private readonly rawIndexes = new WeakMap<object, Map<string, RawValue>>();
  private rawIndex(fields: FieldsData): Map<string, RawValue> {
    let index = this.rawIndexes.get(fields);
    if (index) return index;
    index = new Map();
    for (const p of fields.rawProps ?? []) {
      const tag = p.propertyTag ?? '';
      if (tag.length !== 8) continue;
      const type = parseInt(tag.slice(4), 16);
      const key = p.propertySet && p.propertyLid ? `${p.propertySet}:${parseInt(p.propertyLid, 16)}` : `${parseInt(tag.slice(0, 4), 16)}`;
      if (!index.has(key)) index.set(key, { type, value: p.value });
    }
    this.rawIndexes.set(fields, index);
    return index;
  }

  private decode8(value: string): string {
    const bytes = latin1Bytes(value);
    if (!bytes) return value;
    const decoded = decodeWithFallback(bytes, this.label);
    if (decoded.fellBack) this.fallbacks.add(decoded.label);
    return decoded.text;
  }

  warnings(): string[] {
    return [...this.fallbacks].map(
      (label) => `Some text was not in the code page the message declares (${this.label}); it was read as ${label}.`,
    );
  }
}

export function messageBody(fields: FieldsData, strings: MsgStrings, warnings: string[]): string | null {
  const plain = strings.text(fields, 'body');
  if (plain?.trim()) return tidy(plain);
  const html = (typeof fields.bodyHtml === 'string' ? fields.bodyHtml : null) ?? htmlBytes(fields);
  if (html?.trim()) return tidy(htmlToText(html));
  if (!(fields.compressedRtf instanceof Uint8Array)) return null;
  const rtf = decompressRtf(fields.compressedRtf);
  if (!rtf) {
    warnings.push('The formatted (RTF) text of the message could not be read.');
    return null;
  }
  const content = readRtf(rtf);
  return tidy(content.html ? htmlToText(content.text) : content.text);
}

function rawKey(id: number | [set: string, lid: number]): string {
  return typeof id === 'number' ? `${id}` : `${id[0].toLowerCase()}:${id[1]}`;
}

/** Decodes RFC 2047 encoded-words left in a stored header string (a name, a subject). */
export function decodeEncodedWords(text: string): string {
  return ENCODED_WORD.test(text) ? decodeWords(text) : text;
}

// A damaged file can hold a property under the wrong type, so msgreader's values are checked before use.
function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function htmlBytes(fields: FieldsData): string | null {
  if (!(fields.html instanceof Uint8Array)) return null;
  const label = codepageLabel(numberOf(fields.internetCodepage)) ?? 'utf-8';
  return decodeWithFallback(fields.html, label).text;
}

// Control characters other than tab and newline carry no text (RTF bodies often end in NUL padding).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A body's text with Windows line ends, control characters and runs of blank lines cleaned up; null when empty. */
export function tidy(text: string): string | null {
  const lines = text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').split('\n').map((line) => line.trimEnd());
  const body = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return body || null;
}
