import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors.ts';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../electron/core/store/migrations/index.ts';

describe('migrations', () => {
  it('are numbered in increasing order with room between them', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
  });

  it('bring an empty database to the latest version, each step recorded in user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toBe(LATEST_VERSION);
  });

  it('refuse a case written by a newer version, leaving it untouched', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    expect(() => migrate(db)).toThrow(UserError);
    expect(() => migrate(db)).toThrow(/newer version of Exhibit Desk/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('roll back a step that fails, keeping the previous version', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE settings (x)'); // makes the first step fail half-way
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'exhibits'").get()).toEqual({ n: 0 });
  });

  describe('0010 initial schema', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 10);

    it('keeps the audit log append-only', () => {
      db.prepare(
        "INSERT INTO audit (at, action, object_type, prev_hash, hash) VALUES ('2026-01-01', 'x', 'case', '0', '1')",
      ).run();
      expect(() => db.prepare("UPDATE audit SET action = 'y'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    });

    it('indexes exhibit metadata for search through a trigger', () => {
      db.prepare("INSERT INTO originals VALUES (?, 10, 'application/pdf', '2026-01-01')").run('a'.repeat(64));
      db.prepare(
        `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, text_layer, imported_at)
         VALUES ('PX-001', 1, 'Award notice', 'pdf', 'award.pdf', '/x/award.pdf', ?, 'application/pdf', 1, '2026-01-01')`,
      ).run('a'.repeat(64));
      const hit = () => db.prepare("SELECT rowid FROM texts_fts WHERE texts_fts MATCH 'award'").all().length;
      expect(hit()).toBe(1);
      db.prepare("UPDATE exhibits SET title = 'Contract'").run();
      expect(db.prepare("SELECT rowid FROM texts_fts WHERE texts_fts MATCH 'contract'").all()).toHaveLength(1);
      expect(hit()).toBe(1); // still found by its file name
    });
  });
});
