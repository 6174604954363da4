// One folder = one case: case.sqlite beside vault/. Creates, opens (migrating) and checks a case folder.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import { migrate } from '../store/migrations/index.ts';
import { sqliteBinding } from '../store/sqlite-binding.ts';
import { openVault, type Vault } from '../vault/vault.ts';

export const DATABASE_FILE = 'case.sqlite';
export const VAULT_DIR = 'vault';

export interface CaseFolder {
  dir: string;
  db: Database.Database;
  vault: Vault;
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

export function openCaseFolder(dir: string): CaseFolder {
  const resolved = path.resolve(dir);
  if (!caseExists(resolved)) {
    throw new UserError('not_found', `No case at ${resolved} (run "exhibit-desk init ${dir}" to create one).`);
  }
  return openDatabaseAndVault(resolved);
}

function openDatabaseAndVault(dir: string): CaseFolder {
  const db = new Database(path.join(dir, DATABASE_FILE), { nativeBinding: sqliteBinding() });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The app and the CLI may work on one case at once; a writer waits for the other instead of failing.
    db.pragma('busy_timeout = 10000');
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  const vault = openVault(path.join(dir, VAULT_DIR));
  vault.sweep();
  return { dir, db, vault, close: () => db.close() };
}

export function integrityCheck(db: Database.Database): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}
