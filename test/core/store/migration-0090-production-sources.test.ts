import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

function caseAt80(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 80);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Budget email', 'pdf', 'ABC0001.pdf', '/v/VOL001#ABC0001', ?, 'application/pdf', 2, 0, '2026-01-01')`,
  ).run('a'.repeat(64));
  return db;
}

const insert = (db: Database.Database, fields = '{"CUSTODIAN":"Jane Roe"}', searchText = 'ABC0001 Jane Roe') =>
  db
    .prepare(
      `INSERT INTO production_sources (exhibit_id, beg_bates, end_bates, volume, producing_party, fields, search_text)
       VALUES (1, 'ABC0001', 'ABC0002', 'VOL001', 'Acme', ?, ?)`,
    )
    .run(fields, searchText);

const meta = (db: Database.Database) => (db.prepare("SELECT text FROM texts WHERE exhibit_id = 1 AND source = 'meta'").get() as { text: string }).text;
const found = (db: Database.Database, word: string) =>
  (db.prepare('SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH ?').get(word) as { n: number }).n;

describe('migration 0090: production sources', () => {
  it('leaves every earlier table as it was and adds production sources, which go with their exhibit', () => {
    const db = caseAt80();
    const before = { exhibits: db.prepare('SELECT * FROM exhibits').all(), texts: db.prepare('SELECT * FROM texts').all() };
    expect(migrate(db, 90)).toBe(90);
    expect({ exhibits: db.prepare('SELECT * FROM exhibits').all(), texts: db.prepare('SELECT * FROM texts').all() }).toEqual(before);
    insert(db);
    expect(db.prepare('SELECT beg_bates, page_images, rendition FROM production_sources').get()).toEqual({ beg_bates: 'ABC0001', page_images: '[]', rendition: null });
    db.prepare('DELETE FROM texts WHERE exhibit_id = 1').run();
    db.prepare('DELETE FROM exhibits WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM production_sources').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('makes the words of the fields searchable, and keeps them when the exhibit is edited', () => {
    const db = caseAt80();
    migrate(db, 90);
    expect(found(db, 'Roe')).toBe(0);
    insert(db);
    expect(meta(db)).toBe('PX-001 Budget email ABC0001.pdf ABC0001 Jane Roe');
    expect(found(db, 'Roe')).toBe(1);
    db.prepare("UPDATE exhibits SET title = 'Budget' WHERE id = 1").run();
    expect(meta(db)).toBe('PX-001 Budget ABC0001.pdf ABC0001 Jane Roe');
    expect(found(db, 'Roe')).toBe(1);
    expect(found(db, 'email')).toBe(0);
  });

  it('refuses fields that are not a JSON object, and an empty Bates number', () => {
    const db = caseAt80();
    migrate(db, 90);
    expect(() => insert(db, '["a"]')).toThrow(/CHECK/);
    expect(() => insert(db, 'not json')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO production_sources (exhibit_id, beg_bates, end_bates, volume, fields) VALUES (1, '', 'X', 'V', '{}')").run()).toThrow(/CHECK/);
  });

  it('finds a document already received by its first Bates number and volume through the index', () => {
    const db = caseAt80();
    migrate(db, 90);
    expect(queryPlan(db, "SELECT exhibit_id FROM production_sources WHERE beg_bates = 'abc0001' COLLATE NOCASE AND volume = 'VOL001'")).toMatch(/USING (COVERING )?INDEX production_sources_by_bates/);
  });
});
