// The serving process's event-loop delay (perf_hooks.monitorEventLoopDelay: p50, p99, max) while the case works hard —
// a large import and searches of a large case — with the core in that process (as before the case host) and in a
// case host (a child process over a message channel, as browser mode runs it; the desktop app's utility process is
// the same host behind Electron's port). The delay is what a window's click, an HTTP request or a menu waits for.
// Each measurement runs in a fresh process; the two modes alternate. The figures include the 1 ms sampling interval.
//   npx tsx bench/host-bench.ts [--import-pages N] [--search-pages N] [--rounds N] [--quick] [--json], or npm run bench -- --only host
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Api } from '../shared/api.ts';
import { createCaseApi } from '../electron/core/api.ts';
import { forkCaseHost } from '../electron/host/client.ts';
import { pdfCorpus } from './corpus.ts';
import { percentile } from './stats.ts';
import { synthCase } from './synth-case.ts';

const MODES = ['in-process', 'host'] as const;
type Mode = (typeof MODES)[number];

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface HostBenchRow {
  task: 'import' | 'search';
  mode: Mode;
  /** Pages imported, or pages in the case searched. */
  pages: number;
  seconds: number;
  /** The loop while the work ran, and the same loop idle for a second before it (the machine's own noise). */
  delay: LoopDelay;
  idle: LoopDelay;
  /** Search only: latency of one query as the caller sees it (the hop to the host included). */
  queryP50Ms?: number;
  queryMaxMs?: number;
}

const PAGES_PER_FILE = 500;
const QUERIES: Parameters<Api['search']>[0][] = [
  { query: 'contract' },
  { query: 'server' },
  { query: '"trade secret"' },
  { query: 'instal*' },
  { query: '(payment OR server) AND contract NOT backdoor' },
  { query: 'payment', filters: { tags: ['hot'] } },
];

function delayOf(h: ReturnType<typeof monitorEventLoopDelay>): LoopDelay {
  return { p50Ms: h.percentile(50) / 1e6, p99Ms: h.percentile(99) / 1e6, maxMs: h.max / 1e6 };
}

async function idleDelay(): Promise<LoopDelay> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((r) => setTimeout(r, 1000));
  h.disable();
  return delayOf(h);
}

/** The case open in this process or in a host; `close` ends either. */
async function openCase(mode: Mode, dir: string, create?: { title: string }): Promise<{ api: Api; close: () => Promise<void> }> {
  if (mode === 'in-process') {
    const api = createCaseApi({ dir, create });
    return { api, close: async () => api.close() };
  }
  const host = await forkCaseHost({ dir, create });
  return { api: host.api, close: () => host.close() };
}

async function measureImport(cache: string, mode: Mode, pages: number): Promise<HostBenchRow> {
  const corpus = await pdfCorpus(cache, Math.max(1, Math.round(pages / PAGES_PER_FILE)), Math.min(pages, PAGES_PER_FILE));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-bench-host-'));
  const open = await openCase(mode, path.join(work, 'case'), { title: 'Host benchmark' });
  try {
    const idle = await idleDelay();
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const start = performance.now();
    const report = await open.api.importFiles({ paths: [corpus] }, { onProgress: () => {} });
    const seconds = (performance.now() - start) / 1000;
    h.disable();
    if (report.failed.length > 0) throw new Error(`the import failed on ${report.failed[0]!.path}: ${report.failed[0]!.error}`);
    const imported = report.imported.reduce((n, i) => n + (i.pages ?? 0), 0);
    return { task: 'import', mode, pages: imported, seconds, delay: delayOf(h), idle };
  } finally {
    await open.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function measureSearch(cache: string, mode: Mode, pages: number, rounds: number): Promise<HostBenchRow> {
  const dir = synthCase(cache, { pages, wordsPerPage: 250 });
  const open = await openCase(mode, dir);
  try {
    for (const q of QUERIES) await open.api.search(q); // warm: the first query of each kind reads the index from disk
    const idle = await idleDelay();
    const latencies: number[] = [];
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const start = performance.now();
    for (let round = 0; round < rounds; round++) {
      for (const q of QUERIES) {
        // Each search arrives as its own event, as a click or an HTTP request does: without this turn of the loop, an
        // in-process search answers within the same turn and the loop (and its delay sampler) never runs at all.
        await new Promise((resolve) => setImmediate(resolve));
        const t = performance.now();
        await open.api.search(q);
        latencies.push(performance.now() - t);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    h.disable();
    return { task: 'search', mode, pages, seconds, delay: delayOf(h), idle, queryP50Ms: percentile(latencies, 50), queryMaxMs: Math.max(...latencies) };
  } finally {
    await open.close();
  }
}

export interface HostBenchOptions {
  importPages: number;
  searchPages: number;
  rounds: number;
}

/** Runs one measurement in a fresh process of this script and returns its row. */
function isolated(task: 'import' | 'search', mode: Mode, options: HostBenchOptions): HostBenchRow {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--part', task, '--mode', mode, '--import-pages', String(options.importPages), '--search-pages', String(options.searchPages), '--rounds', String(options.rounds)];
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`the ${task} measurement (${mode}) failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as HostBenchRow;
}

/** Import once per mode (it is long), search twice per mode, alternating: in-process, host, in-process, host. */
export function benchmarkHost(options: HostBenchOptions, log: (line: string) => void = (l) => console.error(l)): HostBenchRow[] {
  const rows: HostBenchRow[] = [];
  for (const mode of MODES) {
    log(`host: import of ${options.importPages.toLocaleString('en-US')} pages, ${mode}…`);
    rows.push(isolated('import', mode, options));
  }
  for (let pass = 0; pass < 2; pass++) {
    for (const mode of MODES) {
      log(`host: ${options.rounds} rounds of ${QUERIES.length} searches over ${options.searchPages.toLocaleString('en-US')} pages, ${mode}…`);
      rows.push(isolated('search', mode, options));
    }
  }
  return rows;
}

/** For `npm run bench -- --only host`: the default sizes (--quick: small ones), as report lines. */
export function hostLines(quick: boolean): string[] {
  return hostReport(benchmarkHost(quick ? QUICK : FULL));
}

const FULL: HostBenchOptions = { importPages: 100_000, searchPages: 1_000_000, rounds: 10 };
const QUICK: HostBenchOptions = { importPages: 2000, searchPages: 10_000, rounds: 3 };

const ms = (v: number) => `${v.toFixed(1)} ms`;

export function hostReport(rows: HostBenchRow[]): string[] {
  return [
    'Event-loop delay of the serving process (monitorEventLoopDelay, 1 ms resolution):',
    ...rows.map(
      (r) =>
        `  ${r.task.padEnd(6)} ${r.pages.toLocaleString('en-US').padStart(9)} pages  ${r.mode.padEnd(10)}  p50 ${ms(r.delay.p50Ms).padStart(9)}  p99 ${ms(r.delay.p99Ms).padStart(9)}  max ${ms(r.delay.maxMs).padStart(9)}` +
        `  (idle p99 ${ms(r.idle.p99Ms)})  ${r.seconds.toFixed(1)} s` +
        (r.queryP50Ms === undefined ? '' : `  query p50 ${ms(r.queryP50Ms)}, max ${ms(r.queryMaxMs!)}`),
    ),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      json: { type: 'boolean' },
      'import-pages': { type: 'string' },
      'search-pages': { type: 'string' },
      rounds: { type: 'string' },
      part: { type: 'string' },
      mode: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const sizes = quick ? QUICK : FULL;
  const options: HostBenchOptions = {
    importPages: Number(values['import-pages'] ?? sizes.importPages),
    searchPages: Number(values['search-pages'] ?? sizes.searchPages),
    rounds: Number(values.rounds ?? sizes.rounds),
  };
  const cache = path.resolve('.bench');
  if (values.part) {
    const mode = values.mode as Mode;
    const row = values.part === 'import' ? await measureImport(cache, mode, options.importPages) : await measureSearch(cache, mode, options.searchPages, options.rounds);
    console.log(JSON.stringify(row));
    process.exit(0);
  }
  const rows = benchmarkHost(options);
  for (const line of hostReport(rows)) console.log(line);
  if (values.json) console.log(JSON.stringify(rows));
}
