// Reads and writes DAT load files (one row of metadata per produced document): the Concordance dialect (þ-qualified
// values separated by DC4, ® for a newline inside a value) and the delimited variants review platforms also send
// (CSV; pipe or tab with þ, ^ or " qualifiers). Every row keeps the physical line it starts on, for problem reports.
import { decodeLoadFile, type LoadFileEncoding } from './load-file-text.ts';

export const DC4 = '\u0014';
export const THORN = '\u00fe';
export const REGISTERED = '\u00ae';

export type DatDialect = 'concordance' | 'csv';

export interface DatRow {
  /** The physical line (1-based; the header is line 1) the row starts on: a value may span several lines. */
  line: number;
  values: string[];
}

export interface DatProblem {
  line: number;
  message: string;
}

export interface DatFile {
  encoding: LoadFileEncoding;
  dialect: DatDialect;
  delimiter: string;
  qualifier: string | null;
  fields: string[];
  rows: DatRow[];
  problems: DatProblem[];
}

export interface ReadDatOptions {
  /** Whether the first line names the fields; by default it does unless it plainly holds data (paths, e-mail addresses, dates). */
  hasHeader?: boolean;
}

/** Reads a DAT (or CSV) load file; a row with the wrong number of values is reported as a problem, not returned. */
export function readDat(bytes: Uint8Array, options: ReadDatOptions = {}): DatFile {
  const { text, encoding } = decodeLoadFile(bytes);
  return { encoding, ...parseDatText(text, options) };
}

/** Parses a DAT that is already text (see readDat). */
export function parseDatText(text: string, options: ReadDatOptions = {}): Omit<DatFile, 'encoding'> {
  const firstLine = text.slice(0, lineEnd(text, 0));
  const delimiter = detectDelimiter(firstLine);
  const qualifier = detectQualifier(text, delimiter);
  const dialect: DatDialect = delimiter === DC4 || qualifier === THORN ? 'concordance' : 'csv';
  const records = parseRecords(text, delimiter, qualifier, dialect === 'concordance');
  const problems = records.problems;
  const first = records.rows[0];
  if (!first) {
    problems.push({ line: 1, message: 'the load file is empty' });
    return { dialect, delimiter, qualifier, fields: [], rows: [], problems };
  }
  const hasHeader = options.hasHeader ?? !looksLikeData(first.values);
  let fields: string[];
  let dataRows: DatRow[];
  if (hasHeader) {
    fields = first.values.map((name) => name.trim());
    dataRows = records.rows.slice(1);
  } else {
    fields = first.values.map((_, i) => `Column ${i + 1}`);
    dataRows = records.rows;
    problems.push({
      line: 1,
      message: 'line 1 holds data, not the field names, so the columns are numbered (Column 1, Column 2, …)',
    });
  }
  // Some tools end every line with the delimiter too: an unnamed last column that is empty on every line is not data.
  const trailing = hasHeader && fields.length > 1 && fields[fields.length - 1] === '';
  if (trailing) fields.pop();
  reportDuplicateNames(fields, problems);
  const rows: DatRow[] = [];
  for (const row of dataRows) {
    const values = trailing && row.values.length === fields.length + 1 && row.values.at(-1) === '' ? row.values.slice(0, -1) : row.values;
    if (values.length !== fields.length) {
      problems.push({ line: row.line, message: `line ${row.line} has ${values.length} fields; the header names ${fields.length}` });
      continue;
    }
    rows.push({ line: row.line, values });
  }
  problems.sort((a, b) => a.line - b.line);
  return { dialect, delimiter, qualifier, fields, rows, problems };
}

/**
 * The DAT we write: UTF-8 with a BOM, every value þ-qualified (þ inside doubled), DC4 between values, CRLF between
 * rows and ® for a newline inside a value. readDat gives back exactly these fields and values, except that any
 * newline (CRLF, CR or LF) comes back as LF and a ® in a value comes back as a newline: Concordance has no escape for ®.
 */
export function writeDat(fields: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const lines = [fields, ...rows].map((values, i) => {
    if (values.length !== fields.length) {
      throw new Error(`DAT row ${i} has ${values.length} values for ${fields.length} fields`);
    }
    return values.map((v) => THORN + v.replaceAll(THORN, THORN + THORN).replace(/\r\n|\r|\n/g, REGISTERED) + THORN).join(DC4);
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

interface Records {
  rows: DatRow[];
  problems: DatProblem[];
}

// One pass over the text. A qualified value runs to a qualifier that is followed by the delimiter or the end of the
// line; a doubled qualifier inside is one qualifier, and a lone one followed by anything else is kept as written,
// because some tools do not escape it. Line breaks inside qualified values are counted so rows keep their line.
function parseRecords(text: string, delimiter: string, qualifier: string | null, registeredIsNewline: boolean): Records {
  const rows: DatRow[] = [];
  const problems: DatProblem[] = [];
  const finish = (v: string): string => (registeredIsNewline ? v.replaceAll(REGISTERED, '\n') : v);
  let pos = 0;
  let line = 1;
  const n = text.length;
  while (pos < n) {
    const startLine = line;
    const values: string[] = [];
    let blank = true;
    let unclosed = false;
    for (;;) {
      let value = '';
      if (qualifier !== null && text[pos] === qualifier) {
        blank = false;
        pos++;
        for (;;) {
          const q = text.indexOf(qualifier, pos);
          if (q < 0) {
            problems.push({ line: startLine, message: `line ${startLine}: a value opened with ${qualifier} is not closed before the end of the file` });
            const rest = text.slice(pos);
            line += countLineBreaks(rest);
            value += normalizeNewlines(rest);
            pos = n;
            unclosed = true;
            break;
          }
          const chunk = text.slice(pos, q);
          line += countLineBreaks(chunk);
          value += normalizeNewlines(chunk);
          const next = text[q + 1];
          if (next === qualifier) {
            value += qualifier;
            pos = q + 2;
          } else if (next === undefined || next === delimiter || next === '\r' || next === '\n') {
            pos = q + 1;
            break;
          } else {
            value += qualifier;
            pos = q + 1;
          }
        }
      }
      const end = fieldEnd(text, pos, delimiter);
      if (end > pos) blank = false;
      value += text.slice(pos, end);
      pos = end;
      values.push(finish(value));
      if (pos < n && text[pos] === delimiter) {
        blank = false;
        pos++;
        continue;
      }
      if (text[pos] === '\r') pos++;
      if (text[pos] === '\n') pos++;
      line++;
      break;
    }
    // An empty or whitespace-only line between rows (or at the end) is not a row.
    // A row whose value never closes is left out: where its values end cannot be known.
    if (!blank && !unclosed && !(values.length === 1 && values[0]!.trim() === '')) rows.push({ line: startLine, values });
  }
  return { rows, problems };
}

function fieldEnd(text: string, from: number, delimiter: string): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === delimiter || c === '\n' || c === '\r') return i;
    i++;
  }
  return i;
}

function lineEnd(text: string, from: number): number {
  const i = text.slice(from, from + 65536).search(/[\r\n]/);
  return i < 0 ? Math.min(text.length, from + 65536) : from + i;
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

const QUALIFIERS = [THORN, '"', '^'];
const DELIMITERS = [DC4, '\t', '|', ','];

// The header decides the delimiter: the character after a qualified first name, else the likeliest separator in it.
function detectDelimiter(header: string): string {
  const q = QUALIFIERS.find((c) => header.startsWith(c));
  if (q !== undefined) {
    const close = header.indexOf(q, 1);
    const after = close < 0 ? undefined : header[close + 1];
    if (after !== undefined && DELIMITERS.includes(after)) return after;
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

// The qualifier is the character most often found both opening a value (at a line start or after a delimiter) and
// closing one; Relativity's pipe files leave the header unqualified and qualify only some data values.
function detectQualifier(text: string, delimiter: string): string | null {
  const sample = text.slice(0, 1 << 20);
  let best: string | null = null;
  let bestCount = 0;
  for (const q of QUALIFIERS) {
    const d = escapeRegExp(delimiter);
    const e = escapeRegExp(q);
    const opens = sample.match(new RegExp(`(?:^|${d}|\\n)${e}`, 'g'))?.length ?? 0;
    const closes = sample.match(new RegExp(`${e}(?:${d}|\\r|\\n|$)`, 'g'))?.length ?? 0;
    const count = Math.min(opens, closes);
    if (q === THORN && count > 0 && delimiter === DC4) return THORN;
    if (count > bestCount) {
      best = q;
      bestCount = count;
    }
  }
  if (best !== null) return best;
  if (delimiter === DC4) return THORN;
  if (delimiter === ',') return '"';
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

// Field names are short words; a first line holding a path, an e-mail address, a date or several empty names is a
// document's data (Relativity's samples include DATs without a header).
function looksLikeData(values: string[]): boolean {
  if (values.some((v) => v.includes('\\') || v.includes('@') || /^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/.test(v))) return true;
  const empties = values.slice(0, -1).filter((v) => v.trim() === '').length;
  return empties >= 2;
}

function reportDuplicateNames(fields: string[], problems: DatProblem[]): void {
  const seen = new Set<string>();
  for (const name of fields) {
    const key = name.toUpperCase();
    if (seen.has(key)) problems.push({ line: 1, message: `line 1 names the field ${name} twice` });
    seen.add(key);
  }
}
