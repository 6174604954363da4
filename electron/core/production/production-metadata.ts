// A produced document's load-file fields turned into an exhibit's metadata: its title, its date as ISO 8601, its
// people; and the rest of its fields kept under the load file's own column names, the words of them made searchable.
import type { ProductionDocument, ResolvedFieldMap } from './volume.ts';

export interface DocumentMetadata {
  /** From the title, subject or file name fields; null when none is given. */
  title: string | null;
  /** The Bates range, the title of last resort. */
  range: string;
  date: string | null;
  author: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  subject: string | null;
}

// Shown on the exhibit itself, paths to files, hashes, and the family's range (a search for a Bates number should find
// the document that holds it, not every member of its family): every other field's words go to the search index.
const NOT_INDEXED = new Set(['title', 'subject', 'from', 'to', 'cc', 'author', 'date', 'textPath', 'nativePath', 'md5', 'sha1', 'begAttach', 'endAttach']);

export function documentMetadata(doc: ProductionDocument): DocumentMetadata {
  const f = (name: string): string | null => {
    const v = doc.fields[name]?.trim();
    return v ? v : null;
  };
  const range = doc.endBates.toUpperCase() === doc.begBates.toUpperCase() ? doc.begBates : `${doc.begBates}–${doc.endBates}`;
  const title = (f('title') ?? f('subject') ?? f('fileName'))?.replace(/\s+/g, ' ') ?? null;
  return { title, range, date: parseProducedDate(f('date')), author: f('author'), from: f('from'), to: f('to'), cc: f('cc'), subject: f('subject') };
}

/** The row under the load file's column names (volume.ts gives the mapped ones under ours). */
export function loadFileFields(doc: ProductionDocument, columns: readonly string[], map: ResolvedFieldMap): Record<string, string> {
  const ours = new Map(Object.entries(map).map(([field, column]) => [column, field]));
  return Object.fromEntries(columns.map((c) => [c, doc.fields[ours.get(c) ?? c] ?? '']));
}

/** The words search should find this document by besides its exhibit columns: Bates numbers, custodian, other fields. */
export function searchTextOf(doc: ProductionDocument): string {
  const words = [doc.begBates, doc.endBates === doc.begBates ? '' : doc.endBates];
  for (const [name, value] of Object.entries(doc.fields)) {
    if (NOT_INDEXED.has(name) || name === 'begBates' || name === 'endBates') continue;
    words.push(value.replace(/\s+/g, ' ').trim());
  }
  return words.filter((w) => w !== '').join(' ');
}

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * A load file's date as ISO 8601 ("2021-03-04" or "2021-03-04T14:05:00", no zone: load files give local time without
 * saying whose). Read: MM/DD/YYYY and M/D/YY (US, as productions in US courts are), YYYY-MM-DD and YYYYMMDD, each with
 * an optional time (24-hour or with AM/PM). Anything else is left unset; the field itself is kept as given.
 */
export function parseProducedDate(raw: string | null): string | null {
  if (raw === null) return null;
  const text = raw.trim();
  const us = US.exec(text);
  const iso = us ? null : ISO.exec(text);
  const m = us ?? iso;
  if (!m) return null;
  const [year, month, day] = us ? [fullYear(m[3]!), Number(m[1]), Number(m[2])] : [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined) return date;
  let hour = Number(m[4]);
  const [minute, second] = [Number(m[5]), Number(m[6] ?? 0)];
  const half = m[7]?.toUpperCase();
  if (half) {
    if (hour < 1 || hour > 12) return date;
    hour = (hour % 12) + (half === 'PM' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return date;
  // Midnight exactly is how many review tools write a date without a time.
  if (hour === 0 && minute === 0 && second === 0 && !half) return date;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  // Two-digit years: 00–69 this century, 70–99 the last (the POSIX rule).
  return n < 70 ? 2000 + n : 1900 + n;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
