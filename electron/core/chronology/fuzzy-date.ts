// A fact's date as trial teams write it — a day, a month, a year, "c. 2016", "before 2018", "after 12 April 2019",
// "2017-03 to 2017-05" or TBD — read into (precision, start, end, text as given), ordered and printed back one way.
//
// Stored: `start`..`end` is the period the words name (for "before 2018" and "after 12 April 2019" the period of
// the reference, 2018 and 12 April 2019, so it prints back as written). Undated facts have neither.
// Sort rule: a date sorts at the first day of its period ("03/??/2017" at 1 March 2017, so before "28 March 2017");
// of dates sharing that day the wider period comes first (2017, then March 2017, then 1 March 2017: the period
// introduces the days inside it); "before X" sorts just ahead of X's first day and "after X" just behind X's last
// day; then the user's sequence; undated facts come last.
import { UserError } from '../../../shared/errors.ts';
import type { DatePrecision, FactDate } from '../../../shared/model.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period read from words, before it is given a precision. */
interface Period {
  start: string;
  end: string;
  grain: 'day' | 'month' | 'year';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** "March", "Mar", "Mar.", "Sept": a month's name or its first three letters or more. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = w === 'sept' ? 8 : MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

function day(y: number, m: number, d: number): Period | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return { start: iso(y, m, d), end: iso(y, m, d), grain: 'day' };
}

function month(y: number, m: number): Period | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12) return null;
  return { start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)), grain: 'month' };
}

function year(y: number): Period | null {
  if (y < 1000 || y > 9999) return null;
  return { start: iso(y, 1, 1), end: iso(y, 12, 31), grain: 'year' };
}

/** One day, month or year, in any of the ways people type it; null when the words are not one. */
function readPeriod(raw: string): Period | null {
  const s = raw.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  // ISO: 2017-03-28, 2017-03, 2017 (a time of day, as exhibits carry, is dropped: the day is the sender's).
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s))) return day(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return month(+m[1]!, +m[2]!);
  if ((m = /^(\d{4})$/.exec(s))) return year(+m[1]!);
  // Numeric with slashes, month first as US courts write it (03/28/2017) unless the first number cannot be a month;
  // "??" stands for the part not known (03/??/2017 is March 2017).
  if ((m = /^(\d{1,2}|\?\?)[/.](\d{1,2}|\?\?)[/.](\d{4})$/.exec(s))) {
    const [a, b, y] = [m[1]!, m[2]!, +m[3]!];
    if (a === '??' && b === '??') return year(y);
    if (b === '??') return month(y, +a);
    if (a === '??') return +b > 12 ? null : month(y, +b);
    return +a > 12 ? day(y, +b, +a) : day(y, +a, +b);
  }
  if ((m = /^(\d{1,2}|\?\?)[/.](\d{4})$/.exec(s))) return m[1] === '??' ? year(+m[2]!) : month(+m[2]!, +m[1]!);
  // Words: 28 March 2017, March 28 2017, March 2017, Mar. 2017.
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z.]+) (\d{4})$/.exec(s))) {
    const mo = monthNumber(m[2]!);
    return mo ? day(+m[3]!, mo, +m[1]!) : null;
  }
  if ((m = /^([A-Za-z.]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(s))) {
    const mo = monthNumber(m[1]!);
    return mo ? day(+m[3]!, mo, +m[2]!) : null;
  }
  if ((m = /^([A-Za-z.]+) (\d{4})$/.exec(s))) {
    const mo = monthNumber(m[1]!);
    return mo ? month(+m[2]!, mo) : null;
  }
  return null;
}

const UNDATED = /^(|tbd|tba|undated|unknown|n\.?\s?d\.?|\?+)$/i;
const CIRCA = /^(?:circa|approximately|approx\.?|about|around|ca\.?|c\.?)(?=[\s\d])\s*(.+)$/i;
const BEFORE = /^(?:before|by|prior to|no later than)\s+(.+)$/i;
const AFTER = /^(?:after|since|no earlier than)\s+(.+)$/i;
const BETWEEN = /^(?:between|from)\s+(.+?)\s+(?:and|to|until|till)\s+(.+)$/i;
const RANGE = /^(.+?)\s*(?:\s(?:to|until|till|through)\s|\s[-–—]\s|[–—])\s*(.+)$/i;

function unreadable(text: string): UserError {
  return new UserError(
    'bad_input',
    `"${text}" is not a date Exhibit Desk can read. Write it as "28 March 2017", "2017-03-28", "03/28/2017", "March 2017", "2017", "c. 2016", "before 2018", "after 12 April 2019", "2017-03 to 2017-05" or TBD.`,
  );
}

/** Reads what a user typed; throws a UserError naming the forms it reads when it cannot. */
export function parseFactDate(input: string): FactDate {
  const text = input.trim().replace(/\s+/g, ' ');
  const dated = (precision: DatePrecision, p: { start: string; end: string }): FactDate => {
    const date = { precision, start: p.start, end: p.end, text };
    return { ...date, display: printFactDate(date) };
  };
  if (UNDATED.test(text)) return { precision: 'undated', start: null, end: null, text, display: printFactDate({ precision: 'undated', start: null, end: null }) };
  let m: RegExpExecArray | null;
  const single = readPeriod(text);
  if (single) return dated(single.grain, single);
  if ((m = CIRCA.exec(text))) {
    const p = readPeriod(m[1]!) ?? readRange(m[1]!);
    if (p) return dated('circa', p);
  }
  if ((m = BEFORE.exec(text))) {
    const p = readPeriod(m[1]!);
    if (p) return dated('before', p);
  }
  if ((m = AFTER.exec(text))) {
    const p = readPeriod(m[1]!);
    if (p) return dated('after', p);
  }
  const range = readRange(text);
  if (range) return dated('range', range);
  throw unreadable(input);
}

/** "2017-03 to 2017-05", "between 2019 and 2020", "March–May 2017", "28 March – 2 April 2017". */
function readRange(text: string): { start: string; end: string } | null {
  const m = BETWEEN.exec(text) ?? RANGE.exec(text);
  if (!m) return null;
  const to = readPeriod(m[2]!);
  if (!to) return null;
  // The first end may leave out what the second gives: "March–May 2017", "28 March – 2 April 2017", "3–5 March 2017".
  const yearOfTo = to.start.slice(0, 4);
  const from = readPeriod(m[1]!) ?? readPeriod(`${m[1]} ${yearOfTo}`) ?? readPeriod(`${m[1]} ${SHORT[+to.start.slice(5, 7) - 1]} ${yearOfTo}`);
  if (!from || from.start > to.end) return null;
  return { start: from.start, end: to.end };
}

/** How a fact's date is printed everywhere: "28 Mar 2017", "Mar 2017", "c. 2016", "before 2018", "Mar–May 2017", "TBD". */
export function printFactDate(date: Pick<FactDate, 'precision' | 'start' | 'end'>): string {
  if (date.precision === 'undated' || date.start === null || date.end === null) return 'TBD';
  const period = printPeriod(date.start, date.end);
  switch (date.precision) {
    case 'circa':
      return `c. ${period}`;
    case 'before':
      return `before ${period}`;
    case 'after':
      return `after ${period}`;
    default:
      return period;
  }
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ymd = (s: string): Ymd => ({ y: +s.slice(0, 4), m: +s.slice(5, 7), d: +s.slice(8, 10) });
const monthName = (p: Ymd) => SHORT[p.m - 1]!;

function printPeriod(start: string, end: string): string {
  const a = ymd(start);
  const b = ymd(end);
  const wholeMonths = a.d === 1 && b.d === lastDay(b.y, b.m);
  const wholeYears = wholeMonths && a.m === 1 && b.m === 12;
  if (start === end) return `${a.d} ${monthName(a)} ${a.y}`;
  if (wholeYears) return a.y === b.y ? `${a.y}` : `${a.y}–${b.y}`;
  if (wholeMonths) {
    if (a.y === b.y && a.m === b.m) return `${monthName(a)} ${a.y}`;
    return a.y === b.y ? `${monthName(a)}–${monthName(b)} ${b.y}` : `${monthName(a)} ${a.y}–${monthName(b)} ${b.y}`;
  }
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${monthName(b)} ${b.y}`;
  if (a.y === b.y) return `${a.d} ${monthName(a)}–${b.d} ${monthName(b)} ${b.y}`;
  return `${a.d} ${monthName(a)} ${a.y}–${b.d} ${monthName(b)} ${b.y}`;
}

/** What the sort rule (at the top of this file) orders a fact by. */
export interface Sortable {
  date: Pick<FactDate, 'precision' | 'start' | 'end'>;
  sequence: number;
  id: number;
}

const PHASE: Partial<Record<DatePrecision, number>> = { before: 0, after: 2 };

function spanDays(start: string, end: string): number {
  return (Date.parse(end) - Date.parse(start)) / 86_400_000;
}

export function compareFacts(x: Sortable, y: Sortable): number {
  const a = x.date;
  const b = y.date;
  const aDated = a.start !== null;
  const bDated = b.start !== null;
  if (aDated !== bDated) return aDated ? -1 : 1;
  if (aDated && bDated) {
    const at = (d: typeof a) => (d.precision === 'after' ? d.end! : d.start!);
    if (at(a) !== at(b)) return at(a) < at(b) ? -1 : 1;
    const phase = (PHASE[a.precision] ?? 1) - (PHASE[b.precision] ?? 1);
    if (phase !== 0) return phase;
    const wider = spanDays(b.start!, b.end!) - spanDays(a.start!, a.end!);
    if (wider !== 0) return wider;
  }
  return x.sequence - y.sequence || x.id - y.id;
}

/**
 * Whether a fact may fall within [from, to] (ISO days, either open): its period overlaps, where "before X" runs
 * from any time up to X and "after X" from X on. Undated facts match no date filter.
 */
export function mayFallWithin(date: Pick<FactDate, 'precision' | 'start' | 'end'>, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  if (date.start === null || date.end === null) return false;
  const f = from?.slice(0, 10);
  const t = to?.slice(0, 10);
  // "before X" ends the day before X begins, "after X" begins the day after X ends; neither has another end.
  if (f !== undefined && date.precision !== 'after' && (date.precision === 'before' ? date.start <= f : date.end < f)) return false;
  if (t !== undefined && date.precision !== 'before' && (date.precision === 'after' ? date.end >= t : date.start > t)) return false;
  return true;
}
