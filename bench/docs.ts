// Writes the measured figures into docs/benchmarks.md, one generated block per part of the run (import, search,
// export, start-up, open), and the search scaling chart beside it. A part that did not run keeps its block as it
// was, with the date it was measured, so a run of one benchmark never wipes another's figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PARTS, partRows, type BenchResults, type Part } from './report.ts';
import { searchChartSvg, searchDocLines } from './search-bench.ts';

// The single block of earlier runs, replaced by the blocks of the parts on the first write.
const OLD_START = '<!-- bench:generated:start -->';
const OLD_END = '<!-- bench:generated:end -->';
const start = (part: Part) => `<!-- bench:${part}:start -->`;
const end = (part: Part) => `<!-- bench:${part}:end -->`;
export const CHART_FILE = 'benchmarks-search.svg';

function block(part: Part, r: BenchResults, measured: string): string {
  const rows = partRows(r, part);
  const lines = [start(part), measured, '', '```', ...rows, '```'];
  if (part === 'search') {
    lines.push('', ...searchDocLines(r.search), '');
    if (r.search.length > 1) lines.push(`![Search latency against case size](${CHART_FILE})`);
  }
  return [...lines, end(part)].join('\n');
}

function ran(part: Part, r: BenchResults): boolean {
  return partRows(r, part).length > 0;
}

export function writeDocs(docsDir: string, r: BenchResults): void {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, shared with other work; load average at the end ${os.loadavg()[0]!.toFixed(1)}`;
  const measured = `Measured ${date} UTC on ${machine}.`;
  const svg = searchChartSvg(r.search);
  if (svg) fs.writeFileSync(path.join(docsDir, CHART_FILE), svg);
  const file = path.join(docsDir, 'benchmarks.md');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${OLD_START}\n${OLD_END}\n`;
  const oldFrom = text.indexOf(OLD_START);
  const oldTo = text.indexOf(OLD_END);
  if (oldFrom >= 0 && oldTo >= 0) {
    const empty = PARTS.map((part) => `${start(part)}\n_Not measured since the benchmarks were split into parts._\n${end(part)}`).join('\n\n');
    text = text.slice(0, oldFrom) + empty + text.slice(oldTo + OLD_END.length);
  }
  for (const part of PARTS) {
    const from = text.indexOf(start(part));
    const to = text.indexOf(end(part));
    if (from < 0 || to < 0) throw new Error(`${file} has lost the generated-section markers of ${part}`);
    if (ran(part, r)) text = text.slice(0, from) + block(part, r, measured) + text.slice(to + end(part).length);
  }
  fs.writeFileSync(file, text);
}
