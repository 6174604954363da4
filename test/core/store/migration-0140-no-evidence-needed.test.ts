import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';

const BEFORE = 139;

function caseBefore140(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, BEFORE);
  const add = db.prepare('INSERT INTO paragraphs (number, section, text) VALUES (?, ?, ?)');
  add.run(1, 'JURISDICTION AND VENUE', 'This Court has jurisdiction under 28 U.S.C. § 1331.');
  add.run(2, null, 'BES repeats and realleges paragraphs 1 through 40.');
  add.run(3, null, 'Huawei copied the system to Suzhou.');
  return db;
}

// The gap view's query at version 140 (store/allegations.ts): no supporting link, and not marked as needing none.
const GAPS = `SELECT number FROM paragraphs p
  WHERE NOT EXISTS (SELECT 1 FROM evidence_links l WHERE l.paragraph_id = p.id AND l.stance = 'supports')
    AND p.no_evidence_reason IS NULL ORDER BY number`;

describe('migration 0140: paragraphs that need no evidence', () => {
  it('keeps every paragraph as it was, each still a gap until marked', () => {
    const db = caseBefore140();
    const before = db.prepare('SELECT * FROM paragraphs ORDER BY id').all() as Record<string, unknown>[];
    expect(migrate(db, 140)).toBe(140);
    expect(db.prepare('SELECT * FROM paragraphs ORDER BY id').all()).toEqual(before.map((p) => ({ ...p, no_evidence_reason: null })));
    expect(db.prepare(GAPS).all()).toEqual([{ number: 1 }, { number: 2 }, { number: 3 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('takes a marked paragraph out of the gaps, and refuses an empty or padded reason', () => {
    const db = caseBefore140();
    migrate(db, 140);
    const mark = db.prepare('UPDATE paragraphs SET no_evidence_reason = ? WHERE number = ?');
    mark.run('Jurisdiction and venue', 1);
    mark.run('Realleges earlier paragraphs', 2);
    expect(db.prepare(GAPS).all()).toEqual([{ number: 3 }]);
    expect(() => mark.run('', 3)).toThrow(/CHECK/);
    expect(() => mark.run(' padded ', 3)).toThrow(/CHECK/);
    expect(() => mark.run('x'.repeat(501), 3)).toThrow(/CHECK/);
    mark.run(null, 1);
    expect(db.prepare(GAPS).all()).toEqual([{ number: 1 }, { number: 3 }]);
    // The complaint imported again keeps the marks of the paragraphs it still has (its upsert leaves the column be).
    db.prepare(`INSERT INTO paragraphs (number, text) VALUES (2, 'BES repeats paragraphs 1 to 40.')
      ON CONFLICT (number) DO UPDATE SET text = excluded.text`).run();
    expect(db.prepare('SELECT no_evidence_reason FROM paragraphs WHERE number = 2').get()).toEqual({ no_evidence_reason: 'Realleges earlier paragraphs' });
  });
});
