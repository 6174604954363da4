// Full-text search over page text, bodies and metadata, with filters by tag, kind, date and linked paragraph.
import type Database from 'better-sqlite3';
import type { SearchHit } from '../../../shared/model.ts';
import { statementCache } from '../store/statement-cache.ts';
import { makeSnippet, type HighlightTerm } from './snippet.ts';

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
  source: 'page' | 'ocr' | 'body' | 'meta';
  text: string;
}

/**
 * How many matching pages a search ranks. Scoring is linear in the matches, so a word on most pages of a
 * million-page case would take seconds to rank in full; past this many, the hits are the best of the first
 * RANK_WINDOW matching pages in the order they were imported. Below it, ranking is exact.
 */
export const RANK_WINDOW = 10_000;

export const HIGHLIGHT_OPEN = '«';
export const HIGHLIGHT_CLOSE = '»';

/** The statement of a search and its parameters, but for the two limits (the hits wanted, twice) that end them. */
export function searchStatement(match: string, filters: ResolvedFilters): { sql: string; params: (string | number)[] } {
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
  // Dates are ISO strings, so whole-day bounds are plain comparisons the date index can serve: any time on the last
  // day sorts before that day followed by "~".
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
  params.push(match);
  // With filters, the texts they allow are listed first from the indexes, and each match is only looked up in that
  // list ("+" keeps SQLite from handing the list to FTS5, which would run one full-text query per entry): joining
  // every match to its exhibit instead cost a page read per match, seconds for a common word in a million pages.
  const allowed = where.length
    ? `allowed AS MATERIALIZED (SELECT t.id FROM exhibits e JOIN texts t ON t.exhibit_id = e.id WHERE ${where.join(' AND ')}),`
    : '';
  const sql = `
    WITH ${allowed}
    candidates AS MATERIALIZED (
      SELECT texts_fts.rowid AS id, texts_fts.rank AS rank
      FROM texts_fts
      WHERE texts_fts MATCH ? ${where.length ? 'AND +texts_fts.rowid IN allowed' : ''}
      LIMIT ${RANK_WINDOW}),
    cut AS (SELECT max(rank) AS rank FROM (SELECT rank FROM candidates ORDER BY rank LIMIT ?))
    SELECT t.exhibit_id, e.exhibit_no, e.title, t.page, t.source, t.text
    FROM candidates
    JOIN texts t ON t.id = candidates.id
    JOIN exhibits e ON e.id = t.exhibit_id
    WHERE candidates.rank <= (SELECT rank FROM cut)
    ORDER BY candidates.rank, e.seq, e.exhibit_no, t.page
    LIMIT ?`;
  return { sql, params };
}

export function createSearchIndex(db: Database.Database) {
  const prepare = statementCache(db);

  return {
    /** `match` must already be a safe FTS5 expression (see query-parser). */
    search(match: string, terms: HighlightTerm[], filters: ResolvedFilters, limit: number): SearchHit[] {
      const { sql, params } = searchStatement(match, filters);
      return prepare<(string | number)[], HitRow>(sql)
        .all(...params, limit, limit)
        .map((r) => ({
          exhibitId: r.exhibit_id,
          exhibitNo: r.exhibit_no,
          title: r.title,
          page: r.page,
          source: r.source === 'meta' ? ('metadata' as const) : r.source,
          snippet: makeSnippet(r.text, terms, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, '…'),
        }));
    },
  };
}
