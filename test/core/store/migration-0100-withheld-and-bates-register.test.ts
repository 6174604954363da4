import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

// The step before 100, whatever it is (90 is being slotted in by another change).
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex((m) => m.version === 100) - 1]!.version;

function caseBefore100(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, PREVIOUS);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Memo to counsel', 'pdf', 'memo.pdf', '/x/memo.pdf', ?, 'application/pdf', 3, 1, '2026-01-01')`,
  ).run('a'.repeat(64));
  return db;
}

const withhold = (db: Database.Database, type: string, description = 'Legal advice on the contract') =>
  db.prepare("INSERT INTO withheld (exhibit_id, type, description, set_at) VALUES (1, ?, ?, '2026-01-05T09:00:00Z')").run(type, description);

describe('migration 0100: withheld exhibits and the production Bates register', () => {
  it('leaves every earlier table as it was and adds withheld rows, which go with their exhibit', () => {
    const db = caseBefore100();
    const before = db.prepare('SELECT * FROM exhibits').all();
    expect(migrate(db, 100)).toBe(100);
    expect(db.prepare('SELECT * FROM exhibits').all()).toEqual(before);
    withhold(db, 'attorney_client');
    expect(db.prepare('SELECT exhibit_id, type FROM withheld').all()).toEqual([{ exhibit_id: 1, type: 'attorney_client' }]);
    db.prepare('DELETE FROM exhibits WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM withheld').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses an unknown privilege type, an empty description, a second row for one exhibit and one for no exhibit', () => {
    const db = caseBefore100();
    migrate(db, 100);
    expect(() => withhold(db, 'friendship')).toThrow(/CHECK/);
    expect(() => withhold(db, 'work_product', '')).toThrow(/CHECK/);
    withhold(db, 'work_product');
    expect(() => withhold(db, 'other')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO withheld VALUES (99, 'other', 'x', '2026-01-05')").run()).toThrow(/FOREIGN KEY/);
  });

  it('keeps one last Bates number per prefix, looked up by its key', () => {
    const db = caseBefore100();
    migrate(db, 100);
    db.prepare('INSERT INTO production_bates VALUES (?, ?, ?)').run('ABC', 120, 7);
    expect(() => db.prepare('INSERT INTO production_bates VALUES (?, ?, ?)').run('ABC', 5, 7)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare('INSERT INTO production_bates VALUES (?, ?, ?)').run('XYZ', -1, 7)).toThrow(/CHECK/);
    expect(queryPlan(db, "SELECT last FROM production_bates WHERE prefix = 'ABC'")).toMatch(/USING INDEX sqlite_autoindex_production_bates_1/);
  });
});
