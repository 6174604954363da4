// Reads an email Date header (RFC 5322, with the obsolete forms real mail still carries) into an ISO 8601 UTC string.
import { isIsoDateTime } from './iso-date.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 5322 §4.3 obsolete zone names, in minutes east of UTC.
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

// [day-name ","] day month year hour ":" minute [":" second] [zone]; separators are loose because senders are.
const RFC5322 =
  /^\s*(?:[a-z]{2,9}\.?\s*,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4}),?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d{1,6})?\s*(.*)$/i;

export interface MailDate {
  iso: string | null;
  warning: string | null;
}

export function parseMailDate(value: string | null | undefined): MailDate {
  if (value == null || value.trim() === '') return { iso: null, warning: null };
  // Bounded so that no pattern below can be made slow by a hostile header; real dates are far shorter.
  const header = value.trim().slice(0, 200);
  const rfc = RFC5322.exec(header);
  if (rfc) return fromParts(rfc, header);
  if (isIsoDateTime(header)) {
    const ms = Date.parse(header.replace(' ', 'T'));
    if (!Number.isNaN(ms)) return { iso: new Date(ms).toISOString(), warning: null };
  }
  return unreadable(header);
}

function fromParts(m: RegExpExecArray, header: string): MailDate {
  const [, d, mon, y, h, min, s, rest] = m;
  const month = MONTHS.indexOf(mon!.slice(0, 3).toLowerCase());
  const year = fullYear(y!);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(min);
  // A leap second is kept as :59 rather than rolled into the next minute.
  const second = Math.min(Number(s ?? 0), 59);
  if (month < 0 || hour > 23 || minute > 59 || Number(s ?? 0) > 60) return unreadable(header);
  const local = Date.UTC(year, month, day, hour, minute, second);
  if (new Date(local).getUTCDate() !== day) return unreadable(header);
  const zone = readZone(rest ?? '');
  if (zone === null) {
    const warning = `The email's date "${header}" has no time zone; it was taken as UTC.`;
    return { iso: new Date(local).toISOString(), warning };
  }
  return { iso: new Date(local - zone * 60_000).toISOString(), warning: null };
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  // RFC 5322 §4.3: two-digit years before 50 are 20xx, others 19xx; three digits are added to 1900.
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return 1900 + n;
}

/** Minutes east of UTC, or null when the header names no zone we know. */
function readZone(rest: string): number | null {
  const text = rest.replace(/\([^)]*\)/g, ' ').trim();
  const numeric = /^([+-])(\d{2}):?(\d{2})\b/.exec(text);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = /^[a-z]+/i.exec(text);
  if (named) return ZONES[named[0].toUpperCase()] ?? null;
  return null;
}

function unreadable(header: string): MailDate {
  const warning = `The email's date "${header.slice(0, 100)}" could not be read, so the email has no date.`;
  return { iso: null, warning };
}
