// Annotations: a marked passage on one page of an exhibit (rectangles, the quoted text, a note, a colour).
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import type { Annotation, Rect } from '../../../shared/model.ts';

interface AnnotationRow {
  id: number;
  exhibit_id: number;
  page: number;
  rects: string;
  quote: string | null;
  note: string | null;
  color: string;
  created_at: string;
}

export interface NewAnnotation {
  exhibitId: number;
  page: number;
  rects: Rect[];
  quote: string | null;
  note: string | null;
  color: string;
  createdAt: string;
}

export function createAnnotationStore(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO annotations (exhibit_id, page, rects, quote, note, color, created_at)
    VALUES (@exhibitId, @page, @rects, @quote, @note, @color, @createdAt)`);
  const byId = db.prepare<[number], AnnotationRow>('SELECT * FROM annotations WHERE id = ?');
  const forExhibit = db.prepare<[number], AnnotationRow>('SELECT * FROM annotations WHERE exhibit_id = ? ORDER BY page, id');
  const remove = db.prepare<[number]>('DELETE FROM annotations WHERE id = ?');

  function get(id: number): Annotation {
    const row = byId.get(id);
    if (!row) throw new UserError('not_found', `No annotation with id ${id}.`);
    return toAnnotation(row);
  }

  return {
    get,
    add: (a: NewAnnotation) => get(Number(insert.run({ ...a, rects: JSON.stringify(a.rects) }).lastInsertRowid)),
    forExhibit: (exhibitId: number) => forExhibit.all(exhibitId).map(toAnnotation),
    remove(id: number): Annotation {
      const before = get(id);
      remove.run(id);
      return before;
    },
  };
}

export type AnnotationStore = ReturnType<typeof createAnnotationStore>;

function toAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id,
    exhibitId: r.exhibit_id,
    page: r.page,
    rects: JSON.parse(r.rects) as Rect[],
    quote: r.quote,
    note: r.note,
    color: r.color,
    createdAt: r.created_at,
  };
}
