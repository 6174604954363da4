// What CJK search costs: the full-text index as migration 0040 builds it (CJK runs as pairs of characters, contentless)
// beside the index as 0010–0030 built it (whole runs, over the texts table), on the same cases built once: index bytes,
// database bytes, time to build the index, and search latency, each variant searched in fresh processes, interleaved.
//   npx tsx bench/cjk-bench.ts [--pages 100000] [--cjk-pages 10000] [--rounds 6] [--json]
// The Latin case is the search bench's (bench/synth-case.ts, cached under .bench/); the CJK case is synthesized here:
// Chinese-like text, words of one to four characters drawn by Zipf's law from a pool of Han characters, no spaces.
import type Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCaseApi } from '../electron/core/api.ts';
import { openCaseFolder } from '../electron/core/case/case-folder.ts';
import { seededRandom } from '../electron/core/seeded-random.ts';
import { createExhibitStore } from '../electron/core/store/exhibits.ts';
import { cjkSearch } from '../electron/core/store/migrations/0040-cjk-search.ts';
import type { Api } from '../shared/api.ts';
import { QUERY_MIX } from './search-bench.ts';
import { percentile } from './stats.ts';
import { synthCase } from './synth-case.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100000' },
    'cjk-pages': { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '6' },
    json: { type: 'boolean' },
    // Internal: search one case folder with one query mix in this process and print the times as one JSON line.
    child: { type: 'string' },
    mix: { type: 'string' },
  },
});

/** The CJK case's queries: a common word, words inside runs, a phrase, one character, boolean, NEAR, a filter. */
const CJK_MIX: { label: string; args: Parameters<Api['search']>[0] }[] = [
  { label: 'common word', args: { query: '合同' } },
  { label: 'word', args: { query: '服务器' } },
  { label: 'rare word', args: { query: '东京' } },
  { label: 'phrase', args: { query: '"数据交换"' } },
  { label: 'one character', args: { query: '数' } },
  { label: 'boolean', args: { query: '(付款 OR 服务器) AND 合同 NOT 后门' } },
  { label: 'NEAR', args: { query: 'NEAR(服务器 付款, 5)' } },
  { label: 'phrase, kind + dates', args: { query: '数据交换', filters: { kinds: ['email'], dateFrom: '2015-01-01', dateTo: '2017-12-31' } } },
];
const MIXES = { latin: QUERY_MIX, cjk: CJK_MIX };
const ROUNDS_PER_PROCESS = 5;

if (values.child) {
  const api = createCaseApi({ dir: values.child });
  const mix = MIXES[values.mix as keyof typeof MIXES];
  const times = mix.map(() => [] as number[]);
  const cpu: number[] = [];
  const hits: number[] = [];
  for (let round = -1; round < ROUNDS_PER_PROCESS; round++) {
    for (const [i, q] of mix.entries()) {
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      const found = await api.search(q.args);
      const used = process.cpuUsage(cpuStart);
      if (round >= 0) {
        times[i]!.push(Number(process.hrtime.bigint() - start) / 1e6);
        cpu.push((used.user + used.system) / 1000);
      } else hits[i] = found.length;
    }
  }
  api.close();
  console.log(JSON.stringify({ times, cpu, hits }));
  process.exit(0);
}

// The index of migrations 0010 and 0020: whole CJK runs as words, over the texts table.
const WHOLE_RUN_INDEX = `
  DROP TRIGGER texts_ai;
  DROP TRIGGER texts_ad;
  DROP TRIGGER texts_au;
  DROP TABLE texts_fts;
  CREATE VIRTUAL TABLE texts_fts USING fts5(
    text, content = 'texts', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO texts_fts(texts_fts) VALUES ('rebuild');
  CREATE TRIGGER texts_ai AFTER INSERT ON texts BEGIN
    INSERT INTO texts_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER texts_ad AFTER DELETE ON texts BEGIN
    INSERT INTO texts_fts(texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;
  CREATE TRIGGER texts_au AFTER UPDATE OF text ON texts BEGIN
    INSERT INTO texts_fts(texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO texts_fts(rowid, text) VALUES (new.id, new.text);
  END;`;
const VARIANTS = { 'whole runs (0030)': WHOLE_RUN_INDEX, 'CJK pairs (0040)': cjkSearch.up } as const;
type Variant = keyof typeof VARIANTS;

interface Built {
  dir: string;
  indexBytes: number;
  databaseBytes: number;
  buildSeconds: number;
  /** CPU time of the build: on a shared machine, wall time also counts waiting for a core. */
  buildCpuSeconds: number;
}

/** A copy of the case with its index built anew the variant's way (both in one bulk pass), then vacuumed. */
function buildVariant(source: string, into: string, variant: Variant): Built {
  const dir = path.join(into, variant.replace(/\W+/g, '-'));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(source, dir, { recursive: true });
  const folder = openCaseFolder(dir);
  const { db } = folder;
  try {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    db.transaction(() => db.exec(VARIANTS[variant]))();
    const buildSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpuStart);
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const databaseBytes = fs.statSync(path.join(dir, 'case.sqlite')).size;
    return { dir, indexBytes: ftsBytes(db), databaseBytes, buildSeconds, buildCpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    folder.close();
  }
}

function ftsBytes(db: Database.Database): number {
  return db.prepare<[], number>("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'texts_fts%'").pluck().get()!;
}

/** Searches each variant in `rounds` fresh processes, alternating which goes first. */
function searchTimes(built: Record<Variant, Built>, mix: keyof typeof MIXES, rounds: number) {
  const names = Object.keys(VARIANTS) as Variant[];
  const out = Object.fromEntries(names.map((v) => [v, { times: [] as number[][], cpu: [] as number[], hits: [] as number[] }])) as Record<
    Variant,
    { times: number[][]; cpu: number[]; hits: number[] }
  >;
  for (let round = 0; round < rounds; round++) {
    for (const variant of round % 2 ? [...names].reverse() : names) {
      const args = [...process.execArgv, fileURLToPath(import.meta.url), '--child', built[variant].dir, '--mix', mix];
      const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`searching ${variant} failed (exit ${child.status ?? child.signal})`);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { times: number[][]; cpu: number[]; hits: number[] };
      result.times.forEach((t, i) => (out[variant].times[i] ??= []).push(...t));
      out[variant].cpu.push(...result.cpu);
      out[variant].hits = result.hits;
    }
  }
  return Object.fromEntries(
    names.map((v) => {
      const all = out[v].times.flat();
      return [
        v,
        {
          p50Ms: percentile(all, 50),
          p95Ms: percentile(all, 95),
          cpuP50Ms: percentile(out[v].cpu, 50),
          cpuP95Ms: percentile(out[v].cpu, 95),
          perQuery: MIXES[mix].map((q, i) => ({ label: q.label, p50Ms: percentile(out[v].times[i]!, 50), hits: out[v].hits[i]! })),
        },
      ];
    }),
  ) as Record<Variant, { p50Ms: number; p95Ms: number; cpuP50Ms: number; cpuP95Ms: number; perQuery: { label: string; p50Ms: number; hits: number }[] }>;
}

const PLACED_CJK: Record<number, string> = { 3: '合同', 40: '付款', 200: '服务器', 900: '数据交换', 2500: '后门', 12000: '东京' };
const CJK_VOCABULARY = 30_000;

/** A Chinese-like case: pages of about 600 characters, clauses of 4–12 words ending in ，or 。, no spaces. */
function cjkCase(root: string, pages: number): string {
  const dir = path.join(root, `cjk-${pages}p`);
  const done = path.join(dir, '.complete');
  const caseDir = path.join(dir, 'case');
  if (fs.existsSync(done)) return caseDir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  createCaseApi({ dir: caseDir, create: { title: `Synthetic CJK case of ${pages} pages` } }).close();
  const random = seededRandom(4321);
  // Characters by Zipf's law over 3,500 Han characters (the common set's size), words of them likewise.
  const zipf = (n: number) => {
    const cdf = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) cdf[r] = sum += 1 / (r + 1) ** 1.07;
    return () => {
      const x = random() * sum;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
  };
  const char = zipf(3500);
  const placed = new Set(Object.values(PLACED_CJK).join(''));
  const chars = Array.from({ length: 3500 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20900))).filter((c) => !placed.has(c));
  const words = Array.from({ length: CJK_VOCABULARY }, () => {
    const length = [1, 2, 2, 2, 2, 3, 3, 4][Math.floor(random() * 8)]!;
    return Array.from({ length }, () => chars[char() % chars.length]).join('');
  });
  for (const [rank, word] of Object.entries(PLACED_CJK)) words[Number(rank)] = word;
  const word = zipf(CJK_VOCABULARY);
  const pageText = () => {
    let text = '';
    while (text.length < 600) {
      const clause = 4 + Math.floor(random() * 9);
      for (let w = 0; w < clause; w++) text += words[word()];
      text += random() < 0.6 ? '，' : '。';
    }
    return text;
  };
  const folder = openCaseFolder(caseDir);
  folder.db.pragma('synchronous = OFF');
  const store = createExhibitStore(folder.db, () => new Map());
  const kinds = ['pdf', 'email', 'document'] as const;
  let left = pages;
  for (let n = 1; left > 0; n++) {
    const count = Math.min(left, 1 + Math.floor(-Math.log(1 - random()) * 12));
    left -= count;
    const kind = kinds[n % kinds.length]!;
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
    folder.db.transaction(() =>
      store.insert(
        {
          exhibitNo: `PX-${String(n).padStart(6, '0')}`, title: `${words[word()]}${words[word()]}`, kind, date: day,
          author: null, from: null, to: null, cc: null, subject: null, sourceName: `${n}.pdf`, sourcePath: `/productions/${n}.pdf`,
          sha256: n.toString(16).padStart(64, '0'), mediaType: 'application/pdf', pages: count, textLayer: true, encrypted: false,
          parentId: null, warnings: [], importedAt: '2026-01-05T09:00:00.000Z',
        },
        10_000 * count,
        Array.from({ length: count }, (_, p) => ({ source: 'page' as const, page: p + 1, text: pageText() })),
      ),
    )();
  }
  folder.db.pragma('wal_checkpoint(TRUNCATE)');
  folder.close();
  fs.writeFileSync(done, '');
  return caseDir;
}

const count = (flag: string, v: string) => {
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flag} takes a whole number above 0 (got "${v}")`);
  return n;
};
const pages = count('pages', values.pages!);
const cjkPages = count('cjk-pages', values['cjk-pages']!);
const rounds = count('rounds', values.rounds!);
const cache = path.resolve('.bench');
const work = path.join(cache, 'cjk-variants');
const log = (line: string) => console.error(line);

const report: Record<string, unknown> = { rounds, queriesPerProcess: ROUNDS_PER_PROCESS };
for (const [name, source, mix] of [
  [`latin ${pages} pages`, () => synthCase(cache, { pages, wordsPerPage: 250 }), 'latin'],
  [`cjk ${cjkPages} pages`, () => cjkCase(cache, cjkPages), 'cjk'],
] as const) {
  log(`${name}: building the case (cached under .bench/) and both indexes…`);
  const caseDir = source();
  const built = Object.fromEntries(
    (Object.keys(VARIANTS) as Variant[]).map((v) => [v, buildVariant(caseDir, path.join(work, name.replace(/\W+/g, '-')), v)]),
  ) as Record<Variant, Built>;
  log(`${name}: searching, ${rounds} fresh processes per index, interleaved…`);
  const search = searchTimes(built, mix, rounds);
  const [before, after] = Object.keys(VARIANTS) as Variant[];
  const ratio = (f: (v: Variant) => number) => Number((f(after!) / f(before!)).toFixed(3));
  report[name] = {
    built,
    search,
    ratios: {
      indexBytes: ratio((v) => built[v].indexBytes),
      databaseBytes: ratio((v) => built[v].databaseBytes),
      buildSeconds: ratio((v) => built[v].buildSeconds),
      buildCpuSeconds: ratio((v) => built[v].buildCpuSeconds),
      searchP50: ratio((v) => search[v].p50Ms),
      searchP95: ratio((v) => search[v].p95Ms),
      searchCpuP50: ratio((v) => search[v].cpuP50Ms),
      searchCpuP95: ratio((v) => search[v].cpuP95Ms),
    },
  };
  log(JSON.stringify((report[name] as { ratios: unknown }).ratios));
}
// What the figures trade away, in the report itself so that no ratio travels without it.
report.tradeOffs = [
  'Both variants rank every match by bm25, as the app searches.',
  'The "whole runs" index is only a baseline for size and Latin search time: it finds no word inside a CJK run, so its CJK search times are not a peer.',
  'CJK pairs match pair sequences: a word may also be found across the boundary of two neighbouring words (more hits, never fewer).',
  'The contentless index keeps no copy of the text: snippets read it from the texts table, as before.',
];
console.log(values.json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
