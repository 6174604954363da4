// The append-only audit log: every change and import, hash-chained so that tampering shows.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEntry, AuditHead } from '../../../shared/model.ts';

export interface AuditRecord {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  sha256?: string[];
  /** Who made the change, by the name they gave the app (notes and highlights); absent where no one is named. */
  author?: string | null;
}

interface AuditRow {
  seq: number;
  at: string;
  action: string;
  object_type: string;
  object_id: string | null;
  before: string | null;
  after: string | null;
  sha256: string;
  prev_hash: string;
  hash: string;
  author: string | null;
}

const GENESIS = '0'.repeat(64);

export function createAuditLog(db: Database.Database, now: () => string) {
  const lastHash = db.prepare<[], { hash: string }>('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit (at, action, object_type, object_id, before, after, sha256, prev_hash, hash, author)
     VALUES (@at, @action, @object_type, @object_id, @before, @after, @sha256, @prev_hash, @hash, @author)`,
  );
  const forObject = db.prepare<[string, string], AuditRow>(
    'SELECT * FROM audit WHERE object_type = ? AND object_id = ? ORDER BY seq',
  );
  const recent = db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY seq DESC LIMIT ?');
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit ORDER BY seq');
  const head = db.prepare<[], AuditHead>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit WHERE seq = ?');

  return {
    /** Call inside the transaction that makes the change, so the entry and the change commit together. */
    record(entry: AuditRecord): void {
      const row = {
        at: now(),
        action: entry.action,
        object_type: entry.objectType,
        object_id: entry.objectId == null ? null : String(entry.objectId),
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
        sha256: JSON.stringify(entry.sha256 ?? []),
        prev_hash: lastHash.get()?.hash ?? GENESIS,
        author: entry.author ?? null,
      };
      insert.run({ ...row, hash: chainHash(row) });
    },

    history(objectType: string, objectId: string | number): AuditEntry[] {
      return forObject.all(objectType, String(objectId)).map(toEntry);
    },

    recent(limit: number): AuditEntry[] {
      return recent.all(limit).map(toEntry);
    },

    /** The newest entry's place and hash, which manifests record so that a later rewrite of the log shows. */
    head: (): AuditHead | null => head.get() ?? null,

    /** Why the log no longer holds the anchored entry unchanged, or null when it does. */
    anchorProblem(anchor: AuditHead): string | null {
      const found = hashAt.get(anchor.seq);
      if (!found) return `the audit log no longer has entry ${anchor.seq}, which the manifest recorded: it was cut or rewritten`;
      if (found.hash !== anchor.hash) return `audit entry ${anchor.seq} is not the one the manifest recorded: the log was rewritten after it`;
      return null;
    },

    /** The first entry whose hash or link to its predecessor does not hold, or null when the chain is whole. */
    firstBroken(): number | null {
      let prev = GENESIS;
      for (const row of all.iterate()) {
        if (row.prev_hash !== prev || chainHash(row) !== row.hash) return row.seq;
        prev = row.hash;
      }
      return null;
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

function chainHash(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  const content = [row.prev_hash, row.at, row.action, row.object_type, row.object_id, row.before, row.after, row.sha256];
  // The author joined the log later (schema 130): entries without one hash as they always did.
  if (row.author != null) content.push(row.author);
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    sha256: JSON.parse(row.sha256) as string[],
    hash: row.hash,
    ...(row.author != null ? { author: row.author } : {}),
  };
}
