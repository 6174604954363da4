// Finds words in a page's text and marks them in pdf.js's text layer, including matches that run over several
// text runs. The page's text is its runs joined as pdf.js reads them, with a line break after a run that ends a line.

export interface TextRun {
  str: string;
  hasEOL: boolean;
}

export interface PageText {
  text: string;
  /** Where each run starts in `text`. */
  starts: number[];
}

export function joinRuns(runs: readonly TextRun[]): PageText {
  let text = '';
  const starts: number[] = [];
  for (const run of runs) {
    starts.push(text.length);
    text += run.str;
    if (run.hasEOL) text += '\n';
  }
  return { text, starts };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any of the terms, case-insensitively; whitespace inside a term matches any run of whitespace (a line break too). */
export function termsPattern(terms: readonly string[]): RegExp | null {
  const parts = terms
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/\s+/).map(escapeRegExp).join('\\s+'));
  return parts.length > 0 ? new RegExp(parts.join('|'), 'giu') : null;
}

export function findAll(text: string, pattern: RegExp | null): [number, number][] {
  if (!pattern) return [];
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(pattern)) if (m[0].length > 0) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

export interface MarkRange {
  start: number;
  end: number;
  className: string;
}

/** Puts the runs back as pdf.js drew them. */
export function clearMarks(divs: readonly HTMLElement[], runs: readonly TextRun[]): void {
  divs.forEach((div, i) => {
    if (div.childElementCount > 0) div.textContent = runs[i]?.str ?? '';
  });
}

/** Wraps each range in <mark> elements, one per run it touches; returns the first mark of each range. */
export function applyMarks(divs: readonly HTMLElement[], runs: readonly TextRun[], page: PageText, ranges: readonly MarkRange[]): HTMLElement[] {
  const perDiv = new Map<number, { from: number; to: number; className: string; rangeIndex: number }[]>();
  ranges.forEach((r, rangeIndex) => {
    for (let i = 0; i < runs.length; i++) {
      const start = page.starts[i]!;
      const end = start + runs[i]!.str.length;
      if (end <= r.start || start >= r.end) continue;
      const pieces = perDiv.get(i) ?? [];
      pieces.push({ from: Math.max(r.start, start) - start, to: Math.min(r.end, end) - start, className: r.className, rangeIndex });
      perDiv.set(i, pieces);
    }
  });
  const firsts: HTMLElement[] = [];
  for (const [i, pieces] of perDiv) {
    const div = divs[i];
    const str = runs[i]?.str ?? '';
    if (!div) continue;
    pieces.sort((a, b) => a.from - b.from);
    const nodes: Node[] = [];
    let at = 0;
    for (const p of pieces) {
      if (p.from < at) continue;
      if (p.from > at) nodes.push(document.createTextNode(str.slice(at, p.from)));
      const mark = document.createElement('mark');
      mark.className = p.className;
      mark.textContent = str.slice(p.from, p.to);
      nodes.push(mark);
      firsts[p.rangeIndex] ??= mark;
      at = p.to;
    }
    if (at < str.length) nodes.push(document.createTextNode(str.slice(at)));
    div.replaceChildren(...nodes);
  }
  return firsts.filter(Boolean);
}
