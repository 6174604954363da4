import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

function caseAt100(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 100);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Ledger', 'pdf', 'ledger.pdf', '/x/ledger.pdf', ?, 'application/pdf', 3, 1, '2026-01-01')`,
  ).run('a'.repeat(64));
  db.prepare("INSERT INTO paragraphs (number, text) VALUES (33, 'On March 28, 2017, BES wrote to Huawei Pakistan.')").run();
  db.prepare("INSERT INTO tags (name) VALUES ('contract')").run();
  return db;
}

const insertFact = (db: Database.Database, precision: string, start: string | null, end: string | null, status = 'undisputed') =>
  db
    .prepare(
      `INSERT INTO facts (statement, date_precision, date_start, date_end, date_text, status, created_at)
       VALUES ('BES wrote to Huawei.', ?, ?, ?, 'as typed', ?, '2026-01-05T09:00:00Z')`,
    )
    .run(precision, start, end, status).lastInsertRowid as number;

describe('migration 0110: facts', () => {
  it('leaves every earlier table as it was and adds facts, whose sources, paragraphs and tags go with them', () => {
    const db = caseAt100();
    const before = ['exhibits', 'paragraphs', 'tags'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db, 110)).toBe(110);
    expect(['exhibits', 'paragraphs', 'tags'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    const id = insertFact(db, 'day', '2017-03-28', '2017-03-28');
    db.prepare("INSERT INTO fact_sources (fact_id, exhibit_id, page_from, page_to, created_at) VALUES (?, 1, 1, 1, '2026-01-05')").run(id);
    db.prepare('INSERT INTO fact_paragraphs (fact_id, paragraph_id) VALUES (?, 1)').run(id);
    db.prepare('INSERT INTO fact_tags (fact_id, tag_id) VALUES (?, 1)').run(id);
    db.prepare('DELETE FROM facts WHERE id = ?').run(id);
    for (const t of ['fact_sources', 'fact_paragraphs', 'fact_tags']) expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    // Ids are not reused: the audit entries of a removed fact never describe another.
    expect(insertFact(db, 'year', '2017-01-01', '2017-12-31')).toBe(id + 1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('a removed exhibit takes its sources with it and leaves the facts proposed from it', () => {
    const db = caseAt100();
    migrate(db, 110);
    const id = insertFact(db, 'month', '2017-03-01', '2017-03-31');
    db.prepare('UPDATE facts SET proposed = 1, proposed_from = 1 WHERE id = ?').run(id);
    db.prepare("INSERT INTO fact_sources (fact_id, exhibit_id, created_at) VALUES (?, 1, '2026-01-05')").run(id);
    db.prepare('DELETE FROM exhibits WHERE id = 1').run();
    expect(db.prepare('SELECT proposed_from FROM facts WHERE id = ?').get(id)).toEqual({ proposed_from: null });
    expect(db.prepare('SELECT count(*) AS n FROM fact_sources').get()).toEqual({ n: 0 });
  });

  it('refuses dates that are not ISO days, periods that run backwards, undated facts with a period and unknown statuses', () => {
    const db = caseAt100();
    migrate(db, 110);
    expect(insertFact(db, 'undated', null, null)).toBeGreaterThan(0);
    expect(() => insertFact(db, 'day', '28 March 2017', '28 March 2017')).toThrow(/CHECK/);
    expect(() => insertFact(db, 'range', '2017-05-01', '2017-03-01')).toThrow(/CHECK/);
    expect(() => insertFact(db, 'undated', '2017-03-01', '2017-03-01')).toThrow(/CHECK/);
    expect(() => insertFact(db, 'day', null, null)).toThrow(/CHECK/);
    expect(() => insertFact(db, 'day', '2017-03-01', null)).toThrow(/CHECK/);
    expect(() => insertFact(db, 'fortnight', '2017-03-01', '2017-03-14')).toThrow(/CHECK/);
    expect(() => insertFact(db, 'day', '2017-03-01', '2017-03-01', 'maybe')).toThrow(/CHECK/);
  });

  it('finds a fact\'s sources, a paragraph\'s facts and a tag\'s facts by their indexes', () => {
    const db = caseAt100();
    migrate(db, 110);
    const plan = (sql: string) => queryPlan(db, sql);
    expect(plan('SELECT * FROM fact_sources WHERE fact_id = 1')).toMatch(/USING INDEX fact_sources_by_fact/);
    expect(plan('SELECT fact_id FROM fact_paragraphs WHERE paragraph_id = 1')).toMatch(/USING COVERING INDEX fact_paragraphs_by_paragraph/);
    expect(plan('SELECT fact_id FROM fact_tags WHERE tag_id = 1')).toMatch(/USING COVERING INDEX fact_tags_by_tag/);
    expect(plan('SELECT id FROM facts WHERE proposed_from = 1')).toMatch(/USING (COVERING )?INDEX facts_by_proposed_from/);
  });
});
