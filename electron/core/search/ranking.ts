// Exact ranking: the texts FTS5's bm25 ranks best among every match of a search, found without scoring every match.
//
// bm25 is a sum over the search's phrases, and FTS5 gives each phrase's part exactly when asked for that phrase alone.
// So each phrase has a list, kept per connection until any text changes: the texts that phrase alone ranks best, with
// their scores, and the score of the best text left out, which bounds every text the list lacks. A one-phrase search
// reads its hits off its list. A search of several phrases takes the texts on its phrases' lists as candidates and lets
// FTS5 score just those (exactly, the whole search's bm25); a text on no list scores at most the sum of what each
// phrase can give a text off its list, so when the candidates' k-th best beats that sum, they hold the exact top k. A
// phrase that is on most pages gives a text almost nothing (its IDF is floored near zero), so it needs no list: its most
// is its IDF times bm25's ceiling. When a bound cannot be met (a filter that leaves too few candidates, NEAR, which
// FTS5 scores by the near instances only), or the phrases are on so few texts that scoring them all is cheaper, FTS5
// scores every match, as raw FTS5 does.
import type Database from 'better-sqlite3';
import type { RankedPhrase, RankingShape } from './query-parser.ts';

/** A text and its bm25 score as FTS5 computes it (lower is better). */
export interface Scored {
  id: number;
  score: number;
}

/** The texts a search's filters allow, by id, and how many there are. */
export interface AllowedTexts {
  bits: Uint8Array;
  count: number;
}

/** FTS5's bm25 parameter k1 (fts5_aux.c): a phrase's part of a score is its IDF times less than k1 + 1. */
const K1 = 1.2;
/** bm25 floors a phrase's IDF here when the phrase is on more than half the texts (fts5_aux.c). */
const IDF_FLOOR = 1e-6;
/** Rounding in FTS5's sums and in the logarithms here: bounds are raised by this much before a hit is trusted. */
const SLACK = 1e-9;
/** The shortest list made for a phrase, and the longest: past it, FTS5 scores every match instead. */
export const LIST_MIN = 1024;
const LIST_CAP = 131_072;
/** Lists kept per connection, in texts (12 bytes each), the least recently used dropped first. */
const KEPT_ENTRIES = 4_000_000;

/** The best texts of one phrase alone, best first, and a bound on every text left off. */
interface PhraseList {
  ids: Int32Array;
  /** Minus bm25 (higher is better), as FTS5 computed it. */
  scores: Float64Array;
  /** Every text with the phrase is listed. */
  complete: boolean;
  /** Minus bm25 of the best text left off: no text off the list scores more for this phrase. 0 when complete. */
  rest: number;
}

interface Kept {
  generation: number;
  texts: number;
  lists: Map<string, PhraseList>;
  counts: Map<string, number>;
  entries: number;
}

// The texts the running statement may return, for `search_allows(rowid)` on each connection: a bitmap probed from SQL
// (searches on one connection run one at a time; redefining the function for each search would expire every statement).
const allowedByConnection = new WeakMap<Database.Database, { bits: Uint8Array | null }>();

function allowState(db: Database.Database): { bits: Uint8Array | null } {
  let state = allowedByConnection.get(db);
  if (!state) {
    const made: { bits: Uint8Array | null } = { bits: null };
    db.function('search_allows', { directOnly: true }, (id) => (made.bits?.[id as number] ? 1 : 0));
    allowedByConnection.set(db, (state = made));
  }
  return state;
}

const keptByConnection = new WeakMap<Database.Database, Kept>();

/** Forgets the lists and counts kept for this connection, as a change to any text does (for measuring). */
export function forgetRankingLists(db: Database.Database): void {
  keptByConnection.delete(db);
}

export type RankingMode = 'exact-fast' | 'fts5';

/**
 * How a search was ranked: off one phrase's list, by FTS5 scoring the candidates from its phrases' lists, or by FTS5
 * scoring every match (NEAR, a filter too narrow for lists, a bound the lists could not meet, or mode 'fts5').
 */
export type RankedBy = 'list' | 'candidates' | 'every match';

/**
 * `mode` 'fts5' has FTS5 score every match (ORDER BY bm25 LIMIT k), the peer the benchmark measures against; the
 * default finds the same hits through the phrase lists.
 */
export function createRanker(db: Database.Database, mode: RankingMode = 'exact-fast', listMin = LIST_MIN) {
  const allowed = allowState(db);
  let rankedBy: RankedBy = 'every match';
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const ranked = (filtered: boolean) =>
    prepare(`SELECT rowid, bm25(texts_fts) FROM texts_fts WHERE texts_fts MATCH ? ${filtered ? 'AND search_allows(rowid)' : ''}
      ORDER BY bm25(texts_fts) LIMIT ?`).raw();
  const counted = () => prepare('SELECT count(*) FROM texts_fts WHERE texts_fts MATCH ?').pluck();
  let stateStatement: Database.Statement | null | undefined;

  /** The case's text generation and text count (migration 0150), or null where the case predates them. */
  function textState(): { generation: number; texts: number } | null {
    if (stateStatement === undefined) {
      try {
        stateStatement = db.prepare('SELECT generation, texts FROM search_state WHERE id = 1');
      } catch {
        stateStatement = null;
      }
    }
    return (stateStatement?.get() as { generation: number; texts: number } | undefined) ?? null;
  }

  function kept(): Kept | null {
    const state = textState();
    if (!state) return null;
    let k = keptByConnection.get(db);
    if (!k || k.generation !== state.generation) {
      k = { ...state, lists: new Map(), counts: new Map(), entries: 0 };
      keptByConnection.set(db, k);
    }
    return k;
  }

  /**
   * FTS5 scores every match `bits` allows and returns the best k, with every text tied with the k-th (a tie is broken
   * by exhibit order afterwards, which FTS5 does not know).
   */
  function scoredByFts(match: string, bits: Uint8Array | null, k: number): Scored[] {
    allowed.bits = bits;
    try {
      // Room past the k-th for its ties, which are common (pages of one length with one count of a word score alike):
      // running the statement again would score every match again.
      for (let limit = 2 * k + 16; ; limit *= 2) {
        const rows = ranked(bits !== null).all(match, limit) as [number, number][];
        if (rows.length < limit || rows[limit - 1]![1] !== rows[k - 1]![1]) {
          let end = Math.min(rows.length, k);
          while (end < rows.length && rows[end]![1] === rows[k - 1]![1]) end++;
          return rows.slice(0, end).map(([id, score]) => ({ id, score }));
        }
      }
    } finally {
      allowed.bits = null;
    }
  }

  function listOf(store: Kept, phrase: string, depth: number): PhraseList {
    const had = store.lists.get(phrase);
    if (had) {
      store.lists.delete(phrase); // kept in order of use
      if (had.complete || had.ids.length >= depth) {
        store.lists.set(phrase, had);
        return had;
      }
      store.entries -= had.ids.length;
    }
    const rows = ranked(false).all(phrase, depth + 1) as [number, number][];
    const complete = rows.length <= depth;
    const n = Math.min(rows.length, depth);
    const list: PhraseList = { ids: new Int32Array(n), scores: new Float64Array(n), complete, rest: complete ? 0 : -rows[depth]![1] };
    for (let i = 0; i < n; i++) {
      list.ids[i] = rows[i]![0];
      list.scores[i] = -rows[i]![1];
    }
    store.lists.set(phrase, list);
    store.entries += n;
    for (const [other, old] of store.lists) {
      if (store.entries <= KEPT_ENTRIES || other === phrase) break;
      store.lists.delete(other);
      store.entries -= old.ids.length;
    }
    return list;
  }

  /** How many texts hold the phrase (bm25's n for its IDF), counted once per generation. */
  function matchesOf(store: Kept, phrase: string): number {
    let n = store.counts.get(phrase);
    if (n === undefined) store.counts.set(phrase, (n = counted().get(phrase) as number));
    return n;
  }

  /** The most a phrase can add to any text's score: its IDF (as bm25 computes it) times bm25's ceiling k1 + 1. */
  function ceiling(store: Kept, phrase: string): number {
    const n = matchesOf(store, phrase);
    // One text more than the case holds can only raise the IDF, which keeps this a bound whatever the rounding.
    const rows = store.texts + 1;
    const idf = Math.max(IDF_FLOOR, Math.log((rows - n + 0.5) / (n + 0.5)));
    return idf * (K1 + 1);
  }

  /** A one-phrase search off its list: the first k allowed texts, when all of them score above what the list left off. */
  function fromList(list: PhraseList, bits: Uint8Array | null, k: number): Scored[] | null {
    const out: Scored[] = [];
    let kth = Infinity;
    for (let i = 0; i < list.ids.length; i++) {
      const id = list.ids[i]!;
      if (bits && !bits[id]) continue;
      const s = list.scores[i]!;
      if (out.length >= k && s < kth) return out;
      if (!list.complete && s <= list.rest) return null;
      out.push({ id, score: -s });
      if (out.length === k) kth = s;
    }
    return list.complete ? out : null;
  }

  function onePhrase(store: Kept, phrase: string, filter: AllowedTexts | null, k: number): Scored[] {
    const bits = filter?.bits ?? null;
    // A filter passes about this share of any list: the list must be long enough to hold k of them, twice over.
    const share = filter ? Math.max(filter.count, 1) / Math.max(store.texts, 1) : 1;
    const depth = Math.max(listMin, Math.ceil((2 * k) / share));
    if (depth > LIST_CAP) return scoredByFts(phrase, bits, k);
    let list = listOf(store, phrase, depth);
    let hits = fromList(list, bits, k);
    // Without a filter a list falls short only where the k-th best ties with the best left off: a longer one ends the
    // tie. With one, the list was made long enough for the filter's share; it falls short when the filter favours
    // texts that score low, and then FTS5 scoring the allowed matches costs less than lists made ever longer.
    if (!hits && !filter && !list.complete) {
      list = listOf(store, phrase, Math.min(LIST_CAP, depth * 8));
      hits = fromList(list, bits, k);
    }
    if (hits) {
      rankedBy = 'list';
      return hits;
    }
    return scoredByFts(phrase, bits, k);
  }

  function severalPhrases(store: Kept, match: string, phrases: RankedPhrase[], filter: AllowedTexts | null, k: number): Scored[] {
    const bits = filter?.bits ?? null;
    const scoring = phrases.filter((p) => p.scores).map((p) => p.match);
    const share = filter ? Math.max(filter.count, 1) / Math.max(store.texts, 1) : 1;
    const firstDepth = Math.max(listMin * 4, Math.ceil((2 * k) / share));
    if (firstDepth > LIST_CAP) return scoredByFts(match, bits, k);
    // With few texts holding any of the phrases, FTS5 scores them all in less time than lists and candidates take.
    if ([...new Set(scoring)].reduce((sum, p) => sum + matchesOf(store, p), 0) <= listMin * 16) return scoredByFts(match, bits, k);

    // Phrases with a list give their list's `rest` to the bound on texts off every list; the others their ceiling.
    const lists = new Map<string, PhraseList>();
    for (const p of scoring) {
      const had = store.lists.get(p);
      if (had) lists.set(p, had);
    }
    const partOf = (p: string) => lists.get(p)?.rest ?? ceiling(store, p);
    let offLists = 0;
    let candidates = new Map<number, number>();
    for (let round = 0; ; round++) {
      offLists = scoring.reduce((sum, p) => sum + partOf(p), 0);
      candidates = candidateParts(lists, scoring, bits);
      // What the candidates score from their lists alone: a guess at the k-th best (a candidate may not match).
      const guess = kthLargest([...candidates.values()], k);
      if (guess > offLists * (1 + SLACK) || round === 6) break;
      let worst: string | null = null;
      for (const p of new Set(scoring)) {
        const list = lists.get(p);
        if (list && (list.complete || list.ids.length >= LIST_CAP)) continue;
        if (worst === null || partOf(p) > partOf(worst)) worst = p;
      }
      if (worst === null) break;
      const had = lists.get(worst);
      lists.set(worst, listOf(store, worst, had ? Math.min(LIST_CAP, had.ids.length * 8) : firstDepth));
    }
    const everyMatchListed = scoring.every((p) => lists.get(p)?.complete);
    if (candidates.size === 0 && !everyMatchListed) return scoredByFts(match, bits, k);
    let top = 0;
    for (const id of candidates.keys()) top = Math.max(top, id);
    const candidateBits = new Uint8Array(top + 1);
    for (const id of candidates.keys()) candidateBits[id] = 1;
    const best = scoredByFts(match, candidateBits, k);
    // Exact when every match was a candidate, or when the k-th best candidate beats any text off the lists.
    if (everyMatchListed || (best.length >= k && -best[k - 1]!.score > offLists * (1 + SLACK))) {
      rankedBy = 'candidates';
      return best;
    }
    return scoredByFts(match, bits, k);
  }

  return {
    /**
     * The best k texts for `match` among those `filter` allows (all texts without one), by bm25 then FTS5's order, with
     * every text tied with the k-th; fewer when fewer match. `shape` is the search's phrases (query-parser); without it
     * FTS5 scores every match.
     */
    best(match: string, shape: RankingShape | undefined, filter: AllowedTexts | null, k: number): Scored[] {
      rankedBy = 'every match';
      const store = mode === 'exact-fast' && shape && !shape.near ? kept() : null;
      if (!store) return scoredByFts(match, filter?.bits ?? null, k);
      const [first] = shape!.phrases;
      if (shape!.phrases.length === 1 && first!.match === match) return onePhrase(store, match, filter, k);
      return severalPhrases(store, match, shape!.phrases, filter, k);
    },

    /** How the last search was ranked. */
    get rankedBy(): RankedBy {
      return rankedBy;
    },

    /** Runs `query` with `search_allows(rowid)` true for the texts `bits` marks. */
    withAllowed<T>(bits: Uint8Array | null, query: () => T): T {
      allowed.bits = bits;
      try {
        return query();
      } finally {
        allowed.bits = null;
      }
    },
  };
}

/** Each allowed text on a list, with the sum of what its lists say it scores (minus bm25). */
function candidateParts(lists: Map<string, PhraseList>, scoring: string[], bits: Uint8Array | null): Map<number, number> {
  const parts = new Map<number, number>();
  for (const p of scoring) {
    const list = lists.get(p);
    if (!list) continue;
    for (let i = 0; i < list.ids.length; i++) {
      const id = list.ids[i]!;
      if (bits && !bits[id]) continue;
      parts.set(id, (parts.get(id) ?? 0) + list.scores[i]!);
    }
  }
  return parts;
}

function kthLargest(values: number[], k: number): number {
  if (values.length < k) return -Infinity;
  return Float64Array.from(values).sort()[values.length - k]!;
}
