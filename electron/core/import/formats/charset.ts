// Turns bytes into text: the one place that decodes by encoding name (and knows Node reads windows-1252 as Latin-1),
// and that finds a text file's encoding (byte-order mark, declared charset, else UTF-8 with a windows-1252 fallback).
import { TextDecoder } from 'node:util';

// What bytes 0x80–0x9F mean in windows-1252 (WHATWG index). Node ≥ 20.18.3 decodes 'windows-1252' as Latin-1
// (nodejs/node#60888), which leaves them as invisible C1 control characters: every curly quote, dash and € is lost.
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;

/** Replaces C1 control characters with the windows-1252 characters meant: text (or HTML's `&#128;`) never means C1. */
export function fixC1(text: string): string {
  return text.replace(C1, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** The WHATWG name of an encoding label ('latin1' → 'windows-1252'), or null when TextDecoder does not know it. */
export function encodingFor(label: string): string | null {
  return decoderFor(label, false)?.encoding ?? null;
}

/** Decodes bytes, or null when they are not valid in that encoding or the label is unknown. */
export function decodeStrict(bytes: Uint8Array, label: string): string | null {
  const decoder = decoderFor(label, true);
  if (!decoder) return null;
  try {
    return decoded(decoder, bytes);
  } catch (e) {
    if (e instanceof TypeError) return null;
    throw e;
  }
}

/** Decodes bytes, replacing what is not valid with U+FFFD; an unknown label reads as UTF-8. */
export function decodeBytes(bytes: Uint8Array, label: string): string {
  return decoded(decoderFor(label, false) ?? new TextDecoder('utf-8'), bytes);
}

/** Whether a file's first bytes are UTF-8, a multi-byte character cut off by the end of the head included. */
export function isUtf8Head(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch (e) {
    if (e instanceof TypeError) return false;
    throw e;
  }
}

function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

function decoded(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixC1(text) : text;
}

/** The bytes behind a string whose characters are all single bytes (as msgreader returns 8-bit strings), or null. */
export function latin1Bytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return null;
    bytes[i] = c;
  }
  return bytes;
}

/** The encoding a byte-order mark at the start names, or null when there is none. */
export function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export const WINDOWS_1252_FALLBACK_WARNING =
  'The text is not valid UTF-8; it was read as Windows-1252 (Western European), so some characters may be wrong.';

interface DecodedText {
  text: string;
  warnings: string[];
}

/**
 * Decodes a file by its byte-order mark, else by the charset it declares (HTML's meta), else as UTF-8, falling back
 * to windows-1252 with a warning when the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array, declaredCharset: string | null = null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeBytes(bytes, bom), warnings: [] };
  const warnings: string[] = [];
  if (declaredCharset !== null) {
    const encoding = encodingFor(declaredCharset.trim());
    // A declared UTF-16 without a BOM is a mislabel browsers read as UTF-8 (HTML spec, "prescan").
    if (encoding !== null) return { text: decodeBytes(bytes, encoding.startsWith('utf-16') ? 'utf-8' : encoding), warnings };
    const name = declaredCharset.slice(0, 40);
    warnings.push(`The file declares a character set this app does not know ("${name}"); its encoding was guessed.`);
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, warnings };
  warnings.push(WINDOWS_1252_FALLBACK_WARNING);
  return { text: decodeBytes(bytes, 'windows-1252'), warnings };
}
