// The forms of a password to try on an encrypted PDF: as typed, SASLprep-prepared as AES-256 (R6) requires, and for
// RC4 and AES-128 (R2–R4), whose passwords are bytes, those bytes in PDFDocEncoding as Acrobat and qpdf write them.

// RFC 3454 table B.1: characters SASLprep maps to nothing (soft hyphen, joiners, variation selectors …).
const MAPPED_TO_NOTHING = /[\u00AD\u034F\u1806\u180B-\u180D\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
// RFC 3454 table C.1.2: non-ASCII spaces, which SASLprep maps to an ordinary space.
const NON_ASCII_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

export function saslprep(password: string): string {
  return password.replace(MAPPED_TO_NOTHING, '').replace(NON_ASCII_SPACE, ' ').normalize('NFKC');
}

/**
 * Each password as given, then its prepared form, then that form's UTF-8 bytes as a byte string (AES-256 hashes the
 * UTF-8 of the password, while pdf.js takes a string of bytes); no repeats.
 */
export function passwordCandidates(passwords: string[]): string[] {
  return [
    ...new Set(
      passwords.flatMap((p) => [p, saslprep(p), Buffer.from(saslprep(p), 'utf8').toString('latin1'), pdfDocBytes(p)].filter((c): c is string => c !== null)),
    ),
  ];
}

// PDFDocEncoding ([ISO 32000-1] annex D.2) where it differs from Latin-1: code → character. pdf.js takes a password as a
// string of bytes (each character's low byte), so "€" must be given as the byte 0xA0 it stands for, not as U+20AC.
const PDFDOC_SPECIALS =
  '\u02d8\u02c7\u02c6\u02d9\u02dd\u02db\u02da\u02dc'.split('').map((c, i) => [c, 0x18 + i] as const).concat(
    '\u2022\u2020\u2021\u2026\u2014\u2013\u0192\u2044\u2039\u203a\u2212\u2030\u201e\u201c\u201d\u2018\u2019\u201a\u2122\ufb01\ufb02\u0141\u0152\u0160\u0178\u017d\u0131\u0142\u0153\u0161\u017e'
      .split('')
      .map((c, i) => [c, 0x80 + i] as const),
    [['\u20ac', 0xa0]],
  );
const PDFDOC_BYTE = new Map<string, number>(PDFDOC_SPECIALS);

/** The password's PDFDocEncoding bytes as a byte string; null when it is plain ASCII or has a character outside it. */
function pdfDocBytes(password: string): string | null {
  if (!/[^\x00-\x7f]/.test(password)) return null;
  let out = '';
  for (const c of password) {
    const code = c.codePointAt(0)!;
    const byte = PDFDOC_BYTE.get(c) ?? (code < 0x80 || (code >= 0xa1 && code <= 0xff && code !== 0xad) ? code : null);
    if (byte === null) return null;
    out += String.fromCharCode(byte);
  }
  return out;
}
