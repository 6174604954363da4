import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

// The queries as they stood at version 20 (ocr-text.ts has moved on with later steps: see migration 0050's test).
const BLANK_PAGE = "b.source = 'page' AND b.text = ''";
const NOT_READ = "NOT EXISTS (SELECT 1 FROM texts o WHERE o.exhibit_id = b.exhibit_id AND o.source = 'ocr' AND coalesce(o.page, 0) = b.page)";
const ocrDone = (exhibitId: string) => `(EXISTS (SELECT 1 FROM texts b WHERE b.exhibit_id = ${exhibitId} AND ${BLANK_PAGE})
    AND NOT EXISTS (SELECT 1 FROM texts b WHERE b.exhibit_id = ${exhibitId} AND ${BLANK_PAGE} AND ${NOT_READ}))`;
const WAITING_PAGES = `
  SELECT b.exhibit_id, e.exhibit_no, e.sha256, b.page
  FROM texts b JOIN exhibits e ON e.id = b.exhibit_id
  WHERE ${BLANK_PAGE} AND ${NOT_READ}
  ORDER BY e.seq, e.exhibit_no, b.exhibit_id, b.page`;

function caseAt10(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 10);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Shipping ledger', 'pdf', 'ledger.pdf', '/x/ledger.pdf', ?, 'application/pdf', 3, 0, '2026-01-01')`,
  ).run('a'.repeat(64));
  const page = db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', ?, ?)");
  page.run(1, 'Cover letter about the freight');
  page.run(2, '');
  page.run(3, '');
  return db;
}

const rows = (db: Database.Database) => db.prepare('SELECT id, exhibit_id, source, page, text FROM texts ORDER BY id').all();
const matches = (db: Database.Database, q: string) =>
  db.prepare('SELECT t.source, t.page FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid WHERE texts_fts MATCH ? ORDER BY t.id').all(q);

describe('migration 0020: OCR text', () => {
  it('keeps every text row with its id, and the full-text index still finds them', () => {
    const db = caseAt10();
    const before = rows(db);
    expect(migrate(db, 20)).toBe(20);
    expect(rows(db)).toEqual(before);
    expect(matches(db, 'freight')).toEqual([{ source: 'page', page: 1 }]);
    expect(matches(db, 'ledger')).toEqual([{ source: 'meta', page: null }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.prepare("INSERT INTO texts_fts(texts_fts) VALUES ('integrity-check')").run();
  });

  it('keeps the triggers: metadata follows edits, new and removed text reaches the index', () => {
    const db = caseAt10();
    migrate(db, 20);
    db.prepare("UPDATE exhibits SET title = 'Harbour manifest'").run();
    expect(matches(db, 'manifest')).toEqual([{ source: 'meta', page: null }]);
    expect(matches(db, 'shipping')).toEqual([]);
    db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'ocr', 2, 'Zanzibar harbour invoice', ?)").run(
      JSON.stringify({ words: [['Zanzibar', 0.1, 0.1, 0.2, 0.12]] }),
    );
    expect(matches(db, 'zanzibar')).toEqual([{ source: 'ocr', page: 2 }]);
    db.prepare("UPDATE texts SET text = 'Mombasa' WHERE source = 'ocr'").run();
    expect(matches(db, 'zanzibar')).toEqual([]);
    db.prepare("DELETE FROM texts WHERE source = 'ocr'").run();
    expect(matches(db, 'mombasa')).toEqual([]);
    db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('b'.repeat(64));
    db.prepare(
      `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, text_layer, imported_at)
       VALUES ('PX-002', 2, 'Bill of lading', 'pdf', 'bol.pdf', '/x/bol.pdf', ?, 'application/pdf', 1, '2026-01-01')`,
    ).run('b'.repeat(64));
    expect(matches(db, 'lading')).toEqual([{ source: 'meta', page: null }]);
  });

  it('accepts OCR rows only with a page, and word positions only on OCR rows', () => {
    const db = caseAt10();
    migrate(db, 20);
    expect(() => db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'ocr', NULL, 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'page', 4, 'x', '{}')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'ocr', 2, 'x', 'not json')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'scan', 2, 'x')").run()).toThrow(/CHECK/);
  });

  it('finds the pages waiting for OCR through the index of text-less pages, and when an exhibit is done', () => {
    const db = caseAt10();
    migrate(db, 20);
    const waiting = () => db.prepare(WAITING_PAGES).all().map((r) => (r as { page: number }).page);
    const done = () => (db.prepare(`SELECT ${ocrDone('e.id')} AS done FROM exhibits e`).get() as { done: number }).done;
    expect(waiting()).toEqual([2, 3]);
    expect(done()).toBe(0);
    db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'ocr', 2, 'Zanzibar')").run();
    expect(waiting()).toEqual([3]);
    expect(done()).toBe(0);
    db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'ocr', 3, '')").run();
    expect(waiting()).toEqual([]);
    expect(done()).toBe(1);
    const plan = queryPlan(db, WAITING_PAGES);
    expect(plan).toMatch(/texts_blank_pages/);
    expect(plan).toMatch(/texts_by_exhibit/);
    const listPlan = queryPlan(db, `SELECT ${ocrDone('e.id')} FROM exhibits e`);
    expect(listPlan).toMatch(/texts_blank_pages/);
    expect(listPlan).not.toMatch(/SCAN b\b/);
  });
});
