// Where things sit on the chronology's time band, with no DOM: facts and exhibits as marks in time, the visible
// period and its zoom, the band's rows, and each lane's glyphs with close marks clustered (the axis is band-axis.ts).
import type { Exhibit, Fact } from '../../../shared/model.ts';

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.2425 * DAY_MS;
/** The closest zoom shows about a week and a half, so a day is a wide box; the farthest, three centuries. */
export const MIN_SPAN_MS = 10 * DAY_MS;
export const MAX_SPAN_MS = 300 * YEAR_MS;

/** The period the band shows, in UTC milliseconds (a fact's day is a calendar day, the same everywhere). */
export interface TimeView {
  start: number;
  end: number;
}

/**
 * One thing on the band: a fact or a dated exhibit. `day` marks one calendar day; `period` a month, a year, a range or
 * "c. 2016" (start..end, end exclusive); `before` and `after` a moment with time open on one side.
 */
export interface BandMark {
  id: number;
  start: number;
  end: number;
  shape: 'day' | 'period' | 'before' | 'after';
  circa: boolean;
  key: boolean;
  proposed: boolean;
}

/** UTC midnight of an ISO day ("2017-03-28", or the day of a date-time as its sender wrote it); NaN when it is none. */
export const dayMs = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

export function factMark(f: Fact): BandMark | null {
  const { precision, start, end } = f.date;
  if (start === null || end === null) return null;
  const from = dayMs(start);
  const to = dayMs(end) + DAY_MS;
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  const base = { id: f.id, circa: precision === 'circa', key: f.key, proposed: f.proposed };
  // "before 2018" ends where 2018 begins; "after 12 April 2019" begins when that day is over.
  if (precision === 'before') return { ...base, start: from, end: from, shape: 'before' };
  if (precision === 'after') return { ...base, start: to, end: to, shape: 'after' };
  return { ...base, start: from, end: to, shape: to - from === DAY_MS ? 'day' : 'period' };
}

export function exhibitMark(e: Exhibit): BandMark | null {
  if (!e.date) return null;
  const start = dayMs(e.date);
  if (Number.isNaN(start)) return null;
  return { id: e.id, start, end: start + DAY_MS, shape: 'day', circa: false, key: false, proposed: false };
}

/** Marks in the order the band lays them out: by start, keeping the given order among equals. */
export function byStart(marks: (BandMark | null)[]): BandMark[] {
  return marks.filter((m): m is BandMark => m !== null).sort((a, b) => a.start - b.start);
}

/** The first and last moment the marks cover, or null when there are none. */
export function extentOf(marks: readonly BandMark[]): TimeView | null {
  if (marks.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const m of marks) {
    start = Math.min(start, m.start);
    end = Math.max(end, m.end);
  }
  return { start, end };
}

const clampSpan = (span: number) => Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span));

/** The whole extent with a margin each side (a twentieth of it, at least a fortnight), or the year around `today`. */
export function fitView(extent: TimeView | null, today: number): TimeView {
  if (!extent) return { start: today - YEAR_MS / 2, end: today + YEAR_MS / 2 };
  const span = clampSpan((extent.end - extent.start) * 1.1 + 28 * DAY_MS);
  const middle = (extent.start + extent.end) / 2;
  return { start: middle - span / 2, end: middle + span / 2 };
}

/** Zoomed by `factor` (above 1 closer) keeping `anchor` where it is on screen; the span stays within the limits. */
export function zoomView(view: TimeView, factor: number, anchor = (view.start + view.end) / 2): TimeView {
  const span = view.end - view.start;
  const next = clampSpan(span / factor);
  const at = (anchor - view.start) / span;
  return { start: anchor - at * next, end: anchor + (1 - at) * next };
}

/** Moved by `ms`, but never so far that the extent's nearer end leaves the middle of the band. */
export function panView(view: TimeView, ms: number, extent: TimeView | null): TimeView {
  const span = view.end - view.start;
  let start = view.start + ms;
  if (extent) start = Math.min(Math.max(start, extent.start - span / 2), extent.end - span / 2);
  return { start, end: start + span };
}

/** A view of the same span with `at` in the middle, when it is not already well inside the view. */
export function revealView(view: TimeView, at: number): TimeView {
  const span = view.end - view.start;
  const margin = span * 0.05;
  if (at >= view.start + margin && at <= view.end - margin) return view;
  return { start: at - span / 2, end: at + span / 2 };
}

/** The band's rows, top to bottom, in CSS pixels: painted by band-draw.ts, hit by TimeBand.tsx, aimed at by the tests. */
export const BAND_LAYOUT = {
  /** The lanes' names sit in a gutter of their own at the left, so no mark is ever drawn under them. */
  gutter: 62,
  axis: 34,
  factsTop: 34,
  factPointsY: 52,
  factBarsY: 64,
  barHeight: 8,
  barPitch: 10,
  barRows: 3,
  exhibitsTop: 96,
  exhibitPointsY: 111,
  height: 126,
} as const;

/** The width time runs over, in CSS pixels, for a band `width` wide. */
export const timeWidth = (width: number) => Math.max(1, width - BAND_LAYOUT.gutter);

// ---- The lanes ----

/** Marks closer than this (in pixels, from a cluster's first mark) are drawn as one cluster with a count. */
export const CLUSTER_PX = 12;
/** A cluster's badge is about this wide: a cluster nearer than this to its neighbour takes the neighbour in. */
const BADGE_PX = 18;
/** A period narrower than this is drawn as a point at its middle. */
export const MIN_BAR_PX = 6;
/** How long an open end ("before 2018") is drawn. */
export const OPEN_PX = 30;
const BAR_GAP_PX = 3;

/**
 * What is drawn for one or more marks: a point (a day, or a period too narrow to show) or a bar (a period, or an open
 * end). `ids` holds more than one mark when close marks were clustered. x0..x1 is the extent it covers.
 */
export interface Glyph {
  type: 'point' | 'bar';
  x: number;
  x0: number;
  x1: number;
  /** The bar's row (0 first); points have one row of their own. */
  row: number;
  ids: number[];
  key: boolean;
  circa: boolean;
  proposed: boolean;
  open: 'before' | 'after' | null;
  /** The period its marks cover, for a cluster's tooltip and to zoom into it. */
  start: number;
  end: number;
}

function glyphOf(m: BandMark, type: Glyph['type'], x0: number, x1: number): Glyph {
  const open = m.shape === 'before' || m.shape === 'after' ? m.shape : null;
  return { type, x: (x0 + x1) / 2, x0, x1, row: 0, ids: [m.id], key: m.key, circa: m.circa, proposed: m.proposed, open, start: m.start, end: m.end };
}

function absorb(into: Glyph, g: Glyph): void {
  into.ids.push(...g.ids);
  into.key ||= g.key;
  into.circa &&= g.circa;
  into.proposed &&= g.proposed;
  if (into.open !== g.open) into.open = null;
  into.x0 = Math.min(into.x0, g.x0);
  into.x1 = Math.max(into.x1, g.x1);
  into.start = Math.min(into.start, g.start);
  into.end = Math.max(into.end, g.end);
}

/** The last layout of each lane's marks, at one zoom: panning moves it and does not lay it out again. */
const laidOut = new WeakMap<readonly BandMark[], { msPerPx: number; rows: number; glyphs: Glyph[] }>();

/**
 * Lays one lane out for a view `width` pixels wide and returns the glyphs that reach the visible part, x measured from
 * its left edge. Every mark is placed, at a position counted from the epoch, so a cluster holds the same marks wherever
 * the band is panned, and the layout of a zoom is kept until the zoom or the marks change (a pan costs a filter).
 * Points of the same day share the day's width in their given order, so at the closest zoom a day's facts stand side
 * by side. Bars are stacked in up to `rows` rows; a bar that finds no free row joins the bar ending first.
 */
export function layoutLane(marks: readonly BandMark[], view: TimeView, width: number, rows: number): Glyph[] {
  const msPerPx = (view.end - view.start) / width;
  let layout = laidOut.get(marks);
  // A pan moves both ends by the same amount, which can change the span in its last bits: that is the same zoom.
  if (!layout || layout.rows !== rows || Math.abs(layout.msPerPx - msPerPx) > msPerPx * 1e-9) {
    layout = { msPerPx, rows, glyphs: layoutAtZoom(marks, msPerPx, rows) };
    laidOut.set(marks, layout);
  }
  const offset = view.start / layout.msPerPx;
  const visible: Glyph[] = [];
  for (const g of layout.glyphs) {
    if (g.x1 - offset < -CLUSTER_PX || g.x0 - offset > width + CLUSTER_PX) continue;
    visible.push({ ...g, x: g.x - offset, x0: g.x0 - offset, x1: g.x1 - offset });
  }
  return visible;
}

function layoutAtZoom(marks: readonly BandMark[], msPerPx: number, rows: number): Glyph[] {
  const x = (t: number) => t / msPerPx;
  const points: Glyph[] = [];
  const bars: Glyph[] = [];
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    if (m.shape === 'day') {
      let n = 1;
      while (i + n < marks.length && marks[i + n]!.shape === 'day' && marks[i + n]!.start === m.start) n++;
      const x0 = x(m.start);
      const step = (x(m.end) - x0) / n;
      for (let k = 0; k < n; k++) {
        const at = x0 + (k + 0.5) * step;
        points.push(glyphOf(marks[i + k]!, 'point', at, at));
      }
      i += n - 1;
    } else if (m.shape === 'before') {
      bars.push(glyphOf(m, 'bar', x(m.start) - OPEN_PX, x(m.start)));
    } else if (m.shape === 'after') {
      bars.push(glyphOf(m, 'bar', x(m.start), x(m.start) + OPEN_PX));
    } else {
      const x0 = x(m.start);
      const x1 = x(m.end);
      if (x1 - x0 >= MIN_BAR_PX) bars.push(glyphOf(m, 'bar', x0, x1));
      else points.push(glyphOf(m, 'point', (x0 + x1) / 2, (x0 + x1) / 2));
    }
  }
  return [...clusterPoints(points), ...stackBars(bars, rows)];
}

function clusterPoints(points: Glyph[]): Glyph[] {
  points.sort((a, b) => a.x - b.x);
  const out: Glyph[] = [];
  let first = -Infinity;
  let sum = 0;
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && p.x - first < CLUSTER_PX) {
      absorb(last, p);
      sum += p.x;
      last.x = sum / last.ids.length;
    } else {
      out.push(p);
      first = p.x;
      sum = p.x;
    }
  }
  return separateBadges(out);
}

/** Two clusters' badges (or a badge and a point) never overlap: the nearer pair becomes one, at their mean. */
function separateBadges(glyphs: Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const last = out[out.length - 1];
    if (last && (last.ids.length > 1 || g.ids.length > 1) && g.x - last.x < BADGE_PX) {
      const x = (last.x * last.ids.length + g.x * g.ids.length) / (last.ids.length + g.ids.length);
      absorb(last, g);
      last.x = x;
    } else {
      out.push(g);
    }
  }
  return out;
}

function stackBars(bars: Glyph[], rows: number): Glyph[] {
  bars.sort((a, b) => a.x0 - b.x0);
  const out: Glyph[] = [];
  const lastInRow: Glyph[] = [];
  for (const bar of bars) {
    let row = lastInRow.findIndex((g) => g.x1 + BAR_GAP_PX <= bar.x0);
    if (row < 0 && lastInRow.length < rows) row = lastInRow.length;
    if (row >= 0) {
      bar.row = row;
      lastInRow[row] = bar;
      out.push(bar);
      continue;
    }
    let earliest = lastInRow[0]!;
    for (const g of lastInRow) if (g.x1 < earliest.x1) earliest = g;
    absorb(earliest, bar);
    earliest.x = (earliest.x0 + earliest.x1) / 2;
  }
  return out;
}

/** The glyph under a point of the lane, preferring the nearest point within reach and then a bar. */
export function glyphAt(glyphs: readonly Glyph[], x: number, row: number | 'points', reach = 7): Glyph | null {
  let best: Glyph | null = null;
  let bestDistance = Infinity;
  for (const g of glyphs) {
    if (row === 'points' ? g.type !== 'point' : g.type !== 'bar' || g.row !== row) continue;
    const distance = g.type === 'point' ? Math.max(0, Math.abs(g.x - x) - (g.ids.length > 1 ? 6 : 0)) : x < g.x0 ? g.x0 - x : x > g.x1 ? x - g.x1 : 0;
    if (distance <= reach && distance < bestDistance) {
      best = g;
      bestDistance = distance;
    }
  }
  return best;
}

/** A cluster's count in the few characters a badge holds: 7, 480, 2.4k. */
export function countLabel(n: number): string {
  if (n < 1000) return String(n);
  return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
}
