// npm run bench: import, search, export, start-up and open, each next to a peer or a target; --quick runs reduced
// sizes, --json ends with one JSON object, --docs writes the figures and the search chart into docs/benchmarks.md.
// Each benchmark (and each case size of the search) runs in a fresh process of its own, as the app would meet it:
// searches run in the process that had just imported 200 files were a third slower (its garbage, its page cache).
// Where ours is compared with a peer tool, both run in fresh processes, interleaved round by round; the CLI is bundled
// once for the whole run (bench/cli.ts), so that sources edited meanwhile do not rebuild it between rounds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeDocs } from './docs.ts';
import { chronologyLines } from './chronology-bench.ts';
import { buildCli } from './cli.ts';
import { courtFilings, variedCorpus } from './corpus.ts';
import { benchmarkBundle } from './export-bench.ts';
import { benchmarkHash, benchmarkImport } from './import-bench.ts';
import { benchmarkOpen } from './open-bench.ts';
import { jsonReport, textReport, type BenchResults } from './report.ts';
import { benchmarkSearch } from './search-bench.ts';
import { benchmarkRedact, redactReport, type RedactResult } from './redact-bench.ts';
import { benchmarkStartup } from './startup-bench.ts';
import { has, medianRound, type Rounds } from './tools.ts';

const BENCHES = ['import', 'search', 'export', 'startup', 'open', 'redact', 'chronology', 'host', 'production'] as const;
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    json: { type: 'boolean' },
    docs: { type: 'boolean' },
    only: { type: 'string' },
    'import-files': { type: 'string' },
    'search-pages': { type: 'string' },
    'export-exhibits': { type: 'string' },
    'open-exhibits': { type: 'string' },
    // Internal: run the benchmarks asked for in this process and print their results as one JSON line.
    part: { type: 'boolean' },
    // Internal: the CLI's bundle, built once by the parent (bench/cli.ts).
    cli: { type: 'string' },
  },
});

function count(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`${flag} takes a whole number above 0 (got "${value}").`);
    process.exit(2);
  }
  return n;
}

const quick = values.quick ?? false;
// The 10,000-page production (an hour on this machine, most of it generating the volume once) runs only when named.
const only = new Set(values.only?.split(',') ?? BENCHES.filter((b) => b !== 'production'));
for (const b of only) {
  if (!(BENCHES as readonly string[]).includes(b)) {
    console.error(`--only takes some of ${BENCHES.join(', ')} (got "${b}").`);
    process.exit(2);
  }
}
const importFiles = count('--import-files', values['import-files'], quick ? 20 : 200);
const searchPages = (values['search-pages']?.split(',') ?? (quick ? ['10000'] : ['10000', '100000', '1000000'])).map((v) =>
  count('--search-pages', v, 0),
);
// 30 exhibits of 10 pages (300 pages) and 1,000 (10,000 pages).
const exportExhibits = (values['export-exhibits']?.split(',') ?? (quick ? ['30'] : ['30', '1000'])).map((v) => count('--export-exhibits', v, 0));
const openExhibits = count('--open-exhibits', values['open-exhibits'], quick ? 2000 : 100_000);
const cache = path.resolve('.bench');
const log = (line: string) => console.error(line);

// Import and open vary by a tenth or more from one run to the next on a shared machine: each runs several rounds,
// each in fresh processes, and the median is reported beside every round's figure.
const IMPORT_ROUNDS = quick ? 1 : 3;
const EXPORT_ROUNDS = quick ? 1 : 3;
const STARTUP_ROUNDS = quick ? 5 : 11;
const OPEN_ROUNDS = quick ? 3 : 5;

const results: BenchResults = { import: [], hash: null, search: [], export: [], startup: null, open: null };
if (values.part) {
  const cli = values.cli!;
  if (only.has('import') && has('pdftotext')) {
    const varied = await variedCorpus(cache, importFiles);
    const generated = fs.readdirSync(varied).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(varied, f));
    results.import.push(await benchmarkImport(cli, `generated exhibits (${importFiles})`, generated, IMPORT_ROUNDS));
    results.import.push(await benchmarkImport(cli, 'court filings', await courtFilings(cache), IMPORT_ROUNDS));
    results.hash = await benchmarkHash(generated);
  }
  if (only.has('search')) for (const pages of searchPages) results.search.push(await benchmarkSearch(cache, pages, quick ? 3 : 10));
  if (only.has('export') && has('qpdf')) for (const exhibits of exportExhibits) results.export.push(await benchmarkBundle(cache, cli, exhibits, EXPORT_ROUNDS));
  if (only.has('startup')) results.startup = await benchmarkStartup(cache, cli, STARTUP_ROUNDS);
  if (only.has('open')) {
    const open = await benchmarkOpen(cache, openExhibits);
    results.open = open && medianRound([open], (o) => o.ms);
  }
  const redact = only.has('redact') && has('pdftoppm') ? await benchmarkRedact(quick ? 1 : 3) : null;
  console.log(JSON.stringify({ ...results, redact }));
  process.exit(0);
}

const cli = await buildCli();

/** Runs one benchmark in a child process (this script, with this process's loader) and returns its results. */
function isolated(bench: (typeof BENCHES)[number], flags: string[]): BenchResults & { redact?: RedactResult | null } {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--part', '--only', bench, '--cli', cli, ...flags, ...(quick ? ['--quick'] : [])];
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`the ${bench} benchmark failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as BenchResults;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
function rounds<T>(count: number, run: () => T | null, figure: (round: T) => number): Rounds<T> | null {
  const done: T[] = [];
  for (let i = 0; i < count; i++) {
    const round = run();
    if (round) done.push(round);
  }
  return done.length > 0 ? medianRound(done, figure) : null;
}

if (only.has('import') && has('pdftotext')) {
  log(`import: ${importFiles} generated exhibits and the court filings by the CLI, pdftotext on the same PDFs, ${plural(IMPORT_ROUNDS, 'round')}…`);
  const part = isolated('import', ['--import-files', String(importFiles)]);
  results.import = part.import;
  results.hash = part.hash;
}
if (only.has('search')) {
  for (const pages of searchPages) {
    log(`search: ${pages.toLocaleString('en-US')} pages (built once, then cached under .bench/)…`);
    results.search.push(...isolated('search', ['--search-pages', String(pages)]).search);
  }
}
if (only.has('export') && has('qpdf')) {
  log(`export: bundles of ${exportExhibits.join(' and ')} exhibits of 10 pages, and qpdf on the same files, ${plural(EXPORT_ROUNDS, 'round')}…`);
  results.export = isolated('export', ['--export-exhibits', exportExhibits.join(',')]).export;
}
if (only.has('startup')) {
  log(`start-up: node -e 0, --help and a one-exhibit export, ${plural(STARTUP_ROUNDS, 'round')}…`);
  results.startup = isolated('startup', []).startup;
}
if (only.has('open')) {
  log(`open: ${openExhibits.toLocaleString('en-US')} exhibits in Chromium, ${plural(OPEN_ROUNDS, 'round')}…`);
  results.open = rounds(OPEN_ROUNDS, () => isolated('open', ['--open-exhibits', String(openExhibits)]).open, (o) => o.ms);
}
let redacted: RedactResult | null = null;
if (only.has('redact') && has('pdftoppm')) {
  log('redact: 100 pages, FRCP 5.2 proposals accepted and exported, against pdftoppm drawing them…');
  redacted = isolated('redact', []).redact ?? null;
}
for (const line of textReport(results)) console.log(line);
if (redacted) for (const line of redactReport(redacted)) console.log(line);
if (only.has('chronology')) for (const line of await chronologyLines(cache, quick)) console.log(line);
if (only.has('host')) for (const line of (await import('./host-bench.ts')).hostLines(quick)) console.log(line);
if (only.has('production')) for (const line of (await import('./production-bench.ts')).productionLines(cache, quick)) console.log(line);
if (values.docs) writeDocs(path.resolve('docs'), results);
if (values.json) console.log(jsonReport(results));
