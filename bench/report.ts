// What npm run bench prints: a table for people, and with --json a last line of one JSON object for machines.
import type { ImportResult } from './import-bench.ts';
import type { OpenResult } from './open-bench.ts';
import type { SearchRow } from './search-bench.ts';
import type { Rounds } from './tools.ts';

export interface ExportResult {
  exhibits: number;
  pages: number;
  bundle: { seconds: number; peakMb: number };
  qpdf: { seconds: number; peakMb: number };
  ratio: { time: number };
}

export interface BenchResults {
  ingest: Rounds<ImportResult> | null;
  search: SearchRow[];
  export: ExportResult | null;
  open: Rounds<OpenResult> | null;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function textReport(r: BenchResults): string[] {
  const rows: [string, string][] = [];
  const i = r.ingest;
  if (i) {
    rows.push(
      ['import: files', `${i.files} exhibits, ${fmt(i.pages)} pages, ${fmt(i.megabytes, 1)} MB`],
      ['import (hash, vault, text, FTS)', `${fmt(i.seconds, 1)} s — ${fmt(i.pagesPerSec)} pages/s, ${fmt(i.megabytes / i.seconds, 1)} MB/s`],
      ['pdftotext, same parallelism', i.peerPagesPerSec ? `${fmt(i.peerPagesPerSec)} pages/s` : 'not installed'],
      ['ratio ours / pdftotext', i.ratio ? `${fmt(i.ratio, 2)}, median of ${i.rounds.length}` : 'n/a'],
      ['  every round', i.rounds.map((v) => fmt(v, 2)).join(', ')],
      ['SHA-256 ours / sha256sum', `${fmt(i.sha256MbPerSec)} MB/s / ${i.peerSha256MbPerSec ? `${fmt(i.peerSha256MbPerSec)} MB/s` : 'n/a'}`],
    );
  }
  for (const s of r.search) {
    rows.push([
      `search at ${fmt(s.pages)} pages`,
      `p50 ${fmt(s.p50Ms, 1)} ms, p95 ${fmt(s.p95Ms, 1)} ms, max ${fmt(s.maxMs, 1)} ms (CPU p50 ${fmt(s.cpuP50Ms, 1)}, p95 ${fmt(s.cpuP95Ms, 1)}); ${s.queries} queries`,
    ]);
  }
  const e = r.export;
  if (e) {
    rows.push(
      [`bundle of ${fmt(e.exhibits)} exhibits / ${fmt(e.pages)} pages`, `${fmt(e.bundle.seconds, 1)} s, peak ${fmt(e.bundle.peakMb)} MB`],
      ['qpdf --empty --pages, same files', `${fmt(e.qpdf.seconds, 1)} s, peak ${fmt(e.qpdf.peakMb)} MB`],
      ['ratio ours / qpdf (time)', fmt(e.ratio.time, 2)],
    );
  }
  if (r.open) {
    rows.push([
      `open ${fmt(r.open.exhibits)} exhibits in Chromium`,
      `first rows painted ${fmt(r.open.ms)} ms after start, median of ${r.open.rounds.length} (case open ${fmt(r.open.caseOpenMs)} ms, listening ${fmt(r.open.listeningMs)} ms)`,
    ]);
    rows.push(['  every round', r.open.rounds.map((ms) => `${fmt(ms)} ms`).join(', ')]);
  }
  return rows.map(([k, v]) => `${k.padEnd(40)} ${v}`);
}

/** The shape the issue fixed, with extra detail inside (every search size, the peer's figures). */
export function jsonReport(r: BenchResults): string {
  const largest = r.search.at(-1);
  return JSON.stringify({
    ingest: r.ingest && {
      pages: r.ingest.pages,
      seconds: r.ingest.seconds,
      pagesPerSec: r.ingest.pagesPerSec,
      peerPagesPerSec: r.ingest.peerPagesPerSec,
      ratio: r.ingest.ratio,
      megabytesPerSec: r.ingest.megabytes / r.ingest.seconds,
      sha256MbPerSec: r.ingest.sha256MbPerSec,
      peerSha256MbPerSec: r.ingest.peerSha256MbPerSec,
    },
    search: largest && {
      pages: largest.pages,
      queries: largest.queries,
      p50Ms: largest.p50Ms,
      p95Ms: largest.p95Ms,
      rows: r.search.map(({ perQuery: _, ...row }) => row),
    },
    export: r.export && {
      exhibits: r.export.exhibits,
      pages: r.export.pages,
      seconds: r.export.bundle.seconds,
      peakRssMb: r.export.bundle.peakMb,
      peerSeconds: r.export.qpdf.seconds,
      ratio: r.export.ratio.time,
    },
    open: r.open && { exhibits: r.open.exhibits, ms: r.open.ms },
  });
}
