// Import throughput through the real path (hash, vault write, text extraction in workers, FTS indexing), next to
// pdftotext over the same PDFs with the same parallelism; SHA-256 speed next to sha256sum on the same files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCaseApi } from '../electron/core/api.ts';
import { hashFile } from '../electron/core/vault/vault.ts';
import { variedCorpus } from './corpus.ts';
import { secondsSince, timeBatched, timeParallel } from './tools.ts';

export interface ImportResult {
  files: number;
  megabytes: number;
  pages: number;
  seconds: number;
  pagesPerSec: number;
  peerPagesPerSec: number | null;
  ratio: number | null;
  sha256MbPerSec: number;
  peerSha256MbPerSec: number | null;
}

export async function benchmarkImport(cache: string, files: number): Promise<ImportResult> {
  const corpus = await variedCorpus(cache, files);
  const all = fs.readdirSync(corpus).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(corpus, f));
  const pdfs = all.filter((f) => f.endsWith('.pdf'));
  const megabytes = all.reduce((n, f) => n + fs.statSync(f).size, 0) / 1e6;
  const cores = os.availableParallelism();

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-bench-import-'));
  const api = createCaseApi({ dir: path.join(work, 'case'), create: { title: 'Import benchmark' } });
  let report;
  const start = process.hrtime.bigint();
  try {
    report = await api.importFiles({ paths: all });
  } finally {
    api.close();
  }
  const seconds = secondsSince(start);
  fs.rmSync(work, { recursive: true, force: true });
  if (report.failed.length > 0) throw new Error(`the import benchmark failed on ${report.failed[0]!.path}: ${report.failed[0]!.error}`);
  const pages = report.imported.reduce((n, i) => n + (i.pages ?? 0), 0);
  const pdfPages = report.imported.filter((i) => i.path.endsWith('.pdf')).reduce((n, i) => n + (i.pages ?? 0), 0);

  const peerSeconds = timeParallel('pdftotext', ['-q', '{}', '/dev/null'], pdfs, cores);
  // Best of three: the corpus hashes in a fraction of a second, and a first pass also collects the import's garbage.
  let hashSeconds = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const hashStart = process.hrtime.bigint();
    for (const f of all) await hashFile(f);
    hashSeconds = Math.min(hashSeconds, secondsSince(hashStart));
  }
  const peerHashSeconds = timeBatched('sha256sum', all);

  const pagesPerSec = pages / seconds;
  const peerPagesPerSec = peerSeconds ? pdfPages / peerSeconds : null;
  return {
    files: all.length,
    megabytes,
    pages,
    seconds,
    pagesPerSec,
    peerPagesPerSec,
    ratio: peerPagesPerSec ? pagesPerSec / peerPagesPerSec : null,
    sha256MbPerSec: megabytes / hashSeconds,
    peerSha256MbPerSec: peerHashSeconds ? megabytes / peerHashSeconds : null,
  };
}
