import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { toFtsQuery } from '../../../electron/core/search/query-parser.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

function caseAt30(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 30);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, '東京サーバー移転計画', 'pdf', 'plan.pdf', '/x/plan.pdf', ?, 'application/pdf', 3, 0, '2026-01-01')`,
  ).run('a'.repeat(64));
  const page = db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', ?, ?)");
  page.run(1, '件名：日本語メールテスト。Shipping ledger for the freight.');
  page.run(2, '苏州服务器的数据交换系统源代码');
  page.run(3, '');
  db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'ocr', 3, '서울에서 회의가 열렸습니다', ?)").run(
    JSON.stringify({ words: [] }),
  );
  return db;
}

const rows = (db: Database.Database) => db.prepare('SELECT id, exhibit_id, source, page, text, layout FROM texts ORDER BY id').all();
/** What a search finds, through the same query parser as the app. */
const found = (db: Database.Database, search: string) =>
  db
    .prepare('SELECT t.source, t.page FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid WHERE texts_fts MATCH ? ORDER BY t.id')
    .all(toFtsQuery(search));

describe('migration 0040: CJK search', () => {
  it('re-indexes every text already in the case, so a word inside a CJK run is found, and keeps the rows', () => {
    const db = caseAt30();
    const before = rows(db);
    // Before: the run is one word, so a word inside it is not found.
    expect(db.prepare(`SELECT rowid FROM texts_fts WHERE texts_fts MATCH '"日本語"'`).all()).toEqual([]);
    expect(migrate(db, 40)).toBe(40);
    expect(rows(db)).toEqual(before);
    expect(found(db, '日本語')).toEqual([{ source: 'page', page: 1 }]);
    expect(found(db, '数据交换')).toEqual([{ source: 'page', page: 2 }]);
    expect(found(db, '東京')).toEqual([{ source: 'meta', page: null }]);
    expect(found(db, '서울')).toEqual([{ source: 'ocr', page: 3 }]);
    expect(found(db, 'freight')).toEqual([{ source: 'page', page: 1 }]);
    expect(found(db, 'ledger')).toEqual([{ source: 'page', page: 1 }]);
    expect(found(db, '東京都')).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.prepare("INSERT INTO texts_fts(texts_fts) VALUES ('integrity-check')").run();
  });

  it('keeps the triggers: metadata follows edits, new, changed and removed text reaches the index', () => {
    const db = caseAt30();
    migrate(db, 40);
    db.prepare("UPDATE exhibits SET title = '大阪支社の契約書'").run();
    expect(found(db, '契約')).toEqual([{ source: 'meta', page: null }]);
    expect(found(db, '東京')).toEqual([]);
    db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'ocr', 2, '上海港の請求書 Zanzibar', '{\"words\":[]}')").run();
    expect(found(db, '請求')).toEqual([{ source: 'ocr', page: 2 }]);
    expect(found(db, 'zanzibar')).toEqual([{ source: 'ocr', page: 2 }]);
    db.prepare("UPDATE texts SET text = '神戸' WHERE source = 'ocr' AND page = 2").run();
    expect(found(db, '請求')).toEqual([]);
    expect(found(db, '神戸')).toEqual([{ source: 'ocr', page: 2 }]);
    db.prepare("DELETE FROM texts WHERE source = 'ocr'").run();
    expect(found(db, '神戸')).toEqual([]);
    expect(found(db, '서울')).toEqual([]);
    db.prepare("INSERT INTO texts_fts(texts_fts) VALUES ('integrity-check')").run();
    expect(db.prepare('SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH \'"件名"\'').get()).toEqual({ n: 1 });
  });

  it('needs indexed_text() on a connection that writes texts (migrate registers it), and answers from the index', () => {
    const db = caseAt30();
    migrate(db, 40);
    const file = db.serialize();
    const bare = new Database(file);
    expect(() => bare.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', 4, 'x')").run()).toThrow(
      /no such function: indexed_text/,
    );
    migrate(bare, 40);
    bare.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', 4, '香港の倉庫')").run();
    expect(found(bare, '倉庫')).toEqual([{ source: 'page', page: 4 }]);
    const plan = queryPlan(bare, 'SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?', toFtsQuery('倉庫'));
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
