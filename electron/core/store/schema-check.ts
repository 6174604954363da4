// A case database is opened only if its schema is exactly what this app's migrations make at its version: every
// table, index, trigger and view, word for word. SQLite runs whatever a database's triggers, views and expression
// indexes say with the opener's functions, so a case file crafted elsewhere (a restored backup, a copied folder)
// could otherwise make the app call functions on data it never chose. SQLite's own guard (trusted_schema=OFF) would
// refuse our own full-text triggers, whose indexed_text() better-sqlite3 cannot mark innocuous; this check is stricter.
import Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import { registerIndexedText } from '../search/cjk-text.ts';
import { migrate, schemaVersion } from './migrations/index.ts';
import { sqliteBinding } from './sqlite-binding.ts';

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

const SCHEMA = "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";

const expected = new Map<number, Map<string, string>>();

const keyOf = (r: SchemaRow) => `${r.type} ${r.name}`;
const normal = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

/** What the migrations make at `version`, built once per version in memory. */
function expectedAt(version: number): Map<string, string> {
  let found = expected.get(version);
  if (!found) {
    const mem = new Database(':memory:', { nativeBinding: sqliteBinding() });
    try {
      registerIndexedText(mem);
      migrate(mem, version);
      found = new Map(mem.prepare<[], SchemaRow>(SCHEMA).all().map((r) => [keyOf(r), normal(r.sql)]));
    } finally {
      mem.close();
    }
    expected.set(version, found);
  }
  return found;
}

/** What differs from the schema the migrations make at the database's version, in words; null when nothing does. */
export function schemaDifference(db: Database.Database): string | null {
  const version = schemaVersion(db);
  if (version === 0) return db.prepare<[], SchemaRow>(SCHEMA).all().length === 0 ? null : 'it holds tables but no schema version';
  const want = expectedAt(version);
  const have = new Map(db.prepare<[], SchemaRow>(SCHEMA).all().map((r) => [keyOf(r), normal(r.sql)]));
  for (const [key, sql] of have) {
    if (!want.has(key)) return `it has a ${key} that this app never creates`;
    if (want.get(key) !== sql) return `its ${key} is not defined as this app defines it`;
  }
  for (const key of want.keys()) if (!have.has(key)) return `its ${key} is missing`;
  return null;
}

/** Refuses a case whose schema was changed outside the app, naming what differs. */
export function requireKnownSchema(db: Database.Database, dir: string): void {
  const difference = schemaDifference(db);
  if (difference) {
    throw new UserError(
      'case_damaged',
      `The database of the case at ${dir} was changed outside Exhibit Desk (${difference}), so it is not opened; run "exhibit-desk recover ${dir} NEW_DIR" to rebuild the case from its vault.`,
    );
  }
}
