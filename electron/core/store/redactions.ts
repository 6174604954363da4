// Redactions of exhibit pages: stored as fractions of the page as shown, proposed or accepted; rejected proposals are
// deleted (the audit log keeps what they were).
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import type { Rect, Redaction } from '../../../shared/model.ts';

interface RedactionRow {
  id: number;
  exhibit_id: number;
  exhibit_no: string;
  page: number;
  rects: string;
  reason: string;
  label: string | null;
  status: Redaction['status'];
  text: string | null;
  origin: Redaction['origin'];
  created_at: string;
  created_by: string;
}

export type NewRedaction = Omit<Redaction, 'id' | 'exhibitNo'>;

const SELECT = 'SELECT r.*, e.exhibit_no FROM redactions r JOIN exhibits e ON e.id = r.exhibit_id';

export function createRedactionStore(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO redactions (exhibit_id, page, rects, reason, label, status, text, origin, created_at, created_by)
    VALUES (@exhibitId, @page, @rects, @reason, @label, @status, @text, @origin, @createdAt, @createdBy)`);
  const byId = db.prepare<[number], RedactionRow>(`${SELECT} WHERE r.id = ?`);
  const forExhibit = db.prepare<[number], RedactionRow>(`${SELECT} WHERE r.exhibit_id = ? ORDER BY r.page, r.id`);
  const acceptedFor = db.prepare<[number], RedactionRow>(`${SELECT} WHERE r.exhibit_id = ? AND r.status = 'accepted' ORDER BY r.page, r.id`);
  const all = db.prepare<[], RedactionRow>(`${SELECT} ORDER BY e.seq, e.exhibit_no, r.page, r.id`);
  const setStatus = db.prepare<[string, number]>(`UPDATE redactions SET status = ? WHERE id = ? AND status = 'proposed'`);
  const remove = db.prepare<[number]>('DELETE FROM redactions WHERE id = ?');
  const anyAccepted = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM redactions WHERE status = 'accepted'");

  function get(id: number): Redaction {
    const row = byId.get(id);
    if (!row) throw new UserError('not_found', `No redaction with id ${id}.`);
    return toRedaction(row);
  }

  return {
    get,
    add: (r: NewRedaction) => get(Number(insert.run({ ...r, rects: JSON.stringify(r.rects) }).lastInsertRowid)),
    forExhibit: (exhibitId: number) => forExhibit.all(exhibitId).map(toRedaction),
    /** What an export applies to the exhibit's pages, by page (1-based). */
    acceptedByPage(exhibitId: number): Map<number, Redaction[]> {
      const pages = new Map<number, Redaction[]>();
      for (const r of acceptedFor.all(exhibitId).map(toRedaction)) pages.set(r.page, [...(pages.get(r.page) ?? []), r]);
      return pages;
    },
    all: () => all.all().map(toRedaction),
    hasAccepted: () => anyAccepted.get()!.n > 0,
    /** Accepts a proposal; false when it is not a proposal (already accepted). */
    accept: (id: number): boolean => setStatus.run('accepted', id).changes === 1,
    remove(id: number): Redaction {
      const before = get(id);
      remove.run(id);
      return before;
    },
  };
}

export type RedactionStore = ReturnType<typeof createRedactionStore>;

function toRedaction(r: RedactionRow): Redaction {
  return {
    id: r.id,
    exhibitId: r.exhibit_id,
    exhibitNo: r.exhibit_no,
    page: r.page,
    rects: JSON.parse(r.rects) as Rect[],
    reason: r.reason,
    label: r.label,
    status: r.status,
    text: r.text,
    origin: r.origin,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
