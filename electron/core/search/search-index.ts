// Full-text search over page text, bodies and metadata, with filters by tag, kind, date and linked paragraph.
import type Database from 'better-sqlite3';
import type { MatchCount, SearchHit } from '../../../shared/model.ts';
import { statementCache } from '../store/statement-cache.ts';
import type { RankingShape } from './query-parser.ts';
import { createRanker, type AllowedTexts, type RankedBy, type RankingMode } from './ranking.ts';
import { makeSnippet, type HighlightTerm } from './snippet.ts';

export interface ResolvedFilters {
  tagIds?: number[];
  kinds?: string[];
  dateFrom?: string;
  dateTo?: string;
  paragraph?: number;
}

interface HitRow {
  id: number;
  exhibit_id: number;
  exhibit_no: string;
  title: string;
  seq: number;
  page: number | null;
  source: 'page' | 'ocr' | 'body' | 'meta';
  text: string;
}

export const HIGHLIGHT_OPEN = '«';
export const HIGHLIGHT_CLOSE = '»';

/** The conditions on exhibits (alias e) that the filters set, or null without filters. */
export function exhibitConditions(filters: ResolvedFilters): { where: string; params: (string | number)[] } | null {
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
  return where.length ? { where: where.join(' AND '), params } : null;
}

/**
 * The texts the filters allow, one row per allowed exhibit: the lowest and highest id of its texts and how many
 * there are. An exhibit's texts are written together, so for almost every exhibit they are one run of ids; those
 * that are not (OCR text added later) are listed id by id. Null without filters.
 */
export function allowedTextsStatement(filters: ResolvedFilters): { sql: string; params: (string | number)[] } | null {
  const conditions = exhibitConditions(filters);
  if (!conditions) return null;
  // Three subqueries rather than a GROUP BY over a join, which sorted every allowed text to group them.
  const sql = `
    SELECT e.id AS exhibit_id,
      (SELECT id FROM texts WHERE exhibit_id = e.id ORDER BY id LIMIT 1) AS lo,
      (SELECT id FROM texts WHERE exhibit_id = e.id ORDER BY id DESC LIMIT 1) AS hi,
      (SELECT count(*) FROM texts WHERE exhibit_id = e.id) AS n
    FROM exhibits e
    WHERE ${conditions.where}`;
  return { sql, params: conditions.params };
}

/** Matches are counted up to this many: a common word's million pages would cost a full pass over the index. */
export const COUNT_LIMIT = 100_000;

/** The statement that counts a search's matches, up to one more than the limit (its parameters: match, limit + 1). */
export function countStatement(filtered: boolean): string {
  return `
    SELECT count(*) FROM (
      SELECT 1 FROM texts_fts
      WHERE texts_fts MATCH ? ${filtered ? 'AND search_allows(texts_fts.rowid)' : ''}
      LIMIT ?)`;
}

interface AllowedRun {
  exhibit_id: number;
  lo: number;
  hi: number;
  n: number;
}

/** The texts of the hits, in one read: `ids` as a JSON array. */
const HIT_ROWS = `
  SELECT t.id, t.exhibit_id, e.exhibit_no, e.title, e.seq, t.page, t.source, t.text
  FROM texts t JOIN exhibits e ON e.id = t.exhibit_id
  WHERE t.id IN (SELECT value FROM json_each(?))`;

export interface SearchIndexOptions {
  /** 'fts5' has FTS5 score every match (the benchmark's peer); by default the phrase lists find the same hits. */
  ranking?: RankingMode;
  /** The shortest phrase list (ranking.ts); tests shorten it to reach the bounds on a small case. */
  listMin?: number;
}

export function createSearchIndex(db: Database.Database, options: SearchIndexOptions = {}) {
  const prepare = statementCache(db);
  const textIdsOf = db.prepare<[number], number>('SELECT id FROM texts WHERE exhibit_id = ?').pluck();
  const hitRows = db.prepare<[string], HitRow>(HIT_ROWS);
  const ranker = createRanker(db, options.ranking, options.listMin);
  let rankingMs = 0;

  function allowedTexts(filters: ResolvedFilters): AllowedTexts | null {
    const statement = allowedTextsStatement(filters);
    if (!statement) return null;
    const runs = prepare<(string | number)[], AllowedRun>(statement.sql).all(...statement.params);
    const bits = new Uint8Array(runs.reduce((top, r) => Math.max(top, r.hi ?? 0), 0) + 1);
    let count = 0;
    for (const run of runs) {
      if (run.n === 0) continue;
      count += run.n;
      if (run.hi - run.lo + 1 === run.n) bits.fill(1, run.lo, run.hi + 1);
      else for (const id of textIdsOf.all(run.exhibit_id)) bits[id] = 1;
    }
    return { bits, count };
  }

  return {
    /**
     * The best `limit` texts for `match` by bm25 over every text the filters allow, ties in exhibit order. `match` must
     * already be a safe FTS5 expression, and `shape` its phrases (see query-parser); without `shape` FTS5 scores every
     * match, with the same result.
     */
    search(match: string, terms: HighlightTerm[], filters: ResolvedFilters, limit: number, shape?: RankingShape): SearchHit[] {
      const started = performance.now();
      const best = ranker.best(match, shape, allowedTexts(filters), limit);
      rankingMs = performance.now() - started;
      const score = new Map(best.map((b) => [b.id, b.score]));
      const rows = hitRows.all(JSON.stringify(best.map((b) => b.id)));
      rows.sort((a, b) => score.get(a.id)! - score.get(b.id)! || a.seq - b.seq || compareNo(a.exhibit_no, b.exhibit_no) || (a.page ?? 0) - (b.page ?? 0) || a.id - b.id);
      return rows.slice(0, limit).map((r) => ({
        exhibitId: r.exhibit_id,
        exhibitNo: r.exhibit_no,
        title: r.title,
        page: r.page,
        source: r.source === 'meta' ? ('metadata' as const) : r.source,
        snippet: makeSnippet(r.text, terms, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, '…'),
      }));
    },

    /** How the last search was ranked (ranking.ts), and how long that took (with the filters' texts), for measuring. */
    get rankedBy(): RankedBy {
      return ranker.rankedBy;
    },
    get rankingMs(): number {
      return rankingMs;
    },

    /** How many texts `match` finds with these filters, counted up to COUNT_LIMIT; every one of them is ranked. */
    count(match: string, filters: ResolvedFilters): MatchCount {
      const allowed = allowedTexts(filters);
      const n = ranker.withAllowed(allowed?.bits ?? null, () =>
        prepare<(string | number)[], number>(countStatement(allowed !== null)).pluck().get(match, COUNT_LIMIT + 1)!,
      );
      // Every match is ranked: `ranked` no longer stops short of the matches, however many are counted.
      return { matches: Math.min(n, COUNT_LIMIT), atLeast: n > COUNT_LIMIT, ranked: Number.MAX_SAFE_INTEGER };
    },
  };
}

/** Exhibit numbers compare as SQLite's NOCASE collation does (the column's), ASCII letters folded. */
function compareNo(a: string, b: string): number {
  const x = a.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const y = b.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return x < y ? -1 : x > y ? 1 : 0;
}
