// Migration 0070 rebuilds the exhibits table so that its kinds admit Outlook items: every row of every table that
// refers to an exhibit must come through unchanged (a rebuild with foreign keys on would cascade-delete them), the
// indexes, the metadata triggers and the full-text index must work as before, and only the new kinds are admitted.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

function caseAt60(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 60);
  const original = db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')");
  const exhibit = db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, doc_date, source_name, source_path, sha256, media_type, page_count, text_layer,
       confidentiality, parent_id, warnings, imported_at)
     VALUES (?, ?, ?, ?, ?, 'f', '/x/f', ?, 'application/pdf', 2, 1, ?, ?, '["w"]', '2026-01-01')`,
  );
  for (const [i, [no, kind, parent]] of ([['PX-001', 'pdf', null], ['PX-002', 'email', null], ['PX-002.1', 'document', 2]] as const).entries()) {
    original.run(String(i + 1).repeat(64));
    exhibit.run(no, i + 1, `Title ${no} freight`, kind, `2017-03-2${i}`, String(i + 1).repeat(64), i === 1 ? 'confidential' : 'none', parent);
  }
  db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', 1, 'Cover letter about the harbour')").run();
  db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', 2, '')").run();
  db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'ocr', 2, 'Zanzibar', '{\"words\":[]}')").run();
  db.prepare("INSERT INTO tags (name, parent_id) VALUES ('hot', NULL)").run();
  db.prepare('INSERT INTO exhibit_tags VALUES (2, 1)').run();
  db.prepare("INSERT INTO annotations (exhibit_id, page, color, created_at) VALUES (1, 1, '#ffd54f', '2026-01-01')").run();
  db.prepare("INSERT INTO paragraphs (number, text) VALUES (6, 'Approval was required.')").run();
  db.prepare("INSERT INTO evidence_links (exhibit_id, paragraph_id, stance, annotation_id, created_at) VALUES (1, 1, 'supports', 1, '2026-01-01')").run();
  return db;
}

const TABLES = ['exhibits', 'texts', 'exhibit_tags', 'annotations', 'evidence_links', 'originals'];
const snapshot = (db: Database.Database) => Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
const matches = (db: Database.Database, q: string) =>
  db.prepare('SELECT t.exhibit_id, t.source FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid WHERE texts_fts MATCH ? ORDER BY t.id').all(q);

describe('migration 0070: Outlook item kinds', () => {
  it('keeps every row that refers to an exhibit, and the references, integrity and full-text index whole', () => {
    const db = caseAt60();
    const before = snapshot(db);
    expect(before.texts!.length).toBeGreaterThan(3);
    expect(migrate(db, 70)).toBe(70);
    expect(snapshot(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(matches(db, 'harbour')).toEqual([{ exhibit_id: 1, source: 'page' }]);
    expect(matches(db, 'zanzibar')).toEqual([{ exhibit_id: 1, source: 'ocr' }]);
  });

  it('admits the new kinds only, and keeps the metadata triggers and the cascade', () => {
    const db = caseAt60();
    migrate(db, 70);
    db.prepare("INSERT INTO originals VALUES (?, 10, 'application/vnd.ms-outlook', '2026-01-01')").run('c'.repeat(64));
    const add = (kind: string) =>
      db.prepare(
        `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, text_layer, imported_at)
         VALUES ('PX-009', 9, 'Quick Brown Fox Jr', ?, 'c.msg', '/x/c.msg', ?, 'application/vnd.ms-outlook', 0, '2026-01-01')`,
      ).run(kind, 'c'.repeat(64));
    expect(() => add('spreadsheet')).toThrow(/CHECK/);
    for (const kind of ['contact', 'appointment', 'task', 'note', 'contact_group']) {
      add(kind);
      expect(matches(db, 'quick')).toHaveLength(1);
      db.prepare("DELETE FROM exhibits WHERE exhibit_no = 'PX-009'").run();
    }
    db.prepare("UPDATE exhibits SET title = 'Manifest' WHERE id = 1").run();
    expect(matches(db, 'manifest')).toEqual([{ exhibit_id: 1, source: 'meta' }]);
    db.prepare('DELETE FROM exhibits WHERE id = 3').run();
    db.prepare('DELETE FROM evidence_links').run();
    db.prepare('DELETE FROM annotations').run();
    db.prepare('DELETE FROM exhibits WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM texts WHERE exhibit_id = 1').get()).toEqual({ n: 0 });
  });

  it('keeps the kind and date index the filters use', () => {
    const db = caseAt60();
    migrate(db, 70);
    expect(queryPlan(db, "SELECT id FROM exhibits WHERE kind = 'email' AND doc_date >= '2017-01-01'")).toMatch(/USING (COVERING )?INDEX exhibits_by_kind_date/);
  });
});
