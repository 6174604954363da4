// Plain-text importer, and the one place that turns a text file's bytes into a string (BOM, declared charset, guess).
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';

export const MAX_TEXT_BYTES = 200 * 1024 * 1024;

const TEXT_NAME = /\.(txt|text|md|csv|log)$/i;
const TITLE_MAX = 120;

export const WINDOWS_1252_FALLBACK_WARNING =
  'The text is not valid UTF-8; it was read as Windows-1252 (Western European), so some characters may be wrong.';

// What bytes 0x80–0x9F mean in windows-1252 (WHATWG index); Latin-1 leaves them as control characters.
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The character windows-1252 puts at a byte (used for bytes and for HTML's `&#128;`–`&#159;` references). */
export function windows1252Char(byte: number): string {
  const c1 = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_C1[byte - 0x80] : undefined;
  return String.fromCharCode(c1 ?? byte);
}

/** Node ≥ 20.18.3 decodes 'windows-1252' as Latin-1 (nodejs/node#60888), so bytes 0x80–0x9F are mapped here. */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => windows1252Char(c.charCodeAt(0)));
}

export interface DecodedText {
  text: string;
  warnings: string[];
}

/**
 * Decodes text by its byte-order mark, else by the charset the file declares (HTML's meta), else as UTF-8,
 * falling back to windows-1252 with a warning when the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array, declaredCharset: string | null = null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), warnings: [] };
  const warnings: string[] = [];
  if (declaredCharset !== null) {
    const encoding = knownEncoding(declaredCharset);
    if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), warnings };
    if (encoding !== null) return { text: new TextDecoder(encoding).decode(bytes), warnings };
    warnings.push(`The file declares a character set this app does not know ("${declaredCharset.slice(0, 40)}"); its encoding was guessed.`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    warnings.push(WINDOWS_1252_FALLBACK_WARNING);
    return { text: decodeWindows1252(bytes), warnings };
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function knownEncoding(label: string): string | null {
  let encoding: string;
  try {
    encoding = new TextDecoder(label.trim()).encoding;
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
  if (encoding === 'replacement') return null;
  // A declared UTF-16 without a BOM is a mislabel browsers read as UTF-8 (HTML spec, "prescan").
  return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
}

/** Whether a file's first bytes look like text: a UTF-16 BOM, or UTF-8 without NULs or stray control bytes. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if (bomEncoding(head) !== null) return true;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) return false;
  }
  try {
    // stream: a multi-byte character cut off by the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch (e) {
    if (e instanceof TypeError) return false;
    throw e;
  }
}

function firstLineTitle(text: string): string | null {
  const line = /\S[^\n]*/.exec(text)?.[0].slice(0, TITLE_MAX * 2).trim();
  return line ? Array.from(line).slice(0, TITLE_MAX).join('').trimEnd() : null;
}

export const textExtractor: Extractor = {
  name: 'text',
  accepts(head, fileName) {
    return TEXT_NAME.test(fileName) || looksLikeText(head);
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    if (bytes.length > MAX_TEXT_BYTES) throw new UserError('too_large', 'The text file is larger than 200 MB.');
    const { text, warnings } = decodeText(bytes);
    const body = text.replace(/\r\n?/g, '\n');
    return { ...emptyDocument('text', 'text/plain'), title: firstLineTitle(body), body, warnings };
  },
};
