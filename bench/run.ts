// npm run bench: import throughput through the real pipeline, next to pdftotext and sha256sum on the same files.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCaseApi } from '../electron/core/api.ts';
import { pdfCorpus } from './corpus.ts';
import { benchmarkBundle } from './export-bench.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' } } });
const FILES = values.quick ? 100 : 1000;
const PAGES = 10;
const cores = os.availableParallelism();

const cache = path.resolve('.bench');
const corpus = await pdfCorpus(cache, FILES, PAGES);
const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.pdf')).map((f) => path.join(corpus, f));
const megabytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 2 ** 20;

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** Runs `tool` over every file ("{}" in args) with the same parallelism as our workers. */
function timeParallel(tool: string, args: string[]): number | null {
  if (!has(tool)) return null;
  const list = files.join('\0');
  const start = process.hrtime.bigint();
  execFileSync('xargs', ['-0', '-P', String(cores), '-I{}', tool, ...args], { input: list, stdio: ['pipe', 'ignore', 'ignore'] });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const caseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-bench-'));
const api = createCaseApi({ dir: path.join(caseDir, 'case'), create: { title: 'bench' } });
const start = process.hrtime.bigint();
const report = await api.importFiles({ paths: [corpus] });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
api.close();
const pages = report.imported.reduce((n, i) => n + (i.pages ?? 0), 0);
if (report.failed.length > 0) throw new Error(`bench import failed on ${report.failed.length} file(s)`);

const peerSeconds = timeParallel('pdftotext', ['-q', '{}', '/dev/null']);
const shaSeconds = timeParallel('sha256sum', ['{}']);
const pagesPerSec = pages / seconds;
const peerPagesPerSec = peerSeconds ? pages / peerSeconds : null;

const rows: [string, string][] = [
  ['files', `${files.length} PDFs × ${PAGES} pages (${megabytes.toFixed(1)} MB), ${cores} cores`],
  ['import (hash, vault, text, FTS)', `${seconds.toFixed(2)} s — ${pagesPerSec.toFixed(0)} pages/s, ${(megabytes / seconds).toFixed(1)} MB/s`],
  ['pdftotext, same parallelism', peerSeconds ? `${peerSeconds.toFixed(2)} s — ${peerPagesPerSec!.toFixed(0)} pages/s` : 'not installed'],
  ['ratio ours / pdftotext', peerPagesPerSec ? (pagesPerSec / peerPagesPerSec).toFixed(2) : 'n/a'],
  ['sha256sum, same parallelism', shaSeconds ? `${(megabytes / shaSeconds).toFixed(1)} MB/s` : 'not installed'],
];
fs.rmSync(caseDir, { recursive: true, force: true });
const exported = has('qpdf') ? await benchmarkBundle(FILES, PAGES, cache) : null;
if (exported) {
  rows.push(
    ['bundle export (stamps, slips, index)', `${exported.bundle.seconds.toFixed(1)} s, peak ${exported.bundle.peakMb.toFixed(0)} MB`],
    ['qpdf --empty --pages, same files', `${exported.qpdf.seconds.toFixed(1)} s, peak ${exported.qpdf.peakMb.toFixed(0)} MB`],
    ['ratio ours / qpdf (time)', exported.ratio.time.toFixed(2)],
  );
}
for (const [k, v] of rows) console.log(`${k.padEnd(38)} ${v}`);
if (values.json) {
  console.log(
    JSON.stringify({
      ingest: { pages, seconds, pagesPerSec, peerPagesPerSec, ratio: peerPagesPerSec ? pagesPerSec / peerPagesPerSec : null },
      export: exported && {
        exhibits: exported.exhibits,
        pages: exported.pages,
        seconds: exported.bundle.seconds,
        peakRssMb: exported.bundle.peakMb,
        peerSeconds: exported.qpdf.seconds,
        ratio: exported.ratio.time,
      },
    }),
  );
}
