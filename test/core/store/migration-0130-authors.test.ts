import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

// Whatever step comes before 130 (the list has gaps for steps slotted in), the case as it stood just before it.
const BEFORE = 129;

function caseBefore130(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, BEFORE);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Site installation record', 'pdf', 'record.pdf', '/x/record.pdf', ?, 'application/pdf', 3, 1, '2026-01-01')`,
  ).run('a'.repeat(64));
  db.prepare("INSERT INTO paragraphs (number, text) VALUES (41, 'Huawei kept a back door into the system.')").run();
  const note = db.prepare("INSERT INTO annotations (exhibit_id, page, rects, quote, note, color, created_at) VALUES (1, ?, ?, ?, ?, '#ffd54f', '2026-01-02')");
  note.run(2, '[{"x":72,"y":700,"width":200,"height":14}]', 'Remote access is through the gateway', 'Ask for the gateway configuration');
  note.run(3, '[]', null, null);
  db.prepare("INSERT INTO evidence_links (exhibit_id, paragraph_id, page_from, page_to, stance, annotation_id, created_at) VALUES (1, 1, 2, 2, 'supports', 1, '2026-01-02')").run();
  db.prepare("INSERT INTO audit (at, action, object_type, prev_hash, hash) VALUES ('2026-01-02', 'annotation.add', 'exhibit', ?, ?)").run('0'.repeat(64), '1'.repeat(64));
  return db;
}

const rows = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
const noteHits = (db: Database.Database, q: string) =>
  (db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid').all(q) as { rowid: number }[]).map((r) => r.rowid);
const plan = (db: Database.Database, sql: string) => queryPlan(db, sql);

describe('migration 0130: authors of notes and highlights', () => {
  it('keeps every note, link and audit entry as it was, with no author, and indexes the notes already written', () => {
    const db = caseBefore130();
    const before = ['annotations', 'evidence_links', 'audit'].map((t) => rows(db, t));
    expect(migrate(db, 130)).toBe(130);
    const after = ['annotations', 'evidence_links', 'audit'].map((t) => rows(db, t));
    expect(after[0]).toEqual(before[0]!.map((r) => ({ ...r, author_id: null, updated_at: null, removed_at: null })));
    expect(after[1]).toEqual(before[1]);
    expect(after[2]).toEqual(before[2]!.map((r) => ({ ...r, author: null })));
    expect(noteHits(db, 'gateway')).toEqual([1]);
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('knows users by name whatever its case, refuses blank or padded names, and ties notes to them', () => {
    const db = caseBefore130();
    migrate(db, 130);
    const add = db.prepare("INSERT INTO users (name, created_at) VALUES (?, '2026-01-03')");
    const dana = Number(add.run('Dana Whitfield').lastInsertRowid);
    expect(() => add.run('dana whitfield')).toThrow(/UNIQUE/);
    expect(() => add.run('')).toThrow(/CHECK/);
    expect(() => add.run(' Dana ')).toThrow(/CHECK/);
    db.prepare('UPDATE annotations SET author_id = ? WHERE id = 1').run(dana);
    expect(() => db.prepare('UPDATE annotations SET author_id = 99 WHERE id = 2').run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT id FROM users WHERE name = ?').get('DANA WHITFIELD')).toEqual({ id: dana });
  });

  it('keeps the notes index in step: a new note, an edit, a removal and its undo, a deletion', () => {
    const db = caseBefore130();
    migrate(db, 130);
    db.prepare("INSERT INTO annotations (exhibit_id, page, note, color, created_at) VALUES (1, 1, 'Zanzibar shipment', '#ffd54f', '2026-01-03')").run();
    expect(noteHits(db, 'zanzibar')).toEqual([3]);
    db.prepare("UPDATE annotations SET note = 'Mombasa shipment' WHERE id = 3").run();
    expect(noteHits(db, 'zanzibar')).toEqual([]);
    expect(noteHits(db, 'shipment')).toEqual([3]);
    db.prepare("UPDATE annotations SET removed_at = '2026-01-04' WHERE id = 3").run();
    expect(noteHits(db, 'mombasa')).toEqual([]);
    db.prepare('UPDATE annotations SET removed_at = NULL WHERE id = 3').run();
    expect(noteHits(db, 'mombasa')).toEqual([3]);
    db.prepare('UPDATE annotations SET note = NULL WHERE id = 3').run();
    expect(noteHits(db, 'mombasa')).toEqual([]);
    db.prepare('DELETE FROM annotations WHERE id = 1').run();
    expect(noteHits(db, 'gateway')).toEqual([]);
    // The page's own text is not in the notes' index: a highlight's quote is found on its page.
    expect(noteHits(db, 'remote')).toEqual([]);
  });

  it('finds a user’s notes and a highlight’s links by their indexes, and the log takes an author', () => {
    const db = caseBefore130();
    migrate(db, 130);
    expect(plan(db, 'SELECT id FROM annotations WHERE author_id = 1 AND removed_at IS NULL')).toMatch(/USING (COVERING )?INDEX annotations_by_author/);
    expect(plan(db, 'SELECT paragraph_id FROM evidence_links WHERE annotation_id = 1')).toMatch(/USING INDEX evidence_by_annotation/);
    db.prepare("INSERT INTO audit (at, action, object_type, prev_hash, hash, author) VALUES ('2026-01-03', 'annotation.edit', 'exhibit', ?, ?, 'Dana Whitfield')").run('1'.repeat(64), '2'.repeat(64));
    expect(db.prepare('SELECT author FROM audit ORDER BY seq').all()).toEqual([{ author: null }, { author: 'Dana Whitfield' }]);
    expect(() => db.prepare("UPDATE audit SET author = 'someone else'").run()).toThrow(/append-only/);
  });
});
