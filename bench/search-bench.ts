// Search latency against raw FTS5 on synthesized cases of growing size: each query of a fixed mix runs through the
// search index (parse, filters, ranking, hit rows, snippets) ranked our way and ranked by FTS5 scoring every match
// (ORDER BY bm25 LIMIT k, the exact peer), the two interleaved round by round on two connections to the same case, the
// order swapped every round. Per query: p50/p95 of both, of the ranking step alone, the first search after the text
// changed (when the phrase lists are made), how it was ranked, and its top 20 against an independent exact bm25 query.
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { registerIndexedText } from '../electron/core/search/cjk-text.ts';
import { parseSearch } from '../electron/core/search/query-parser.ts';
import { forgetRankingLists } from '../electron/core/search/ranking.ts';
import { createSearchIndex, exhibitConditions, type ResolvedFilters } from '../electron/core/search/search-index.ts';
import { migrate } from '../electron/core/store/migrations/index.ts';
import { createTagStore } from '../electron/core/store/tags.ts';
import type { Api } from '../shared/api.ts';
import { lineChartSvg } from './chart.ts';
import { percentile } from './stats.ts';
import { synthCase } from './synth-case.ts';

type SearchArgs = Parameters<Api['search']>[0];

/** Word, rare word, phrase, prefix, boolean, NEAR, and the same kinds of query with each filter. */
export const QUERY_MIX: { label: string; args: SearchArgs }[] = [
  { label: 'common word', args: { query: 'contract' } },
  { label: 'word', args: { query: 'server' } },
  { label: 'rare word', args: { query: 'suzhou' } },
  { label: 'phrase', args: { query: '"trade secret"' } },
  { label: 'prefix', args: { query: 'instal*' } },
  { label: 'boolean', args: { query: '(payment OR server) AND contract NOT backdoor' } },
  { label: 'NEAR', args: { query: 'NEAR(server payment, 5)' } },
  { label: 'word, tag filter', args: { query: 'payment', filters: { tags: ['hot'] } } },
  { label: 'phrase, kind + dates', args: { query: '"data exchange"', filters: { kinds: ['email'], dateFrom: '2015-01-01', dateTo: '2017-12-31' } } },
  { label: 'word, paragraph filter', args: { query: 'server', filters: { paragraph: 7 } } },
];

/** Hits asked for, as the app asks (its default); the overlap is taken on the first 20. */
const LIMIT = 200;
const OVERLAP = 20;
/** Times the first search after a change is measured (each after forgetting the lists). */
const FIRST_ROUNDS = 3;

interface Spread {
  p50Ms: number;
  p95Ms: number;
}

export interface ShapeFigures {
  label: string;
  hits: number;
  /** Whole search, ranked our way and by FTS5 scoring every match: wall time, and this process's CPU time. */
  ours: Spread;
  fts5: Spread;
  oursCpu: Spread;
  fts5Cpu: Spread;
  /** The ranking step alone (with the filters' texts), both ways. */
  oursRanking: Spread;
  fts5Ranking: Spread;
  /** The first search after any text changed: the lists are made then (median of FIRST_ROUNDS). */
  firstMs: number;
  rankedBy: string;
  /** Of our first 20 hits, how many are in the exact bm25 top 20, and whether the order is the same. */
  overlap: number;
  sameOrder: boolean;
}

export interface SearchRow {
  pages: number;
  rounds: number;
  /** Over every query of every round: wall time, and CPU time (on a shared machine wall time counts waiting for a core). */
  ours: Spread & { maxMs: number };
  fts5: Spread & { maxMs: number };
  oursCpu: Spread;
  fts5Cpu: Spread;
  /** Load average (1 minute) when the size finished: the machine is shared. */
  load: number;
  perQuery: ShapeFigures[];
}

const WORDS_PER_PAGE = 250;

function spread(samples: number[]): Spread {
  return { p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}

/** Opens the case's database as the app does (same cache, WAL, migrations), without the rest of the case. */
function open(dir: string): Database.Database {
  const db = new Database(path.join(dir, 'case.sqlite'));
  db.pragma('cache_size = -262144');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  registerIndexedText(db);
  return db;
}

/** Runs the mix `asked` times (three times up to 100,000 pages) after a warm-up round, ours and FTS5's interleaved. */
export async function benchmarkSearch(cache: string, pages: number, asked: number): Promise<SearchRow> {
  // A p95 of ten samples is their largest, and on a shared machine one pause decides it: the sizes that run quickly
  // take three times the rounds.
  const rounds = pages <= 100_000 ? asked * 3 : asked;
  const dir = synthCase(cache, { pages, wordsPerPage: WORDS_PER_PAGE });
  const dbOurs = open(dir);
  const dbFts5 = open(dir);
  try {
    const ours = createSearchIndex(dbOurs);
    const fts5 = createSearchIndex(dbFts5, { ranking: 'fts5' });
    const tags = createTagStore(dbOurs);
    const queries = QUERY_MIX.map((q) => {
      const f = q.args.filters ?? {};
      const filters: ResolvedFilters = {
        kinds: f.kinds,
        dateFrom: f.dateFrom,
        dateTo: f.dateTo,
        paragraph: f.paragraph,
        tagIds: f.tags?.flatMap((name) => tags.withDescendants(tags.find(name)!.id)),
      };
      return { ...q, filters };
    });
    const run = (index: typeof ours, q: (typeof queries)[number]) => {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const { match, terms, ranking } = parseSearch(q.args.query);
      const hits = index.search(match, terms, q.filters, LIMIT, ranking);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(cpu);
      return { ms, cpuMs: (used.user + used.system) / 1000, rankingMs: index.rankingMs, hits };
    };

    const times = queries.map(() => ({
      ours: [] as number[],
      fts5: [] as number[],
      oursCpu: [] as number[],
      fts5Cpu: [] as number[],
      oursRanking: [] as number[],
      fts5Ranking: [] as number[],
    }));
    for (let round = -1; round < rounds; round++) {
      for (const [i, q] of queries.entries()) {
        let mine: ReturnType<typeof run>;
        let peer: ReturnType<typeof run>;
        if (round % 2 === 0) {
          mine = run(ours, q);
          peer = run(fts5, q);
        } else {
          peer = run(fts5, q);
          mine = run(ours, q);
        }
        if (round < 0) continue;
        times[i]!.ours.push(mine.ms);
        times[i]!.oursCpu.push(mine.cpuMs);
        times[i]!.oursRanking.push(mine.rankingMs);
        times[i]!.fts5.push(peer.ms);
        times[i]!.fts5Cpu.push(peer.cpuMs);
        times[i]!.fts5Ranking.push(peer.rankingMs);
      }
    }

    const perQuery = queries.map((q, i): ShapeFigures => {
      const first: number[] = [];
      for (let r = 0; r < FIRST_ROUNDS; r++) {
        forgetRankingLists(dbOurs);
        first.push(run(ours, q).ms);
      }
      const { hits } = run(ours, q);
      const rankedBy = ours.rankedBy;
      const got = hits.slice(0, OVERLAP).map(hitKey);
      const exact = exactTop(dbFts5, parseSearch(q.args.query).match, q.filters, OVERLAP);
      return {
        label: q.label,
        hits: hits.length,
        ours: spread(times[i]!.ours),
        fts5: spread(times[i]!.fts5),
        oursCpu: spread(times[i]!.oursCpu),
        fts5Cpu: spread(times[i]!.fts5Cpu),
        oursRanking: spread(times[i]!.oursRanking),
        fts5Ranking: spread(times[i]!.fts5Ranking),
        firstMs: percentile(first, 50),
        rankedBy,
        overlap: got.filter((k) => exact.includes(k)).length,
        sameOrder: JSON.stringify(got) === JSON.stringify(exact),
      };
    });
    const all = (side: 'ours' | 'fts5' | 'oursCpu' | 'fts5Cpu') => times.flatMap((t) => t[side]);
    return {
      pages,
      rounds,
      ours: { ...spread(all('ours')), maxMs: Math.max(...all('ours')) },
      fts5: { ...spread(all('fts5')), maxMs: Math.max(...all('fts5')) },
      oursCpu: spread(all('oursCpu')),
      fts5Cpu: spread(all('fts5Cpu')),
      load: os.loadavg()[0]!,
      perQuery,
    };
  } finally {
    dbOurs.close();
    dbFts5.close();
  }
}

/** The exact answer, by a query of its own: bm25 over every match the filters allow, ties in exhibit order. */
function exactTop(db: Database.Database, match: string, filters: ResolvedFilters, limit: number): string[] {
  const conditions = exhibitConditions(filters);
  return db
    .prepare(
      `SELECT e.exhibit_no || '/' || coalesce(t.page, '-') || '/' || t.source
       FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid JOIN exhibits e ON e.id = t.exhibit_id
       WHERE texts_fts MATCH ? ${conditions ? `AND ${conditions.where}` : ''}
       ORDER BY bm25(texts_fts), e.seq, e.exhibit_no, t.page, t.id LIMIT ?`,
    )
    .pluck()
    .all(match, ...(conditions?.params ?? []), limit) as string[];
}

function hitKey(hit: { exhibitNo: string; page: number | null; source: string }): string {
  return `${hit.exhibitNo}/${hit.page ?? '-'}/${hit.source === 'metadata' ? 'meta' : hit.source}`;
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The search lines of the printed report: one per case size. */
export function searchReportRows(rows: SearchRow[]): [string, string][] {
  return rows.map((s) => {
    const exact = s.perQuery.filter((q) => q.overlap === Math.min(OVERLAP, q.hits)).length;
    return [
      `search at ${fmt(s.pages, 0)} pages`,
      `p50 ${fmt(s.ours.p50Ms)} ms, p95 ${fmt(s.ours.p95Ms)} ms (CPU p95 ${fmt(s.oursCpu.p95Ms)}); raw FTS5 p50 ${fmt(s.fts5.p50Ms)} ms, ` +
        `p95 ${fmt(s.fts5.p95Ms)} ms (CPU p95 ${fmt(s.fts5Cpu.p95Ms)}); p95 ratio ${fmt(s.ours.p95Ms / s.fts5.p95Ms, 2)}; ` +
        `top 20 = exact bm25 for ${exact}/${s.perQuery.length} queries; load ${fmt(s.load)}`,
    ];
  });
}

/** The search section's tables in docs/benchmarks.md. */
export function searchDocLines(rows: SearchRow[]): string[] {
  if (rows.length === 0) return [];
  const lines = [
    '| pages | p50 ms | p95 ms | CPU p95 ms | raw FTS5 p50 ms | raw FTS5 p95 ms | raw FTS5 CPU p95 ms | p95 ratio | load |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (s) =>
        `| ${fmt(s.pages, 0)} | ${fmt(s.ours.p50Ms)} | ${fmt(s.ours.p95Ms)} | ${fmt(s.oursCpu.p95Ms)} | ${fmt(s.fts5.p50Ms)} | ${fmt(s.fts5.p95Ms)} | ` +
        `${fmt(s.fts5Cpu.p95Ms)} | ${fmt(s.ours.p95Ms / s.fts5.p95Ms, 2)} | ${fmt(s.load)} |`,
    ),
  ];
  for (const s of rows) {
    lines.push(
      '',
      `At ${fmt(s.pages, 0)} pages (${s.rounds} rounds; ms; "ranking" is the ranking step alone, "first" the first search after any text changed):`,
      '',
      '| query | hits | p50 / p95 | raw FTS5 p50 / p95 | p95 ratio | CPU p95, raw FTS5 | ranking p95, raw FTS5 | first | ranked by | top 20 vs exact bm25 |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
      ...s.perQuery.map(
        (q) =>
          `| ${q.label} | ${q.hits} | ${fmt(q.ours.p50Ms)} / ${fmt(q.ours.p95Ms)} | ${fmt(q.fts5.p50Ms)} / ${fmt(q.fts5.p95Ms)} | ` +
          `${fmt(q.ours.p95Ms / q.fts5.p95Ms, 2)} | ${fmt(q.oursCpu.p95Ms)}, ${fmt(q.fts5Cpu.p95Ms)} | ${fmt(q.oursRanking.p95Ms)}, ${fmt(q.fts5Ranking.p95Ms)} | ` +
          `${fmt(q.firstMs)} | ${q.rankedBy} | ${q.overlap}/${Math.min(OVERLAP, q.hits)}${q.sameOrder ? ', same order' : ''} |`,
      ),
    );
  }
  return lines;
}

/** The search scaling chart, ours against raw FTS5, or null with fewer than two sizes. */
export function searchChartSvg(rows: SearchRow[]): string | null {
  if (rows.length < 2) return null;
  return lineChartSvg('Search latency, fixed query mix', 'pages in the case (log scale)', 'milliseconds', [
    { label: 'p95', color: '#d62728', points: rows.map((s) => ({ x: s.pages, y: s.ours.p95Ms })) },
    { label: 'p50', color: '#1f77b4', points: rows.map((s) => ({ x: s.pages, y: s.ours.p50Ms })) },
    { label: 'raw FTS5 p95', color: '#7f7f7f', points: rows.map((s) => ({ x: s.pages, y: s.fts5.p95Ms })) },
  ], [{ y: 100, label: '100 ms (100k)' }, { y: 300, label: '300 ms (1M)' }]);
}

/** The search part of `--json`: every size with every query's figures. */
export function searchJson(rows: SearchRow[]): unknown {
  const largest = rows.at(-1);
  return largest && { pages: largest.pages, p50Ms: largest.ours.p50Ms, p95Ms: largest.ours.p95Ms, fts5P95Ms: largest.fts5.p95Ms, rows };
}
