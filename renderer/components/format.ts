// How dates, sizes, kinds and import warnings read in the UI. Dates follow the user's own locale (the browser's or the
// system's language settings); a date without a time is a calendar day and never shifts with the time zone.
import { STANCES, type Exhibit, type ExhibitKind, type Stance } from '../../shared/model.ts';
import type { IconName } from './Icon.tsx';

// undefined: the user's locale. A calendar day is read in UTC, as it is stored.
const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
// A moment (an email sent, an import) in the user's own time zone, which is named.
const dayOfMoment = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const moment = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

/** "Mar 28, 2017" (or "28 Mar 2017", as the user's locale has it); an ISO date-time also gets its time of day. */
export function formatDate(iso: string | null, withTime = false): string {
  if (!iso) return '';
  const dateOnly = iso.length === 10;
  const t = Date.parse(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return iso;
  if (dateOnly) return day.format(t);
  return (withTime ? moment : dayOfMoment).format(t);
}

/** A count as the user's locale writes numbers ("12,480" or "12.480"). */
export function formatCount(n: number): string {
  return n.toLocaleString();
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const KIND_LABELS: Record<ExhibitKind, string> = {
  pdf: 'PDF',
  email: 'Email',
  image: 'Image',
  document: 'Document',
  text: 'Text',
  html: 'Web page',
  other: 'Other',
  contact: 'Contact',
  appointment: 'Appointment',
  task: 'Task',
  note: 'Note',
  contact_group: 'Contact group',
};

export const KIND_ICONS: Record<ExhibitKind, IconName> = {
  pdf: 'file',
  email: 'mail',
  image: 'image',
  document: 'file',
  text: 'text',
  html: 'file',
  other: 'file',
  contact: 'mail',
  appointment: 'mail',
  task: 'text',
  note: 'text',
  contact_group: 'mail',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };
export const STANCE_OPTIONS = STANCES.map((s) => [s, STANCE_LABELS[s]] as const);

// Cases imported before warnings stopped saying what was left to do carry these; the OCR state is said separately.
const STALE_OCR_ADVICE = /\s*(?:\(scanned; needs OCR to be searchable\)|; OCR reads the rest)/;

/**
 * An exhibit's import warnings as they stand now: what the file is (pages without text of their own, unreadable
 * pages …) and, for scanned pages, whether OCR has read them yet, from the exhibit itself, never from the import.
 */
export function warningsNow(e: Pick<Exhibit, 'warnings' | 'textLayer' | 'ocr'>): string[] {
  const warnings = e.warnings.map((w) => w.replace(STALE_OCR_ADVICE, (m) => (m.includes('(scanned') ? ' (scanned)' : '')));
  if (e.textLayer || warnings.length === 0) return warnings;
  return [...warnings, e.ocr ? 'Scanned pages read by OCR: searchable.' : 'Scanned pages not yet read by OCR: not searchable until they are.'];
}
