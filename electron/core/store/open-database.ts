// The one way a case's database file is opened, whoever opens it (the case, a worker, salvage, recovery, a backup):
// with the native binding this process loads, and with the functions the case's schema names (its full-text triggers
// call indexed_text()), so that no connection can meet a trigger it cannot run.
import Database from 'better-sqlite3';
import { registerIndexedText } from '../search/cjk-text.ts';
import { sqliteBinding } from './sqlite-binding.ts';

export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  const db = new Database(file, { nativeBinding: sqliteBinding(), ...options });
  registerIndexedText(db);
  return db;
}
