import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { ocrDone, UNMEASURED_PAGES, WAITING_PAGES, WAITING_PAGES_WITH_UNREADABLE } from '../../../electron/core/store/ocr-text.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

/** A case at version 40: a stamped scan (text only in its stamp), a typed letter and a scan with no text at all. */
function caseAt40(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 40);
  const original = db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')");
  const exhibit = db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES (?, ?, ?, 'pdf', 'x.pdf', '/x/x.pdf', ?, 'application/pdf', 2, 1, '2026-01-01')`,
  );
  ['Stamped order', 'Typed letter', 'Blank scan'].forEach((title, i) => {
    const sha = String.fromCharCode(97 + i).repeat(64);
    original.run(sha);
    exhibit.run(`PX-00${i + 1}`, i + 1, title, sha);
  });
  const page = db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (?, 'page', ?, ?)");
  page.run(1, 1, 'Case 3:17-cv-01234 Document 27 Filed 01/02/18 Page 1 of 2');
  page.run(1, 2, 'Case 3:17-cv-01234 Document 27 Filed 01/02/18 Page 2 of 2');
  page.run(2, 1, 'Dear Sir, the freight was delivered to the harbour on time.');
  page.run(2, 2, 'Yours faithfully');
  page.run(3, 1, '');
  page.run(3, 2, '');
  return db;
}

const rows = (db: Database.Database) => db.prepare('SELECT id, exhibit_id, source, page, text FROM texts ORDER BY id').all();
const pages = (db: Database.Database, sql: string) =>
  (db.prepare(sql).all() as { exhibit_id: number; page: number }[]).map((r) => `${r.exhibit_id}:${r.page}`);
const plan = (db: Database.Database, sql: string) => queryPlan(db, sql);
function measure(db: Database.Database, exhibitId: number, page: number, imageCover: number, bodyChars: number): void {
  db.prepare("UPDATE texts SET image_cover = ?, body_chars = ? WHERE exhibit_id = ? AND source = 'page' AND page = ?").run(imageCover, bodyChars, exhibitId, page);
}

describe('migration 0050: scanned page facts and unreadable pages', () => {
  it('keeps every text row, leaves the pages with text unmeasured for the next OCR run, and the blank ones waiting', () => {
    const db = caseAt40();
    const before = rows(db);
    expect(migrate(db, 50)).toBe(50);
    expect(rows(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) AS n FROM texts WHERE image_cover IS NOT NULL OR body_chars IS NOT NULL OR ocr_problem IS NOT NULL").get()).toEqual({ n: 0 });
    expect(pages(db, UNMEASURED_PAGES)).toEqual(['1:1', '1:2', '2:1', '2:2']);
    expect(pages(db, WAITING_PAGES)).toEqual(['3:1', '3:2']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('sends measured stamped scans to OCR, not typed pages, and skips pages given up on unless retrying', () => {
    const db = caseAt40();
    migrate(db, 50);
    measure(db, 1, 1, 1, 0);
    measure(db, 1, 2, 0.98, 12);
    measure(db, 2, 1, 0, 52);
    measure(db, 2, 2, 0.6, 15); // mostly a picture, with hardly any text in its body: read as a scan
    expect(pages(db, UNMEASURED_PAGES)).toEqual([]);
    expect(pages(db, WAITING_PAGES)).toEqual(['1:1', '1:2', '2:2', '3:1', '3:2']);
    measure(db, 2, 2, 0.6, 400);
    expect(pages(db, WAITING_PAGES)).toEqual(['1:1', '1:2', '3:1', '3:2']);
    db.prepare("UPDATE texts SET ocr_problem = 'the page could not be read' WHERE exhibit_id = 3 AND source = 'page' AND page = 1").run();
    expect(pages(db, WAITING_PAGES)).toEqual(['1:1', '1:2', '3:2']);
    expect(pages(db, WAITING_PAGES_WITH_UNREADABLE)).toEqual(['1:1', '1:2', '3:1', '3:2']);
    const done = () => (db.prepare(`SELECT ${ocrDone('e.id')} AS done FROM exhibits e ORDER BY e.id`).all() as { done: number }[]).map((r) => r.done);
    expect(done()).toEqual([0, 0, 0]);
    db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'ocr', 1, 'Order'), (1, 'ocr', 2, ''), (3, 'ocr', 2, 'Ledger')").run();
    expect(pages(db, WAITING_PAGES)).toEqual([]);
    expect(done()).toEqual([1, 0, 1]);
  });

  it('accepts facts and problems only on page rows, and only sensible ones', () => {
    const db = caseAt40();
    migrate(db, 50);
    expect(() => db.prepare("UPDATE texts SET image_cover = 0.5 WHERE source = 'meta'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE texts SET image_cover = 1.5 WHERE source = 'page'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE texts SET body_chars = -1 WHERE source = 'page'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE texts SET ocr_problem = 'x' WHERE source = 'meta'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE texts SET ocr_problem = '' WHERE source = 'page'").run()).toThrow(/CHECK/);
  });

  it('finds the waiting and the unmeasured pages through their indexes', () => {
    const db = caseAt40();
    migrate(db, 50);
    for (const sql of [WAITING_PAGES, WAITING_PAGES_WITH_UNREADABLE]) {
      expect(plan(db, sql)).toMatch(/texts_ocr_pages/);
      expect(plan(db, sql)).toMatch(/texts_by_exhibit/);
    }
    expect(plan(db, UNMEASURED_PAGES)).toMatch(/texts_unmeasured_pages/);
    const listPlan = plan(db, `SELECT ${ocrDone('e.id')} FROM exhibits e`);
    expect(listPlan).toMatch(/texts_ocr_pages/);
    expect(listPlan).not.toMatch(/SCAN b\b/);
  });
});
