// Finds the encoding of mail text from Windows code pages, locale ids and MIME charsets, and notices text that was
// decoded with the wrong one; charset.ts does the decoding.
import { decodeBytes, decodeStrict, encodingFor, latin1Bytes } from './charset.ts';

// Windows code page → WHATWG encoding label (the names TextDecoder knows).
const CODEPAGE_LABELS: Record<number, string> = {
  866: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  10007: 'x-mac-cyrillic',
  20127: 'windows-1252',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28591: 'windows-1252',
  28592: 'iso-8859-2',
  28593: 'iso-8859-3',
  28594: 'iso-8859-4',
  28595: 'iso-8859-5',
  28596: 'iso-8859-6',
  28597: 'iso-8859-7',
  28598: 'iso-8859-8',
  28599: 'windows-1254',
  28603: 'iso-8859-13',
  28605: 'iso-8859-15',
  50220: 'iso-2022-jp',
  50221: 'iso-2022-jp',
  50222: 'iso-2022-jp',
  51932: 'euc-jp',
  51949: 'euc-kr',
  54936: 'gb18030',
  65001: 'utf-8',
};

// The code pages Windows uses for 8-bit strings ("ANSI"), which is what an Outlook item's non-Unicode strings are in.
const ANSI_CODEPAGES = new Set([874, 932, 936, 949, 950, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258]);

// Primary language of a Windows locale id → its ANSI code page, where that is not 1252.
const LANGUAGE_CODEPAGES: Record<number, number> = {
  0x01: 1256, // Arabic
  0x02: 1251, // Bulgarian
  0x04: 936, // Chinese, unless the region says otherwise
  0x05: 1250, // Czech
  0x08: 1253, // Greek
  0x0d: 1255, // Hebrew
  0x0e: 1250, // Hungarian
  0x11: 932, // Japanese
  0x12: 949, // Korean
  0x15: 1250, // Polish
  0x18: 1250, // Romanian
  0x19: 1251, // Russian
  0x1a: 1250, // Croatian (Serbian Cyrillic is handled below)
  0x1b: 1250, // Slovak
  0x1c: 1250, // Albanian
  0x1e: 874, // Thai
  0x1f: 1254, // Turkish
  0x20: 1256, // Urdu
  0x22: 1251, // Ukrainian
  0x23: 1251, // Belarusian
  0x24: 1250, // Slovenian
  0x25: 1257, // Estonian
  0x26: 1257, // Latvian
  0x27: 1257, // Lithuanian
  0x29: 1256, // Persian
  0x2a: 1258, // Vietnamese
  0x2f: 1251, // Macedonian
  0x3f: 1251, // Kazakh
  0x40: 1251, // Kyrgyz
  0x44: 1251, // Tatar
  0x50: 1251, // Mongolian
};

// Chinese depends on the region, not just the language.
const CHINESE_CODEPAGES: Record<number, number> = { 0x0404: 950, 0x0804: 936, 0x0c04: 950, 0x1004: 936, 0x1404: 950 };
const SERBIAN_CYRILLIC = new Set([0x0c1a, 0x1c1a, 0x281a]);

// RTF \fcharset values → code pages.
const FONT_CHARSET_CODEPAGES: Record<number, number> = {
  0: 1252, 2: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254,
  163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 255: 1252,
};

// Tried in this order when text does not decode with the code page it claims.
const FALLBACK_LABELS = ['utf-8', 'shift_jis', 'big5', 'gbk', 'euc-kr', 'windows-1252'];
// Multi-byte encodings whose bytes, read as Latin-1, give the typical "Ã©" / "¤j¸É" mojibake.
const MULTIBYTE_LABELS = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'big5', 'gbk', 'gb18030', 'euc-kr', 'utf-8']);

export function codepageLabel(codepage: number | null | undefined): string | null {
  return codepage == null ? null : (CODEPAGE_LABELS[codepage] ?? null);
}

export function isAnsiCodepage(codepage: number): boolean {
  return ANSI_CODEPAGES.has(codepage);
}

export function localeCodepage(lcid: number | null | undefined): number | null {
  if (lcid == null || lcid <= 0) return null;
  if (CHINESE_CODEPAGES[lcid] !== undefined) return CHINESE_CODEPAGES[lcid];
  if (SERBIAN_CYRILLIC.has(lcid)) return 1251;
  return LANGUAGE_CODEPAGES[lcid & 0x3ff] ?? 1252;
}

export function fontCharsetCodepage(charset: number): number | null {
  return FONT_CHARSET_CODEPAGES[charset] ?? null;
}

/** A TextDecoder label for a MIME charset name, or null if there is none. */
export function charsetLabel(charset: string | null | undefined): string | null {
  if (!charset) return null;
  const name = charset.trim().toLowerCase();
  const windows = /^(?:cp|windows-?|ms)(\d{3,5})$/.exec(name);
  if (windows) return codepageLabel(Number(windows[1]));
  return encodingFor(name);
}

interface Decoded {
  text: string;
  label: string;
  /** True when the declared encoding did not fit and another one was used. */
  fellBack: boolean;
}

/** Decodes with the declared encoding or, if the bytes are not valid in it, the first common one they are valid in. */
export function decodeWithFallback(bytes: Uint8Array, declared: string): Decoded {
  const clean = decodeStrict(bytes, declared);
  if (clean !== null) return { text: clean, label: declared, fellBack: false };
  for (const label of FALLBACK_LABELS) {
    if (label === declared) continue;
    const text = decodeStrict(bytes, label);
    if (text !== null) return { text, label, fellBack: true };
  }
  return { text: decodeBytes(bytes, declared), label: declared, fellBack: false };
}

/**
 * Text that a sender's software decoded as Latin-1 although it was in a multi-byte encoding (for example Big5),
 * re-read in that encoding; null when the text does not look like that or does not decode cleanly.
 */
export function repairMojibake(text: string, label: string): string | null {
  if (!MULTIBYTE_LABELS.has(label) || !/[\u0080-\u00ff]/.test(text)) return null;
  const bytes = latin1Bytes(text);
  if (!bytes) return null;
  const repaired = decodeStrict(bytes, label);
  return repaired !== null && repaired !== text && !/[\u0080-\u009f]/.test(repaired) ? repaired : null;
}
