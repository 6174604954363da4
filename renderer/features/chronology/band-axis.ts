// The time band's axis, with no DOM: the unit its ticks are drawn in (days, weeks, months, quarters, years, decades)
// chosen so each label has room, the ticks of the visible period, and above them the month or year they fall in.
import { DAY_MS, YEAR_MS, type TimeView } from './band-geometry.ts';

interface TickUnit {
  /** A unit of days (1, or the 1st, 8th, 15th and 22nd), of months or of years. */
  days?: 1 | 7;
  months?: 1 | 3 | 6;
  years?: number;
  /** The narrowest a unit may be drawn and still hold its label. */
  minPx: number;
}

const UNITS: TickUnit[] = [
  { days: 1, minPx: 24 },
  { days: 7, minPx: 24 },
  { months: 1, minPx: 34 },
  { months: 3, minPx: 34 },
  { months: 6, minPx: 34 },
  ...[1, 2, 5, 10, 20, 50, 100].map((years) => ({ years, minPx: 40 })),
];

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const unitMs = (u: TickUnit) => (u.days ? u.days * DAY_MS : u.months ? (u.months * YEAR_MS) / 12 : u.years! * YEAR_MS);

export interface Tick {
  at: number;
  label: string;
}

/** What the axis shows: ticks labelled in the chosen unit, and above them the month or year they fall in. */
export interface Axis {
  grain: 'days' | 'months' | 'years';
  ticks: Tick[];
  /** Month starts ("March 2017") over days, year starts over months; none over years. */
  context: Tick[];
}

/** The first boundary of the unit at or after `t`. */
function boundaryAtOrAfter(t: number, u: TickUnit): Date {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  let b: Date;
  if (u.days === 1) b = new Date(Date.UTC(y, m, d.getUTCDate()));
  else if (u.days === 7) b = new Date(Date.UTC(y, m, d.getUTCDate() - ((d.getUTCDate() - 1) % 7)));
  else if (u.months) b = new Date(Date.UTC(y, m - (m % u.months), 1));
  else b = new Date(Date.UTC(y - (((y % u.years!) + u.years!) % u.years!), 0, 1));
  while (b.getTime() < t) b = nextBoundary(b, u);
  return b;
}

function nextBoundary(b: Date, u: TickUnit): Date {
  const y = b.getUTCFullYear();
  const m = b.getUTCMonth();
  if (u.days === 1) return new Date(Date.UTC(y, m, b.getUTCDate() + 1));
  if (u.days === 7) {
    // The 1st, 8th, 15th and 22nd: the days after the 22nd belong to its week, so the next is the month's first.
    const d = b.getUTCDate();
    return d >= 22 ? new Date(Date.UTC(y, m + 1, 1)) : new Date(Date.UTC(y, m, d + 7));
  }
  if (u.months) return new Date(Date.UTC(y, m + u.months, 1));
  return new Date(Date.UTC(y + u.years!, 0, 1));
}

function labelOf(b: Date, u: TickUnit): string {
  if (u.days) return String(b.getUTCDate());
  if (u.months) return SHORT_MONTHS[b.getUTCMonth()]!;
  return String(b.getUTCFullYear());
}

function boundaries(view: TimeView, u: TickUnit, label: (b: Date) => string): Tick[] {
  const out: Tick[] = [];
  // From the boundary before the view, so that the period the view opens in can be named at the left edge.
  for (let b = boundaryAtOrAfter(view.start - unitMs(u) * 1.05, u); b.getTime() <= view.end; b = nextBoundary(b, u)) {
    out.push({ at: b.getTime(), label: label(b) });
  }
  return out;
}

export function axisFor(view: TimeView, width: number): Axis {
  const msPerPx = (view.end - view.start) / Math.max(1, width);
  const unit = UNITS.find((u) => unitMs(u) / msPerPx >= u.minPx) ?? UNITS[UNITS.length - 1]!;
  const ticks = boundaries(view, unit, (b) => labelOf(b, unit));
  if (unit.days) {
    return { grain: 'days', ticks, context: boundaries(view, { months: 1, minPx: 0 }, (b) => `${SHORT_MONTHS[b.getUTCMonth()]} ${b.getUTCFullYear()}`) };
  }
  if (unit.months) return { grain: 'months', ticks, context: boundaries(view, { years: 1, minPx: 0 }, (b) => String(b.getUTCFullYear())) };
  return { grain: 'years', ticks, context: [] };
}

/** "Mar 2016 – Aug 2021", "28 Mar – 6 Apr 2017": the period shown, in the grain the axis uses. */
export function describeView(view: TimeView, grain: Axis['grain']): string {
  const a = new Date(view.start);
  const b = new Date(view.end - 1);
  const month = (d: Date) => `${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  if (grain === 'years') return `${a.getUTCFullYear()} – ${b.getUTCFullYear()}`;
  if (grain === 'months') return `${month(a)} – ${month(b)}`;
  return `${a.getUTCDate()} ${month(a)} – ${b.getUTCDate()} ${month(b)}`;
}
