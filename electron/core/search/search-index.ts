// Full-text search over page text, bodies and metadata, with filters by tag, kind, date and linked paragraph.
import type Database from 'better-sqlite3';
import type { SearchHit } from '../../../shared/model.ts';
import { statementCache } from '../store/statement-cache.ts';

export interface ResolvedFilters {
  tagIds?: number[];
  kinds?: string[];
  dateFrom?: string;
  dateTo?: string;
  paragraph?: number;
}

interface HitRow {
  exhibit_id: number;
  exhibit_no: string;
  title: string;
  page: number | null;
  source: 'page' | 'body' | 'meta';
  snippet: string;
}

export const HIGHLIGHT_OPEN = '«';
export const HIGHLIGHT_CLOSE = '»';

export function createSearchIndex(db: Database.Database) {
  const prepare = statementCache(db);

  return {
    /** `match` must already be a safe FTS5 expression (see query-parser). */
    search(match: string, filters: ResolvedFilters, limit: number): SearchHit[] {
      const where = ['texts_fts MATCH ?'];
      const params: (string | number)[] = [match];
      if (filters.kinds?.length) {
        where.push('e.kind IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(filters.kinds));
      }
      if (filters.tagIds) {
        where.push('e.id IN (SELECT exhibit_id FROM exhibit_tags WHERE tag_id IN (SELECT value FROM json_each(?)))');
        params.push(JSON.stringify(filters.tagIds));
      }
      if (filters.dateFrom) {
        where.push('substr(e.doc_date, 1, 10) >= ?');
        params.push(filters.dateFrom.slice(0, 10));
      }
      if (filters.dateTo) {
        where.push('substr(e.doc_date, 1, 10) <= ?');
        params.push(filters.dateTo.slice(0, 10));
      }
      if (filters.paragraph !== undefined) {
        where.push('e.id IN (SELECT l.exhibit_id FROM evidence_links l JOIN paragraphs p ON p.id = l.paragraph_id WHERE p.number = ?)');
        params.push(filters.paragraph);
      }
      const sql = `
        SELECT t.exhibit_id, e.exhibit_no, e.title, t.page, t.source,
          snippet(texts_fts, 0, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', 16) AS snippet
        FROM texts_fts
        JOIN texts t ON t.id = texts_fts.rowid
        JOIN exhibits e ON e.id = t.exhibit_id
        WHERE ${where.join(' AND ')}
        ORDER BY texts_fts.rank, e.seq, e.exhibit_no, t.page
        LIMIT ?`;
      return prepare<(string | number)[], HitRow>(sql)
        .all(...params, limit)
        .map((r) => ({
          exhibitId: r.exhibit_id,
          exhibitNo: r.exhibit_no,
          title: r.title,
          page: r.page,
          source: r.source === 'meta' ? ('metadata' as const) : r.source,
          snippet: r.snippet,
        }));
    },
  };
}
