// Import throughput as a user meets it — `exhibit-desk import CASE FILES… --no-ocr` from the CLI's start, in a fresh
// process, into a new case (hash, vault write, text extraction in workers on every core, FTS) — next to pdftotext over
// the same PDFs, each file a process of its own, run both ways: as many at a time as there are cores (xargs -P, the
// ratio's peer) and one at a time. Every round runs all three in fresh processes, interleaved, the order turned round
// each time. Two corpora: the generated exhibits, and court filings (real ones and the sample's pleading and
// documents). SHA-256 (Node's, as the vault uses) is compared with sha256sum over the generated corpus.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCaseApi } from '../electron/core/api.ts';
import { hashFile } from '../electron/core/vault/vault.ts';
import { cliCommand } from './cli.ts';
import { interleaved, measure, median, secondsSince, timeBatched } from './tools.ts';

export interface ImportRow {
  corpus: string;
  files: number;
  megabytes: number;
  /** Pages imported (every kind), and the PDFs' pages, which pdftotext reads. */
  pages: number;
  pdfFiles: number;
  pdfPages: number;
  rounds: number;
  ours: { seconds: number; cpuSeconds: number; pagesPerSec: number };
  /** pdftotext with `xargs -P <cores>`, one process per file. */
  pdftotext: { seconds: number; cpuSeconds: number; pagesPerSec: number };
  /** pdftotext one file after another. */
  pdftotextSerial: { seconds: number; pagesPerSec: number };
  /** Median of each round's pages/s ÷ pdftotext's (parallel) pages/s. */
  ratio: number;
  roundRatios: number[];
}

export interface HashRow {
  megabytes: number;
  sha256MbPerSec: number;
  peerSha256MbPerSec: number | null;
}

interface Imported {
  imported: { path: string; pages: number | null }[];
  failed: { path: string; error: string }[];
}

export async function benchmarkImport(cli: string, corpus: string, files: string[], rounds: number): Promise<ImportRow> {
  const pdfs = files.filter((f) => f.toLowerCase().endsWith('.pdf'));
  const cores = String(os.availableParallelism());
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-bench-import-'));
  let report: Imported | null = null;
  try {
    const runs = interleaved(rounds, {
      ours: (round) => {
        const dir = path.join(work, `case-${round}`);
        createCaseApi({ dir, create: { title: 'Import benchmark' } }).close();
        const run = measure(...cliCommand(cli, ['import', dir, ...files, '--no-ocr', '--json']));
        report ??= JSON.parse(run.stdout) as Imported;
        fs.rmSync(dir, { recursive: true, force: true });
        return run;
      },
      pdftotext: () => measure('xargs', ['-0', '-P', cores, '-I{}', 'pdftotext', '-q', '{}', '/dev/null'], { input: pdfs.join('\0') }),
      serial: () => measure('xargs', ['-0', '-P', '1', '-I{}', 'pdftotext', '-q', '{}', '/dev/null'], { input: pdfs.join('\0') }),
    });
    const imported = report!;
    if (imported.failed.length > 0) throw new Error(`the import benchmark failed on ${imported.failed[0]!.path}: ${imported.failed[0]!.error}`);
    const pages = imported.imported.reduce((n, i) => n + (i.pages ?? 0), 0);
    const pdfPages = imported.imported.filter((i) => i.path.toLowerCase().endsWith('.pdf')).reduce((n, i) => n + (i.pages ?? 0), 0);
    const roundRatios = runs.ours.map((o, i) => pages / o.seconds / (pdfPages / runs.pdftotext[i]!.seconds));
    const side = (r: typeof runs.ours, n: number) => {
      const seconds = median(r.map((m) => m.seconds));
      return { seconds, cpuSeconds: median(r.map((m) => m.cpuSeconds)), pagesPerSec: n / seconds };
    };
    return {
      corpus,
      files: files.length,
      megabytes: files.reduce((n, f) => n + fs.statSync(f).size, 0) / 1e6,
      pages,
      pdfFiles: pdfs.length,
      pdfPages,
      rounds,
      ours: side(runs.ours, pages),
      pdftotext: side(runs.pdftotext, pdfPages),
      pdftotextSerial: side(runs.serial, pdfPages),
      ratio: median(roundRatios),
      roundRatios,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** SHA-256 as the vault computes it, best of three passes, next to sha256sum over the same files. */
export async function benchmarkHash(files: string[]): Promise<HashRow> {
  const megabytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 1e6;
  let seconds = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const start = process.hrtime.bigint();
    for (const f of files) await hashFile(f);
    seconds = Math.min(seconds, secondsSince(start));
  }
  const peer = timeBatched('sha256sum', files);
  return { megabytes, sha256MbPerSec: megabytes / seconds, peerSha256MbPerSec: peer ? megabytes / peer : null };
}
