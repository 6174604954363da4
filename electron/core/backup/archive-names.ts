// The names a case backup may hold (manifest.json, case.sqlite, vault/ab/<sha256>) and the checks that refuse any
// other entry name before anything is written: absolute, climbing (..), backslashes, drives, control characters.
import { UserError } from '../../../shared/errors.ts';

export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'case.sqlite';

const VAULT_ENTRY = /^vault\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export function vaultEntryName(sha256: string): string {
  return `vault/${sha256.slice(0, 2)}/${sha256}`;
}

/** The hash a vault entry is named by, or null when the name is not a vault entry's. */
export function vaultEntryHash(name: string): string | null {
  const m = VAULT_ENTRY.exec(name);
  return m && m[2]!.startsWith(m[1]!) ? m[2]! : null;
}

export function damaged(what: string): UserError {
  return new UserError('damaged', `The archive is damaged: ${what}.`);
}

/** An entry name as a user can read it in one line: hashes shortened, control characters shown as escapes. */
export function displayName(name: string): string {
  const hash = vaultEntryHash(name);
  if (hash) return `vault/${hash.slice(0, 2)}/${hash.slice(0, 12)}…`;
  const shown = JSON.stringify(name).slice(1, -1);
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/**
 * Decodes and checks an entry's raw name; throws naming what is wrong. Names are checked as bytes the archive
 * holds (not as a tool might rewrite them), so what is checked is what any unzip program would extract.
 */
export function checkedEntryName(raw: Buffer, externalAttributes: number, encrypted: boolean): string {
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw damaged(`an entry's name is not valid text (${raw.toString('hex').slice(0, 40)})`);
  }
  const shown = displayName(name);
  if (name === '') throw damaged('an entry has no name');
  if (/[\u0000-\u001f\u007f]/.test(name)) throw damaged(`the entry ${shown} has a control character in its name`);
  if (name.includes('\\')) throw damaged(`the entry ${shown} uses backslashes in its name`);
  if (name.startsWith('/')) throw damaged(`the entry ${shown} is an absolute path`);
  if (/^[A-Za-z]:/.test(name)) throw damaged(`the entry ${shown} names a drive`);
  const segments = name.split('/');
  if (segments.includes('..')) throw damaged(`the entry ${shown} points outside the case folder (..)`);
  if (segments.some((s) => s === '' || s === '.')) throw damaged(`the entry ${shown} is not a plain file path`);
  const mode = (externalAttributes >>> 16) & S_IFMT;
  if (mode !== 0 && mode !== S_IFREG) throw damaged(`the entry ${shown} is a link or a special file, not a plain file`);
  if (encrypted) throw damaged(`the entry ${shown} is encrypted`);
  if (name !== MANIFEST_ENTRY && name !== DATABASE_ENTRY && vaultEntryHash(name) === null) {
    throw damaged(`the entry ${shown} is not part of a case backup`);
  }
  return name;
}
