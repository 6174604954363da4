// The forms of a password to try on an encrypted PDF: as typed, and SASLprep-prepared as AES-256 (R6) requires.

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
  return [...new Set(passwords.flatMap((p) => [p, saslprep(p), Buffer.from(saslprep(p), 'utf8').toString('latin1')]))];
}
