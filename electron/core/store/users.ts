// The case's users: the people who write notes and highlights, known by the name each gave the app (compared without
// regard to case, so "dana whitfield" is Dana Whitfield).
import type Database from 'better-sqlite3';
import type { CaseUser } from '../../../shared/model.ts';

export function createUserStore(db: Database.Database) {
  const byName = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM users WHERE name = ?');
  const insert = db.prepare<[string, string]>('INSERT INTO users (name, created_at) VALUES (?, ?)');
  const all = db.prepare<[], CaseUser>(`
    SELECT u.id, u.name, (SELECT count(*) FROM annotations a WHERE a.author_id = u.id AND a.removed_at IS NULL) AS notes
    FROM users u ORDER BY u.name COLLATE NOCASE, u.id`);

  return {
    list: () => all.all(),
    find: (name: string) => byName.get(name) ?? null,
    /** The user of this name, added if new (caller runs it in a transaction and records the addition). */
    ensure(name: string, at: string): { id: number; name: string; added: boolean } {
      const found = byName.get(name);
      if (found) return { ...found, added: false };
      const id = Number(insert.run(name, at).lastInsertRowid);
      return { id, name, added: true };
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
