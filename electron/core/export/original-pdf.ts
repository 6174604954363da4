// Opens an original PDF from the vault for copying its pages, decrypting it where it is encrypted: with no password
// (owner-password-only files) or with one of the passwords given for the export.
import { EncryptedPDFError, ParseSpeeds, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { passwordCandidates } from '../import/formats/pdf-password.ts';
import type { Vault } from '../vault/vault.ts';

// pdf-lib turns every name it meets into its pooled object through a regular expression (for #xx escapes) before
// looking in its pool; parsing originals meets a few dozen names tens of thousands of times (a twentieth of a large
// bundle's time). Remembered by the text asked for, PDFName.of hands back the very same pooled objects.
const pooledName = PDFName.of;
const names = new Map<string, PDFName>();
PDFName.of = (name: string): PDFName => {
  let known = names.get(name);
  if (!known) names.set(name, (known = pooledName(name)));
  return known;
};

export type OpenedPdf = { doc: PDFDocument } | { problem: string };

// Parsed in one go: pdf-lib otherwise pauses for a timer tick every hundred objects, to keep a UI thread responsive,
// which a worker thread does not need and which makes a large bundle idle a fifth of the time.
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

export async function openOriginalPdf(vault: Vault, sha256: string, passwords: string[]): Promise<OpenedPdf> {
  const bytes = await vault.read(sha256);
  try {
    return { doc: await PDFDocument.load(bytes, LOAD) };
  } catch (e) {
    if (!(e instanceof EncryptedPDFError)) return { problem: `the original could not be read (${reason(e)})` };
  }
  // Loading without decrypting would copy scrambled content, so only a password that opens the file will do.
  for (const password of ['', ...passwordCandidates(passwords)]) {
    try {
      return { doc: await PDFDocument.load(bytes, { ...LOAD, password }) };
    } catch {
      /* not this password */
    }
  }
  return {
    problem:
      passwords.length > 0
        ? 'the original is password-protected and none of the passwords given opens it'
        : 'the original is password-protected; give its password to export its pages',
  };
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]!.slice(0, 160) : 'unknown error';
}
