// Writes the measured figures into docs/benchmarks.md (between its generated-section markers) and the search
// scaling chart beside it, so the note and the chart always come from one run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lineChartSvg } from './chart.ts';
import { textReport, type BenchResults } from './report.ts';

const START = '<!-- bench:generated:start -->';
const END = '<!-- bench:generated:end -->';
export const CHART_FILE = 'benchmarks-search.svg';

function searchTable(r: BenchResults): string[] {
  if (r.search.length === 0) return [];
  const labels = r.search[0]!.perQuery.map((q) => q.label);
  const head = ['pages', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms', 'CPU p95 ms'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---:').join('|')}|`];
  for (const s of r.search) {
    lines.push(`| ${s.pages.toLocaleString('en-US')} | ${[s.p50Ms, s.p95Ms, s.maxMs, s.cpuP50Ms, s.cpuP95Ms].map((v) => v.toFixed(1)).join(' | ')} |`);
  }
  lines.push('', `Per query, p50 ms (hits returned, at most 200):`, '');
  lines.push(`| query | ${r.search.map((s) => `${s.pages.toLocaleString('en-US')} pages`).join(' | ')} |`);
  lines.push(`|---|${r.search.map(() => '---:').join('|')}|`);
  labels.forEach((label, i) => {
    lines.push(`| ${label} | ${r.search.map((s) => `${s.perQuery[i]!.p50Ms.toFixed(1)} (${s.perQuery[i]!.hits})`).join(' | ')} |`);
  });
  return lines;
}

export function writeDocs(docsDir: string, r: BenchResults): void {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, shared with other work; load average at the end ${os.loadavg()[0]!.toFixed(1)}`;
  const generated = [
    START,
    `Measured ${date} UTC on ${machine}.`,
    '',
    '```',
    ...textReport(r),
    '```',
    '',
    ...searchTable(r),
    '',
    r.search.length > 1 ? `![Search latency against case size](${CHART_FILE})` : '',
    END,
  ].join('\n');
  if (r.search.length > 1) {
    const svg = lineChartSvg('Search latency, fixed query mix', 'pages in the case (log scale)', 'milliseconds', [
      { label: 'p50', color: '#1f77b4', points: r.search.map((s) => ({ x: s.pages, y: s.p50Ms })) },
      { label: 'p95', color: '#d62728', points: r.search.map((s) => ({ x: s.pages, y: s.p95Ms })) },
      { label: 'CPU p95', color: '#2ca02c', points: r.search.map((s) => ({ x: s.pages, y: s.cpuP95Ms })) },
    ], [{ y: 50, label: '50 ms (100k)' }, { y: 200, label: '200 ms (1M)' }]);
    fs.writeFileSync(path.join(docsDir, CHART_FILE), svg);
  }
  const file = path.join(docsDir, 'benchmarks.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`${file} has lost its generated-section markers`);
  fs.writeFileSync(file, current.slice(0, from) + generated + current.slice(to + END.length));
}
