// Annotations: a marked passage on one page of an exhibit (rectangles, the quoted text), or a note on the page alone
// (no rectangles), with its note, colour and author. A removal is kept, marked, so that it can be undone.
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import type { Annotation, NoteEntry, Rect } from '../../../shared/model.ts';
import { statementCache } from './statement-cache.ts';

interface AnnotationRow {
  id: number;
  exhibit_id: number;
  page: number;
  rects: string;
  quote: string | null;
  note: string | null;
  color: string;
  created_at: string;
  updated_at: string | null;
  removed_at: string | null;
  author: string | null;
}

interface NoteRow extends AnnotationRow {
  exhibit_no: string;
  title: string;
  paragraphs: string;
}

export interface NewAnnotation {
  exhibitId: number;
  page: number;
  rects: Rect[];
  quote: string | null;
  note: string | null;
  color: string;
  createdAt: string;
  authorId: number;
}

/** Which notes the case-wide list shows: by whom, on which exhibit, bearing on which paragraph. */
export interface NoteFilter {
  authorId?: number;
  exhibitId?: number;
  paragraphId?: number;
}

const ANNOTATIONS = `
  SELECT a.id, a.exhibit_id, a.page, a.rects, a.quote, a.note, a.color, a.created_at, a.updated_at, a.removed_at,
    u.name AS author
  FROM annotations a LEFT JOIN users u ON u.id = a.author_id`;

// A note bears on a paragraph when its highlight is linked to it, or when it sits on a page an evidence link for the
// paragraph cites (a link without pages cites the whole exhibit): the notes a lawyer reads beside that evidence.
const ON_PARAGRAPH = `(
  a.id IN (SELECT l.annotation_id FROM evidence_links l WHERE l.paragraph_id = @paragraphId AND l.annotation_id IS NOT NULL)
  OR EXISTS (SELECT 1 FROM evidence_links l WHERE l.paragraph_id = @paragraphId AND l.exhibit_id = a.exhibit_id
    AND (l.page_from IS NULL OR a.page BETWEEN l.page_from AND coalesce(l.page_to, l.page_from))))`;

export function createAnnotationStore(db: Database.Database) {
  const prepare = statementCache(db);
  const insert = db.prepare(`
    INSERT INTO annotations (exhibit_id, page, rects, quote, note, color, created_at, author_id)
    VALUES (@exhibitId, @page, @rects, @quote, @note, @color, @createdAt, @authorId)`);
  const byId = db.prepare<[number], AnnotationRow>(`${ANNOTATIONS} WHERE a.id = ?`);
  const forExhibit = db.prepare<[number], AnnotationRow>(`${ANNOTATIONS} WHERE a.exhibit_id = ? AND a.removed_at IS NULL ORDER BY a.page, a.id`);
  const update = db.prepare<{ id: number; note: string | null; color: string; at: string }>(
    'UPDATE annotations SET note = @note, color = @color, updated_at = @at WHERE id = @id',
  );
  const markRemoved = db.prepare<{ id: number; at: string | null }>('UPDATE annotations SET removed_at = @at WHERE id = @id');

  /** The annotation, removed or not. */
  function find(id: number): (Annotation & { removed: boolean }) | null {
    const row = byId.get(id);
    return row ? { ...toAnnotation(row), removed: row.removed_at !== null } : null;
  }

  function get(id: number): Annotation {
    const found = find(id);
    if (!found || found.removed) throw new UserError('not_found', `No note or highlight with id ${id}.`);
    const { removed: _, ...annotation } = found;
    return annotation;
  }

  return {
    get,
    find,
    add: (a: NewAnnotation) => get(Number(insert.run({ ...a, rects: JSON.stringify(a.rects) }).lastInsertRowid)),
    forExhibit: (exhibitId: number) => forExhibit.all(exhibitId).map(toAnnotation),

    /** Caller runs it in a transaction, with the annotation's current values checked. */
    edit(id: number, change: { note: string | null; color: string }, at: string): Annotation {
      update.run({ id, ...change, at });
      return get(id);
    },

    remove(id: number, at: string): Annotation {
      const before = get(id);
      markRemoved.run({ id, at });
      return before;
    },

    /** Takes back a removal; refused for a note that was never removed. */
    restore(id: number): Annotation {
      const found = find(id);
      if (!found) throw new UserError('not_found', `No note or highlight with id ${id}.`);
      if (!found.removed) throw new UserError('conflict', 'That note was not removed, so there is nothing to undo.');
      markRemoved.run({ id, at: null });
      return get(id);
    },

    /** Notes and highlights across the case, in exhibit order then by page; each with the paragraphs its highlight is linked to. */
    list(filter: NoteFilter): NoteEntry[] {
      const where = ['a.removed_at IS NULL'];
      if (filter.authorId !== undefined) where.push('a.author_id = @authorId');
      if (filter.exhibitId !== undefined) where.push('a.exhibit_id = @exhibitId');
      if (filter.paragraphId !== undefined) where.push(ON_PARAGRAPH);
      const sql = `
        SELECT a.id, a.exhibit_id, a.page, a.rects, a.quote, a.note, a.color, a.created_at, a.updated_at, a.removed_at,
          u.name AS author, e.exhibit_no, e.title,
          (SELECT json_group_array(p.number) FROM (SELECT DISTINCT p.number FROM evidence_links l
             JOIN paragraphs p ON p.id = l.paragraph_id WHERE l.annotation_id = a.id ORDER BY p.number) p) AS paragraphs
        FROM annotations a JOIN exhibits e ON e.id = a.exhibit_id LEFT JOIN users u ON u.id = a.author_id
        WHERE ${where.join(' AND ')}
        ORDER BY e.seq, e.exhibit_no, a.page, a.id`;
      const params = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
      return prepare<Record<string, number>, NoteRow>(sql)
        .all(params)
        .map((r) => ({ ...toAnnotation(r), exhibitNo: r.exhibit_no, title: r.title, paragraphs: JSON.parse(r.paragraphs) as number[] }));
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
    author: r.author,
    updatedAt: r.updated_at,
  };
}
