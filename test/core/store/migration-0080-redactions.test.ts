import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

function caseAt70(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 70);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Ledger', 'pdf', 'ledger.pdf', '/x/ledger.pdf', ?, 'application/pdf', 3, 1, '2026-01-01')`,
  ).run('a'.repeat(64));
  return db;
}

const insert = (db: Database.Database, rects: string, status = 'accepted') =>
  db
    .prepare(
      `INSERT INTO redactions (exhibit_id, page, rects, reason, status, origin, created_at, created_by)
       VALUES (1, 2, ?, 'FRCP 5.2', ?, 'box', '2026-01-05T09:00:00Z', 'clerk')`,
    )
    .run(rects, status);

describe('migration 0080: redactions', () => {
  it('leaves every earlier table as it was and adds redactions, which go with their exhibit', () => {
    const db = caseAt70();
    const before = db.prepare('SELECT * FROM exhibits').all();
    expect(migrate(db, 80)).toBe(80);
    expect(db.prepare('SELECT * FROM exhibits').all()).toEqual(before);
    insert(db, '[{"x":0.1,"y":0.2,"width":0.3,"height":0.05}]');
    expect(db.prepare('SELECT count(*) AS n FROM redactions').get()).toEqual({ n: 1 });
    db.prepare('DELETE FROM exhibits WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM redactions').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a redaction without boxes, with boxes that are not JSON, or with an unknown status', () => {
    const db = caseAt70();
    migrate(db, 80);
    expect(() => insert(db, '[]')).toThrow(/CHECK/);
    expect(() => insert(db, 'not json')).toThrow(/CHECK/);
    expect(() => insert(db, '[{"x":0,"y":0,"width":1,"height":1}]', 'maybe')).toThrow(/CHECK/);
  });

  it('finds an exhibit\'s redactions by its index', () => {
    const db = caseAt70();
    migrate(db, 80);
    expect(queryPlan(db, "SELECT * FROM redactions WHERE exhibit_id = 1 AND status = 'accepted' ORDER BY page, id")).toMatch(/USING INDEX redactions_by_/);
  });
});
