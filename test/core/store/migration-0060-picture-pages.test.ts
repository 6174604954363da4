import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { WAITING_PAGES } from '../../../electron/core/store/ocr-text.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

/** A case at version 50 holding a 3-page TIFF and a JPEG imported before pictures had page rows, and a picture that has them. */
function caseAt50(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 50);
  const original = db.prepare("INSERT INTO originals VALUES (?, 10, ?, '2026-01-01')");
  const exhibit = db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '2026-01-01')`,
  );
  const rows: [string, string, string, string, number | null][] = [
    ['PX-001', 'Fax from the harbour', 'image', 'image/tiff', 3],
    ['PX-002', 'Photo of the letter', 'image', 'image/jpeg', 1],
    ['PX-003', 'Scanned ledger', 'pdf', 'application/pdf', 2],
    ['PX-004', 'Receipt', 'image', 'image/png', 1],
  ];
  rows.forEach(([no, title, kind, media, pages], i) => {
    const sha = String.fromCharCode(97 + i).repeat(64);
    original.run(sha, media);
    exhibit.run(no, i + 1, title, kind, `${no}.bin`, `/x/${no}.bin`, sha, media, pages);
  });
  const page = db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (?, 'page', ?, ?)");
  page.run(3, 1, '');
  page.run(3, 2, 'Ledger totals');
  page.run(4, 1, ''); // a picture imported after pictures had page rows
  return db;
}

const pageRows = (db: Database.Database) =>
  db.prepare("SELECT exhibit_id, page, text FROM texts WHERE source = 'page' ORDER BY exhibit_id, page").all();
const waiting = (db: Database.Database) => (db.prepare(WAITING_PAGES).all() as { exhibit_no: string; page: number }[]).map((r) => `${r.exhibit_no} p${r.page}`);

describe('migration 0060: picture pages wait for OCR', () => {
  it('gives each page of each picture exhibit an empty page row, and leaves the others as they were', () => {
    const db = caseAt50();
    expect(waiting(db)).toEqual(['PX-003 p1', 'PX-004 p1']);
    expect(migrate(db, 60)).toBe(60);
    expect(pageRows(db)).toEqual([
      { exhibit_id: 1, page: 1, text: '' },
      { exhibit_id: 1, page: 2, text: '' },
      { exhibit_id: 1, page: 3, text: '' },
      { exhibit_id: 2, page: 1, text: '' },
      { exhibit_id: 3, page: 1, text: '' },
      { exhibit_id: 3, page: 2, text: 'Ledger totals' },
      { exhibit_id: 4, page: 1, text: '' },
    ]);
    expect(waiting(db)).toEqual(['PX-001 p1', 'PX-001 p2', 'PX-001 p3', 'PX-002 p1', 'PX-003 p1', 'PX-004 p1']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.prepare("INSERT INTO texts_fts(texts_fts) VALUES ('integrity-check')").run();
  });

  it('reads a picture page once OCR has stored its text, and the pictures stay findable by their metadata', () => {
    const db = caseAt50();
    migrate(db, 60);
    db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'ocr', 2, 'Zanzibar harbour invoice')").run();
    expect(waiting(db)).not.toContain('PX-001 p2');
    const hits = db.prepare('SELECT t.source, t.page FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid WHERE texts_fts MATCH ? ORDER BY t.id');
    expect(hits.all('zanzibar')).toEqual([{ source: 'ocr', page: 2 }]);
    expect(hits.all('harbour')).toEqual([{ source: 'meta', page: null }, { source: 'ocr', page: 2 }]);
  });

  it('keeps the waiting-page query on its index', () => {
    const db = caseAt50();
    migrate(db, 60);
    const plan = queryPlan(db, WAITING_PAGES);
    expect(plan).toMatch(/USING (COVERING )?INDEX texts_/);
  });
});
