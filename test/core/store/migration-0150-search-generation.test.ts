// Migration 0150: the search generation counts every change to a text, in the writing transaction, whatever wrote it
// (an import, OCR text, a metadata edit through the exhibits' trigger, removing an exhibit), and the number of texts.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';

function caseAt140(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 140);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Shipping ledger', 'pdf', 'ledger.pdf', '/x/ledger.pdf', ?, 'application/pdf', 2, 1, '2026-01-01')`,
  ).run('a'.repeat(64));
  const page = db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', ?, ?)");
  page.run(1, 'Cover letter about the freight');
  page.run(2, 'Invoice for the freight');
  return db;
}

const state = (db: Database.Database) => db.prepare('SELECT generation, texts FROM search_state').get() as { generation: number; texts: number };
const rows = (db: Database.Database) => db.prepare('SELECT id, exhibit_id, source, page, text FROM texts ORDER BY id').all();

describe('migration 0150: search generation', () => {
  it('keeps every text and counts them, the metadata row too', () => {
    const db = caseAt140();
    const before = rows(db);
    expect(migrate(db, 150)).toBe(150);
    expect(rows(db)).toEqual(before);
    expect(state(db)).toEqual({ generation: 0, texts: 3 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.prepare("INSERT INTO texts_fts(texts_fts) VALUES ('integrity-check')").run();
  });

  it('counts a new generation for each text written, rewritten or removed, and none for other columns', () => {
    const db = caseAt140();
    migrate(db, 150);
    db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'ocr', 2, 'Zanzibar', '{\"words\":[]}')").run();
    expect(state(db)).toEqual({ generation: 1, texts: 4 });
    db.prepare("UPDATE exhibits SET title = 'Harbour manifest'").run(); // the metadata text follows, by trigger
    expect(state(db)).toEqual({ generation: 2, texts: 4 });
    db.prepare("UPDATE texts SET ocr_problem = 'blank' WHERE source = 'page' AND page = 1").run();
    expect(state(db)).toEqual({ generation: 2, texts: 4 });
    expect(() => db.transaction(() => {
      db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', 3, 'more')").run();
      throw new Error('rolled back');
    })()).toThrow('rolled back');
    expect(state(db)).toEqual({ generation: 2, texts: 4 });
    db.prepare('DELETE FROM exhibits WHERE id = 1').run(); // its texts go by cascade, each counted
    expect(state(db)).toEqual({ generation: 6, texts: 0 });
    expect(db.prepare('SELECT count(*) FROM texts').pluck().get()).toBe(0);
  });

  it('reads the state by key', () => {
    const db = caseAt140();
    migrate(db, 150);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT generation, texts FROM search_state WHERE id = 1').all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH search_state USING INTEGER PRIMARY KEY/)]);
  });
});
