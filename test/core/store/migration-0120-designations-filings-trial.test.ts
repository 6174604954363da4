import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

// The queries as they stood at version 120 (electron/core/numbers/designation-store.ts may move on with later steps).
const BY_EXHIBIT = 'SELECT d.*, f.title FROM designations d LEFT JOIN filings f ON f.id = d.filing_id WHERE d.exhibit_id = ? ORDER BY d.id';
const BY_KEY = 'SELECT d.* FROM designations d WHERE d.label_key >= ? AND d.label_key < ? ORDER BY d.id LIMIT 1000';
const MARKS = 'SELECT * FROM trial_marks WHERE exhibit_id = ? ORDER BY on_date, id';
const BATES_AT_OR_BEFORE =
  'SELECT exhibit_id, beg_bates, end_bates FROM production_sources WHERE beg_bates <= ? COLLATE NOCASE ORDER BY beg_bates COLLATE NOCASE DESC LIMIT 5';

function caseAt110(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 110);
  for (const [n, hash] of [[1, 'a'], [2, 'b']] as const) {
    db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run(hash.repeat(64));
    db.prepare(
      `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
       VALUES (?, ?, 'Ledger', 'pdf', 'ledger.pdf', '/x/ledger.pdf', ?, 'application/pdf', 3, 1, '2026-01-01')`,
    ).run(`PX-00${n}`, n, hash.repeat(64));
  }
  db.prepare(
    `INSERT INTO production_sources (exhibit_id, beg_bates, end_bates, volume, fields) VALUES (1, 'ABC0000123', 'ABC0000130', 'VOL001', '{}')`,
  ).run();
  return db;
}

const designate = (db: Database.Database, row: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO designations (exhibit_id, kind, label, label_key, party, filing_id, file_index, source_date, created_at)
       VALUES (@exhibit, @kind, @label, @key, @party, @filing, @index, @date, '2026-01-05T09:00:00Z')`,
    )
    .run({ exhibit: 1, party: null, filing: null, index: null, date: null, ...row }).lastInsertRowid as number;

const plan = queryPlan;

describe('migration 0120: designations, filings and trial marks', () => {
  it('leaves every earlier table as it was, and keeps a production range where it is (read as a designation, not copied)', () => {
    const db = caseAt110();
    const before = ['exhibits', 'production_sources', 'originals'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db, 120)).toBe(120);
    expect(['exhibits', 'production_sources', 'originals'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM designations').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('holds designations, filings with their frozen labels and citations, and trial marks, and refuses what makes no sense', () => {
    const db = caseAt110();
    migrate(db, 120);
    const dep = designate(db, { kind: 'deposition', label: 'Smith Dep. Ex. 4', key: 'smith dep ex 4', date: '2024-03-05' });
    designate(db, { kind: 'trial', label: 'PX 12', key: 'px 12', party: 'plaintiff' });
    db.prepare("INSERT INTO filings (title, filed_on, export_kind, scheme, created_at) VALUES ('Motion', '2026-01-05', 'stamped', 'letters', '2026-01-05')").run();
    const filed = designate(db, { kind: 'filing', label: 'B', key: 'ex b', filing: 1, index: 1 });
    db.prepare('INSERT INTO filing_citations (filing_id, designation_id) VALUES (1, ?)').run(filed);
    db.prepare("INSERT INTO trial_marks (exhibit_id, event, on_date, witness, recorded_at) VALUES (1, 'admitted', '2026-03-02', 'John Smith', '2026-03-02T10:00:00Z')").run();

    // One trial number per party, one label per filing; a trial number has a party, a filing label a place in its filing.
    expect(() => designate(db, { exhibit: 2, kind: 'trial', label: 'PX-012', key: 'px 12', party: 'plaintiff' })).toThrow(/UNIQUE/);
    expect(designate(db, { exhibit: 2, kind: 'trial', label: 'DX 12', key: 'px 12', party: 'defendant' })).toBeGreaterThan(0);
    expect(() => designate(db, { exhibit: 2, kind: 'filing', label: 'B', key: 'ex b', filing: 1, index: 0 })).toThrow(/UNIQUE/);
    expect(() => designate(db, { kind: 'trial', label: 'PX 13', key: 'px 13' })).toThrow(/CHECK/);
    expect(() => designate(db, { kind: 'deposition', label: 'X', key: 'x', party: 'plaintiff' })).toThrow(/CHECK/);
    expect(() => designate(db, { kind: 'filing', label: 'C', key: 'ex c', filing: 1 })).toThrow(/CHECK/);
    expect(() => designate(db, { kind: 'custom', label: '', key: '' })).toThrow(/CHECK/);
    expect(() => designate(db, { kind: 'exhibit', label: 'X', key: 'x' })).toThrow(/CHECK/);
    expect(() => designate(db, { kind: 'deposition', label: 'X', key: 'x', date: '5 March 2024' })).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO trial_marks (exhibit_id, event, on_date, recorded_at) VALUES (1, 'sustained', '2026-03-02', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO trial_marks (exhibit_id, event, on_date, recorded_at) VALUES (1, 'marked', '03/02/2026', 'x')").run()).toThrow(/CHECK/);
    // A filing with labels stays.
    expect(() => db.prepare('DELETE FROM filings WHERE id = 1').run()).toThrow(/FOREIGN KEY/);

    // A removed exhibit takes its numbers, marks and the citations of them with it.
    db.prepare('DELETE FROM exhibits WHERE id = 1').run();
    for (const t of ['designations WHERE exhibit_id = 1', 'trial_marks', 'filing_citations']) expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    expect(dep).toBe(1);
    // Ids are not reused: an audit entry naming a removed designation never describes another.
    expect(designate(db, { exhibit: 2, kind: 'custom', label: 'Tab 3', key: 'tab 3' })).toBeGreaterThan(filed + 1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('looks designations up through their indexes, and a Bates number through the production index', () => {
    const db = caseAt110();
    migrate(db, 120);
    designate(db, { kind: 'deposition', label: 'Smith Dep. Ex. 4', key: 'smith dep ex 4' });
    designate(db, { kind: 'deposition', label: 'Smithers Dep. Ex. 1', key: 'smithers dep ex 1' });
    expect(db.prepare(BY_KEY).all('smith dep', 'smith dep!')).toHaveLength(1);
    expect(db.prepare(BY_KEY).all('smith', 'smith!')).toHaveLength(1);
    expect(db.prepare(BY_EXHIBIT).all(1)).toHaveLength(2);
    expect(db.prepare(BATES_AT_OR_BEFORE).all('abc0000125')).toEqual([{ exhibit_id: 1, beg_bates: 'ABC0000123', end_bates: 'ABC0000130' }]);
    expect(plan(db, BY_KEY, 'x', 'x!')).toMatch(/designations_by_key/);
    expect(plan(db, BY_EXHIBIT, 1)).toMatch(/designations_by_exhibit/);
    expect(plan(db, MARKS, 1)).toMatch(/trial_marks_by_exhibit/);
    expect(plan(db, BATES_AT_OR_BEFORE, 'x')).toMatch(/production_sources_by_bates/);
    expect(plan(db, BY_KEY, 'x', 'x!')).not.toMatch(/SCAN d\b/);
  });
});
