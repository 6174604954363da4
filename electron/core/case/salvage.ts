// Reads what can still be read from a damaged case database: settings, exhibit rows (table by table, row by row
// around damaged pages) and tags. Nothing here writes; rows that do not read back whole are counted as lost.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CONFIDENTIALITY, type NumberingScheme } from '../../../shared/model.ts';
import { numberingSchema } from '../../../shared/api.ts';
import { DATABASE_FILE, isDamage } from './case-folder.ts';
import { openDatabase } from '../store/open-database.ts';

const BATCH = 500;
/** How far past the last readable row ids are probed when the table's highest id cannot be read either. */
const PROBE_WINDOW = 10_000;

const nullableText = z.string().nullable();
const exhibitRow = z.object({
  id: z.number().int(),
  exhibit_no: z.string().min(1),
  seq: z.number().int(),
  title: z.string().min(1),
  doc_date: nullableText,
  author: nullableText,
  from_addr: nullableText,
  to_addr: nullableText,
  cc_addr: nullableText,
  subject: nullableText,
  description: nullableText,
  confidentiality: z.enum(CONFIDENTIALITY),
  source_name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  parent_id: z.number().int().nullable(),
});

export type SalvagedExhibit = z.output<typeof exhibitRow>;

export interface Salvage {
  /** Why nothing could be read from the database, or null when it opened. */
  unopenable: string | null;
  title: string | null;
  numbering: NumberingScheme | null;
  exhibits: SalvagedExhibit[];
  /** Exhibit rows in damaged pages, or that read back malformed. */
  lostExhibitRows: number;
  /** Tag paths by salvaged exhibit id. */
  tags: Map<number, string[]>;
  /** Parts of the case that could not be read at all. */
  unreadable: string[];
}

export function salvage(caseDir: string): Salvage {
  const result: Salvage = { unopenable: null, title: null, numbering: null, exhibits: [], lostExhibitRows: 0, tags: new Map(), unreadable: [] };
  let db: Database.Database;
  try {
    db = openDatabase(path.join(caseDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    result.unopenable = (e as Error).message;
    return result;
  }
  try {
    readSettings(db, result);
    const { rows, lost } = readRows(db, 'exhibits');
    for (const row of rows) {
      const parsed = exhibitRow.safeParse(row);
      if (parsed.success) result.exhibits.push(parsed.data);
      else result.lostExhibitRows++;
    }
    result.lostExhibitRows += lost;
    result.exhibits.sort((a, b) => a.seq - b.seq || a.id - b.id);
    readTags(db, result);
  } finally {
    db.close();
  }
  return result;
}

/** Every row that reads back, in rowid order: in batches, and one by one across a damaged stretch. */
function readRows(db: Database.Database, table: string): { rows: Record<string, unknown>[]; lost: number } {
  const rows: Record<string, unknown>[] = [];
  let lost = 0;
  let batch: Database.Statement<[number], Record<string, unknown>>;
  let one: Database.Statement<[number], Record<string, unknown>>;
  try {
    batch = db.prepare(`SELECT rowid AS rowid_, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`);
    one = db.prepare(`SELECT rowid AS rowid_, * FROM ${table} WHERE rowid = ?`);
  } catch (e) {
    if (!isDamage(e)) throw e;
    return { rows, lost };
  }
  const highest = attempt(() => (db.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m);
  let after = 0;
  let lastGood = 0;
  for (;;) {
    const got = attempt(() => batch.all(after));
    if (got) {
      if (got.length === 0) break;
      rows.push(...got);
      after = lastGood = got.at(-1)!.rowid_ as number;
      continue;
    }
    const limit = typeof highest === 'number' ? highest : lastGood + PROBE_WINDOW;
    if (after >= limit) break;
    after++;
    try {
      const row = one.get(after);
      if (row) {
        rows.push(row);
        lastGood = after;
      }
    } catch (e) {
      if (!isDamage(e)) throw e;
      lost++;
    }
  }
  return { rows, lost };
}

function readSettings(db: Database.Database, result: Salvage): void {
  const rows = attempt(() => db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]);
  if (!rows) {
    result.unreadable.push('settings');
    return;
  }
  for (const { key, value } of rows) {
    const parsed = attempt(() => JSON.parse(value) as unknown, true);
    if (key === 'title' && typeof parsed === 'string' && parsed.trim()) result.title = parsed.trim().slice(0, 500);
    if (key === 'numbering') result.numbering = numberingSchema.strict().safeParse(parsed).data ?? null;
  }
}

function readTags(db: Database.Database, result: Salvage): void {
  const tags = attempt(() => db.prepare('SELECT id, name, parent_id FROM tags').all() as { id: number; name: string; parent_id: number | null }[]);
  const links = attempt(() => db.prepare('SELECT exhibit_id, tag_id FROM exhibit_tags').all() as { exhibit_id: number; tag_id: number }[]);
  if (!tags || !links) {
    result.unreadable.push('tags');
    return;
  }
  const byId = new Map(tags.map((t) => [t.id, t]));
  const pathOf = (id: number, depth = 0): string | null => {
    const tag = byId.get(id);
    if (!tag || depth > 50) return null;
    if (tag.parent_id === null) return tag.name;
    const parent = pathOf(tag.parent_id, depth + 1);
    return parent === null ? null : `${parent}/${tag.name}`;
  };
  for (const { exhibit_id, tag_id } of links) {
    const tagPath = pathOf(tag_id);
    if (tagPath !== null) result.tags.set(exhibit_id, [...(result.tags.get(exhibit_id) ?? []), tagPath]);
  }
}

/** Runs a read; null when SQLite reports damage (or, with `anyError`, when it throws at all). */
function attempt<T>(read: () => T, anyError = false): T | null {
  try {
    return read();
  } catch (e) {
    if (anyError || isDamage(e)) return null;
    throw e;
  }
}
