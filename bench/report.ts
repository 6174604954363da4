// What npm run bench prints: a table for people, and with --json a last line of one JSON object for machines.
import type { BundleRow } from './export-bench.ts';
import type { HashRow, ImportRow } from './import-bench.ts';
import type { OpenResult } from './open-bench.ts';
import { searchJson, searchReportRows, type SearchRow } from './search-bench.ts';
import type { StartupResult } from './startup-bench.ts';
import type { Rounds } from './tools.ts';

export interface BenchResults {
  import: ImportRow[];
  hash: HashRow | null;
  search: SearchRow[];
  export: BundleRow[];
  startup: StartupResult | null;
  open: Rounds<OpenResult> | null;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The parts of a run, each with its own rows (and its own block in docs/benchmarks.md). */
export const PARTS = ['import', 'search', 'export', 'startup', 'open'] as const;
export type Part = (typeof PARTS)[number];

/** The rows of one part, empty when it did not run. */
export function partRows(r: BenchResults, part: Part): string[] {
  const rows: [string, string][] = [];
  if (part === 'import') {
    for (const i of r.import) {
      rows.push(
        [`import: ${i.corpus}`, `${i.files} files (${i.pdfFiles} PDFs), ${fmt(i.pages)} pages, ${fmt(i.megabytes, 1)} MB`],
        ['  ours, CLI from its start', `${fmt(i.ours.seconds, 2)} s (CPU ${fmt(i.ours.cpuSeconds, 2)} s) — ${fmt(i.ours.pagesPerSec)} pages/s`],
        ['  pdftotext, a process per file, -P cores', `${fmt(i.pdftotext.seconds, 2)} s (CPU ${fmt(i.pdftotext.cpuSeconds, 2)} s) — ${fmt(i.pdftotext.pagesPerSec)} pages/s`],
        ['  pdftotext, one file at a time', `${fmt(i.pdftotextSerial.seconds, 2)} s — ${fmt(i.pdftotextSerial.pagesPerSec)} pages/s`],
        ['  ratio ours / pdftotext (pages/s)', `${fmt(i.ratio, 2)}, median of ${i.rounds}; rounds ${i.roundRatios.map((v) => fmt(v, 2)).join(', ')}`],
      );
    }
    if (r.hash) {
      rows.push(['SHA-256 ours / sha256sum', `${fmt(r.hash.sha256MbPerSec)} MB/s / ${r.hash.peerSha256MbPerSec ? `${fmt(r.hash.peerSha256MbPerSec)} MB/s` : 'n/a'}`]);
    }
  }
  if (part === 'search') rows.push(...searchReportRows(r.search));
  if (part === 'export') {
    for (const e of r.export) {
      rows.push(
        [`bundle of ${fmt(e.exhibits)} exhibits / ${fmt(e.pages)} pages`, `${fmt(e.ours.seconds, 2)} s (CPU ${fmt(e.ours.cpuSeconds, 2)} s), peak ${fmt(e.ours.peakMb)} MB, ${fmt(e.ours.fileMb, 1)} MB file`],
        ['  qpdf --keep-files-open=y, same files', `${fmt(e.qpdf.seconds, 2)} s (CPU ${fmt(e.qpdf.cpuSeconds, 2)} s), peak ${fmt(e.qpdf.peakMb)} MB, ${fmt(e.qpdf.fileMb, 1)} MB file`],
        ['  ratio ours / qpdf', `time ${fmt(e.ratio.time, 2)}, CPU ${fmt(e.ratio.cpu, 2)}, memory ${fmt(e.ratio.memory, 2)}; median of ${e.rounds}, time rounds ${e.timeRatios.map((v) => fmt(v, 2)).join(', ')}`],
      );
    }
  }
  const st = r.startup;
  if (part === 'startup' && st) {
    rows.push(
      ['start-up: node -e 0', `${fmt(st.nodeMs)} ms (CPU ${fmt(st.cpuMs.node)} ms), median of ${st.rounds}`],
      ['  exhibit-desk --help', `${fmt(st.helpMs)} ms (CPU ${fmt(st.cpuMs.help)} ms) — ${fmt(st.helpRatio, 2)}× a bare start`],
      ['  stamped export of one 10-page exhibit', `${fmt(st.exportMs)} ms (CPU ${fmt(st.cpuMs.export)} ms) — ${fmt(st.exportRatio, 2)}× a bare start`],
    );
  }
  if (part === 'open' && r.open) {
    rows.push([
      `open ${fmt(r.open.exhibits)} exhibits in Chromium`,
      `first rows painted ${fmt(r.open.ms)} ms after start, median of ${r.open.rounds.length} (case open ${fmt(r.open.caseOpenMs)} ms, listening ${fmt(r.open.listeningMs)} ms)`,
    ]);
    rows.push(['  every round', r.open.rounds.map((ms) => `${fmt(ms)} ms`).join(', ')]);
  }
  return rows.map(([k, v]) => `${k.padEnd(40)} ${v}`);
}

export function textReport(r: BenchResults): string[] {
  return PARTS.flatMap((part) => partRows(r, part));
}

/** The shape the issue fixed, with extra detail inside (every search size, the peer's figures). */
export function jsonReport(r: BenchResults): string {
  return JSON.stringify({
    import: r.import.map((i) => ({
      corpus: i.corpus,
      files: i.files,
      pages: i.pages,
      pdfPages: i.pdfPages,
      seconds: i.ours.seconds,
      pagesPerSec: i.ours.pagesPerSec,
      peerSeconds: i.pdftotext.seconds,
      peerPagesPerSec: i.pdftotext.pagesPerSec,
      peerSerialPagesPerSec: i.pdftotextSerial.pagesPerSec,
      ratio: i.ratio,
      rounds: i.roundRatios,
    })),
    hash: r.hash,
    search: searchJson(r.search),
    export: r.export.map((e) => ({
      exhibits: e.exhibits,
      pages: e.pages,
      seconds: e.ours.seconds,
      peakRssMb: e.ours.peakMb,
      peerSeconds: e.qpdf.seconds,
      peerPeakRssMb: e.qpdf.peakMb,
      ratio: e.ratio.time,
      cpuRatio: e.ratio.cpu,
      memoryRatio: e.ratio.memory,
      rounds: e.timeRatios,
    })),
    startup: r.startup,
    open: r.open && { exhibits: r.open.exhibits, ms: r.open.ms },
  });
}
