// Full-text search over page text, bodies and metadata, with filters by tag, kind, date and linked paragraph.
import type Database from 'better-sqlite3';
import type { MatchCount, SearchHit } from '../../../shared/model.ts';
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
 * RANK_WINDOW matching pages in the order they were imported. Below it, ranking is exact. Scoring a page costs
 * 2 µs in a 100,000-page case and 7 µs in a 1,000,000-page one (FTS5's bm25 looks up each page's length), and with a
 * filter each match is probed until the window fills: at 1,000,000 pages a window of 5,000 cost a kind + dates search
 * 40 ms more than one of 2,000, ten times the hits a search returns.
 */
export const RANK_WINDOW = 2_000;

export const HIGHLIGHT_OPEN = '«';
export const HIGHLIGHT_CLOSE = '»';

/** The conditions on exhibits (alias e) that the filters set, or null without filters. */
function exhibitConditions(filters: ResolvedFilters): { where: string; params: (string | number)[] } | null {
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

/**
 * The statement of a search: its parameters are the match expression and the hits wanted, twice. With filters, each
 * match is probed in the allowed texts by `search_allows(rowid)`, a function of the connection over a bitmap: probing
 * a list of allowed ids materialized in SQL cost a b-tree search per match, and joining each match to its exhibit a
 * page read per match (seconds for a common word in a million pages).
 */
export function searchStatement(filtered: boolean): string {
  return `
    WITH candidates AS MATERIALIZED (
      SELECT texts_fts.rowid AS id, texts_fts.rank AS rank
      FROM texts_fts
      WHERE texts_fts MATCH ? ${filtered ? 'AND search_allows(texts_fts.rowid)' : ''}
      LIMIT ${RANK_WINDOW}),
    cut AS (SELECT max(rank) AS rank FROM (SELECT rank FROM candidates ORDER BY rank LIMIT ?))
    SELECT t.exhibit_id, e.exhibit_no, e.title, t.page, t.source, t.text
    FROM candidates
    JOIN texts t ON t.id = candidates.id
    JOIN exhibits e ON e.id = t.exhibit_id
    WHERE candidates.rank <= (SELECT rank FROM cut)
    ORDER BY candidates.rank, e.seq, e.exhibit_no, t.page
    LIMIT ?`;
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

// The texts the running search's filters allow, by id, for `search_allows` of each connection (searches on one
// connection run one at a time; redefining the function for each search would expire every prepared statement).
const allowedByConnection = new WeakMap<Database.Database, { bits: Uint8Array | null }>();

function allowedTextsOf(db: Database.Database): { bits: Uint8Array | null } {
  let allowed = allowedByConnection.get(db);
  if (!allowed) {
    const state: { bits: Uint8Array | null } = { bits: null };
    db.function('search_allows', { directOnly: true }, (id) => (state.bits?.[id as number] ? 1 : 0));
    allowedByConnection.set(db, (allowed = state));
  }
  return allowed;
}

export function createSearchIndex(db: Database.Database) {
  const prepare = statementCache(db);
  const textIdsOf = db.prepare<[number], number>('SELECT id FROM texts WHERE exhibit_id = ?').pluck();
  const allowed = allowedTextsOf(db);

  function allowedTexts(filters: ResolvedFilters): Uint8Array | null {
    const statement = allowedTextsStatement(filters);
    if (!statement) return null;
    const runs = prepare<(string | number)[], AllowedRun>(statement.sql).all(...statement.params);
    const bits = new Uint8Array(runs.reduce((top, r) => Math.max(top, r.hi), 0) + 1);
    for (const run of runs) {
      if (run.hi - run.lo + 1 === run.n) bits.fill(1, run.lo, run.hi + 1);
      else for (const id of textIdsOf.all(run.exhibit_id)) bits[id] = 1;
    }
    return bits;
  }

  /** Runs `query` with the texts the filters allow set for `search_allows`, and unsets them after. */
  function withAllowed<T>(filters: ResolvedFilters, query: (filtered: boolean) => T): T {
    allowed.bits = allowedTexts(filters);
    try {
      return query(allowed.bits !== null);
    } finally {
      allowed.bits = null;
    }
  }

  return {
    /** `match` must already be a safe FTS5 expression (see query-parser). */
    search(match: string, terms: HighlightTerm[], filters: ResolvedFilters, limit: number): SearchHit[] {
      const rows = withAllowed(filters, (filtered) => prepare<(string | number)[], HitRow>(searchStatement(filtered)).all(match, limit, limit));
      return rows.map((r) => ({
        exhibitId: r.exhibit_id,
        exhibitNo: r.exhibit_no,
        title: r.title,
        page: r.page,
        source: r.source === 'meta' ? ('metadata' as const) : r.source,
        snippet: makeSnippet(r.text, terms, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, '…'),
      }));
    },

    /** How many texts `match` finds with these filters, counted up to COUNT_LIMIT. */
    count(match: string, filters: ResolvedFilters): MatchCount {
      const n = withAllowed(filters, (filtered) =>
        prepare<(string | number)[], number>(countStatement(filtered)).pluck().get(match, COUNT_LIMIT + 1)!,
      );
      return { matches: Math.min(n, COUNT_LIMIT), atLeast: n > COUNT_LIMIT, ranked: RANK_WINDOW };
    },
  };
}
