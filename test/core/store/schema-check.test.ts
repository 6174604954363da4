// A case whose schema was changed outside the app (a trigger, view or index added, a definition altered) is not
// opened: SQLite would run what such a schema says with the app's own functions.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCaseApi } from '../../../electron/core/api.ts';
import { newCase } from '../../fixtures/case.ts';

function tamper(dir: string, sql: string): void {
  const db = new Database(path.join(dir, 'case.sqlite'));
  db.exec(sql);
  db.close();
}

describe('the schema check on opening a case', () => {
  it('opens a case the app made, again and again', async () => {
    const { dir, api } = newCase('Untouched');
    api.close();
    const again = createCaseApi({ dir });
    expect((await again.caseInfo({})).title).toBe('Untouched');
    again.close();
  });

  for (const [what, sql, said] of [
    ['a trigger', "CREATE TRIGGER spy AFTER INSERT ON exhibits BEGIN SELECT indexed_text(new.title); END;", /trigger spy that this app never creates/],
    ['a view', 'CREATE VIEW everything AS SELECT * FROM exhibits;', /view everything that this app never creates/],
    ['an altered trigger', "DROP TRIGGER texts_ai; CREATE TRIGGER texts_ai AFTER INSERT ON texts BEGIN SELECT 1; END;", /trigger texts_ai is not defined as this app defines it/],
  ] as const) {
    it(`refuses one with ${what}, naming it, and says how to recover`, () => {
      const { dir, api } = newCase('Tampered');
      api.close();
      tamper(dir, sql);
      expect(() => createCaseApi({ dir })).toThrow(said);
      expect(() => createCaseApi({ dir })).toThrow(/exhibit-desk recover/);
    });
  }
});
