// One folder = one case: case.sqlite beside vault/. Creates, opens (migrating) and checks a case folder: always when
// the database is small, and a large one when the last session did not close the case.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../store/migrations/index.ts';
import { openVault, type Vault } from '../vault/vault.ts';
import { markOpen } from './open-marks.ts';
import { openDatabase } from '../store/open-database.ts';
import { requireKnownSchema } from '../store/schema-check.ts';

export const DATABASE_FILE = 'case.sqlite';
export const VAULT_DIR = 'vault';

export interface CaseFolder {
  dir: string;
  db: Database.Database;
  vault: Vault;
  /** Set when the database failed its check on opening: it is then open read-only, and this says why. */
  readOnly: { reason: string } | null;
  close(): void;
}

export function caseExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, DATABASE_FILE));
}

export function createCaseFolder(dir: string): CaseFolder {
  const resolved = path.resolve(dir);
  if (caseExists(resolved)) throw new UserError('case_exists', `${resolved} already holds a case.`);
  if (fs.existsSync(resolved) && !fs.statSync(resolved).isDirectory()) {
    throw new UserError('bad_input', `${resolved} is a file, not a folder.`);
  }
  fs.mkdirSync(resolved, { recursive: true });
  return openDatabaseAndVault(resolved);
}

/** Restore and recover build a case only where none is: a folder that does not exist yet, or an empty one. */
export function requireNewFolder(dir: string): void {
  if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new UserError('case_exists', `${dir} is not an empty folder; choose a new folder.`);
  }
}

export function openCaseFolder(dir: string): CaseFolder {
  const resolved = path.resolve(dir);
  if (!caseExists(resolved)) {
    throw new UserError('not_found', `No case at ${resolved} (run "exhibit-desk init ${dir}" to create one).`);
  }
  return openDatabaseAndVault(resolved);
}

/**
 * Below this size the check on opening costs well under half a second and always runs; a larger database is checked
 * when the last session did not close the case (damage found later still makes reads fail plainly, and verify checks all).
 */
const ALWAYS_CHECK_BYTES = 64 * 2 ** 20;

function openDatabaseAndVault(dir: string): CaseFolder {
  const file = path.join(dir, DATABASE_FILE);
  const mark = markOpen(dir);
  const check = mark.uncleanBefore || !fs.existsSync(file) || fs.statSync(file).size <= ALWAYS_CHECK_BYTES;
  let db: Database.Database;
  try {
    db = openDatabase(file);
  } catch (e) {
    mark.release();
    throw e;
  }
  let readOnly: CaseFolder['readOnly'] = null;
  try {
    // The app and the CLI may work on one case at once; a writer waits for the other instead of failing.
    db.pragma('busy_timeout = 10000');
    readOnly = check ? damageOf(db) : null;
    // Before anything is written (a migration step fires triggers): only a schema this app made is run.
    if (!readOnly && schemaVersion(db) <= LATEST_VERSION) requireKnownSchema(db, dir);
    if (readOnly) {
      db.close();
      db = openReadOnly(dir);
    } else {
      // SQLite's default 2 MB page cache makes a search of a large case re-read the same pages from the OS for every
      // hit it joins to its exhibit; this is a ceiling (256 MB), reached only by cases that large.
      db.pragma('cache_size = -262144');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
  } catch (e) {
    db.close();
    mark.release();
    throw e;
  }
  const vault = openVault(path.join(dir, VAULT_DIR));
  vault.sweep();
  return {
    dir,
    db,
    vault,
    readOnly,
    close: () => {
      db.close();
      mark.release();
    },
  };
}

/** SQLite's quick check (every page and row read once, no index cross-check): null when sound, else what is wrong. */
function damageOf(db: Database.Database): { reason: string } | null {
  let found: string;
  try {
    found = quickCheck(db);
  } catch (e) {
    if (!isDamage(e)) throw e;
    found = (e as Error).message;
  }
  return found === 'ok' ? null : { reason: `its database is damaged (${found.slice(0, 300)})` };
}

/**
 * Checks every table and index, but not the full-text index's own cross-check of every word against its text:
 * that is most of the cost (2.5 s of 3 s on 10,000 exhibits), its pages are still read as tables, and verify runs it.
 */
export function quickCheck(db: Database.Database): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
    .all();
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = db.pragma(`quick_check("${name.replace(/"/g, '""')}")`) as { quick_check: string }[];
    for (const r of rows) if (r.quick_check !== 'ok') found.push(r.quick_check);
  }
  return found.length === 0 ? 'ok' : found.join('; ');
}

function openReadOnly(dir: string): Database.Database {
  const db = openDatabase(path.join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // Without a readable schema nothing can be read at all: that is not a read-only case but an unopenable one.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (schemaVersion(db) > LATEST_VERSION) migrate(db);
    return db;
  } catch (e) {
    db.close();
    if (!isDamage(e)) throw e;
    throw new UserError(
      'case_damaged',
      `The database of the case at ${dir} cannot be opened (${(e as Error).message}); run "exhibit-desk recover ${dir} NEW_DIR" to rebuild the case from its vault.`,
    );
  }
}

/** SQLite's codes for a file whose content is broken, as opposed to a busy or missing one. */
export function isDamage(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

export function integrityCheck(db: Database.Database): string {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } catch (e) {
    // A page too broken to walk stops the check itself; that is its finding, not a failure of the check.
    if (!isDamage(e)) throw e;
    return (e as Error).message;
  }
}
