// Prepares each distinct SQL text once, for the few queries whose shape depends on their filters.
import type Database from 'better-sqlite3';

export function statementCache(db: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return <P extends unknown[] | {} = unknown[], R = unknown>(sql: string): Database.Statement<P, R> => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt as unknown as Database.Statement<P, R>;
  };
}
