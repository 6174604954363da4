// Exhibits withheld from productions as privileged, and the production Bates register: the last number used per
// prefix, which every production reserves its range from so that no number is ever given twice.
import type Database from 'better-sqlite3';
import type { Withheld } from '../../../shared/model.ts';

interface WithheldRow {
  exhibit_id: number;
  type: Withheld['type'];
  description: string;
}

export function createWithheldStore(db: Database.Database) {
  const get = db.prepare<[number], WithheldRow>('SELECT exhibit_id, type, description FROM withheld WHERE exhibit_id = ?');
  const all = db.prepare<[], WithheldRow>('SELECT exhibit_id, type, description FROM withheld');
  const upsert = db.prepare<[number, string, string, string]>(
    `INSERT INTO withheld (exhibit_id, type, description, set_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (exhibit_id) DO UPDATE SET type = excluded.type, description = excluded.description, set_at = excluded.set_at`,
  );
  const remove = db.prepare<[number]>('DELETE FROM withheld WHERE exhibit_id = ?');
  const lastBates = db.prepare<[string], { last: number; digits: number }>('SELECT last, digits FROM production_bates WHERE prefix = ?');
  const setLastBates = db.prepare<[string, number, number]>(
    `INSERT INTO production_bates (prefix, last, digits) VALUES (?, ?, ?)
     ON CONFLICT (prefix) DO UPDATE SET last = excluded.last, digits = excluded.digits`,
  );
  const toWithheld = (r: WithheldRow): Withheld => ({ type: r.type, description: r.description });

  return {
    get: (exhibitId: number): Withheld | null => {
      const row = get.get(exhibitId);
      return row ? toWithheld(row) : null;
    },
    /** Every withheld exhibit, by id. */
    all: (): Map<number, Withheld> => new Map(all.all().map((r) => [r.exhibit_id, toWithheld(r)])),
    set(exhibitId: number, withheld: Withheld, at: string): void {
      upsert.run(exhibitId, withheld.type, withheld.description, at);
    },
    clear: (exhibitId: number): boolean => remove.run(exhibitId).changes === 1,
    /** The last Bates number a production of this prefix used (0 when none has). */
    lastBates: (prefix: string): number => lastBates.get(prefix)?.last ?? 0,
    /** Call inside an immediate transaction that read lastBates, so no other writer can take the same numbers. */
    setLastBates(prefix: string, last: number, digits: number): void {
      setLastBates.run(prefix, last, digits);
    },
  };
}

export type WithheldStore = ReturnType<typeof createWithheldStore>;
