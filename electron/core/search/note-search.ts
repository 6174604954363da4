// Search over the case's notes (their own words, not the passages they highlight, which the page index already
// holds): the same match expression as pages, through notes_fts (migration 0130), with the same filters on exhibits.
import type Database from 'better-sqlite3';
import type { SearchHit } from '../../../shared/model.ts';
import { statementCache } from '../store/statement-cache.ts';
import { makeSnippet, type HighlightTerm } from './snippet.ts';

/** The filters as the search handler resolves them (tags by id with their descendants). */
export interface NoteSearchFilters {
  tagIds?: number[];
  kinds?: string[];
  dateFrom?: string;
  dateTo?: string;
  paragraph?: number;
}

interface NoteHitRow {
  id: number;
  exhibit_id: number;
  exhibit_no: string;
  title: string;
  page: number;
  note: string;
  author: string | null;
}

/** The exhibits' conditions (alias e) for the filters, as the page search applies them: kind, tags, dates, a paragraph's evidence. */
function conditions(filters: NoteSearchFilters): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filters.kinds?.length) {
    where.push('e.kind IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.kinds));
  }
  if (filters.tagIds) {
    where.push('e.id IN (SELECT exhibit_id FROM exhibit_tags WHERE tag_id IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(filters.tagIds));
  }
  if (filters.dateFrom) {
    where.push('e.doc_date >= ?');
    params.push(filters.dateFrom.slice(0, 10));
  }
  if (filters.dateTo) {
    where.push('e.doc_date <= ?');
    params.push(`${filters.dateTo.slice(0, 10)}~`);
  }
  if (filters.paragraph !== undefined) {
    where.push('e.id IN (SELECT l.exhibit_id FROM evidence_links l JOIN paragraphs p ON p.id = l.paragraph_id WHERE p.number = ?)');
    params.push(filters.paragraph);
  }
  return { where, params };
}

export function createNoteSearch(db: Database.Database) {
  const prepare = statementCache(db);
  return {
    /** `match` must already be a safe FTS5 expression (see query-parser); the best `limit` notes, best first. */
    search(match: string, terms: HighlightTerm[], filters: NoteSearchFilters, limit: number): SearchHit[] {
      const { where, params } = conditions(filters);
      const sql = `
        SELECT a.id, a.exhibit_id, e.exhibit_no, e.title, a.page, a.note, u.name AS author
        FROM notes_fts f
        JOIN annotations a ON a.id = f.rowid
        JOIN exhibits e ON e.id = a.exhibit_id
        LEFT JOIN users u ON u.id = a.author_id
        WHERE notes_fts MATCH ? AND a.removed_at IS NULL ${where.map((w) => `AND ${w}`).join(' ')}
        ORDER BY f.rank, e.seq, a.page, a.id
        LIMIT ?`;
      return prepare<(string | number)[], NoteHitRow>(sql)
        .all(match, ...params, limit)
        .map((r) => ({
          exhibitId: r.exhibit_id,
          exhibitNo: r.exhibit_no,
          title: r.title,
          page: r.page,
          source: 'note' as const,
          snippet: makeSnippet(r.note, terms, '«', '»', '…', 24),
          note: { id: r.id, author: r.author },
        }));
    },
  };
}
