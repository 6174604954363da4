// Finds the causes of action and the numbered paragraphs in the extracted text of a complaint.

export interface ParsedCause {
  ordinal: number;
  title: string;
  page: number | null;
}

export interface ParsedParagraph {
  number: number;
  text: string;
  page: number | null;
  section: string | null;
  causeOrdinal: number | null;
}

export interface ParsedComplaint {
  causes: ParsedCause[];
  paragraphs: ParsedParagraph[];
  warnings: string[];
}

interface Line {
  page: number | null;
  text: string;
}

/** A paragraph being read: its text as parts to join at the end, since a paragraph may run to thousands of lines. */
interface ScannedParagraph extends Omit<ParsedParagraph, 'text'> {
  parts: string[];
  startedInCapitals: boolean;
}

interface CauseHeading {
  ordinal: number;
  heading: string;
  rest: string;
}

/** Further ahead than this, a number at the start of a line is a year, an amount or a citation. */
const MAX_PARAGRAPH_GAP = 20;
/** Running headers and footers are looked for only this many lines from the top and bottom of a page. */
const EDGE_LINES = 3;
/** A cause-of-action title and its "(Against …)" line rarely take more lines than this. */
const MAX_TITLE_LINES = 4;
/** California complaints list their causes of action, numbered, in the caption; a list that long at most. */
const MAX_CAPTION_ITEMS = 10;

const PARAGRAPH_START = /^(?:¶ ?(\d{1,4})\.?|(\d{1,4}) ?\.)(?: |$)/;
/** A pleading-paper line number: 1–2 digits and a space, but not "12 ." (a paragraph number). */
const MARGIN_NUMBER = /^(\d{1,2})(?: (?=[^.])|$)/;
const PAGE_NUMBER = /^(?:page )?[-–—]? ?\d{1,4} ?[-–—]?(?: of \d{1,4})?$/i;
const TOC_LEADER = /(?:\. ?){4,}\d+$/;
const ORDINAL_WORDS =
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth ' +
  'fifteenth sixteenth seventeenth eighteenth nineteenth twentieth';
const NUMBER_WORDS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
  'seventeen eighteen nineteen twenty';
const ORDINAL_FIRST = new RegExp(
  `^(${ORDINAL_WORDS.replaceAll(' ', '|')}|\\d{1,2}(?:st|nd|rd|th)) ` +
    '(?:cause of action|claim for relief|claim|count)\\b',
  'i',
);
const COUNT_FIRST = new RegExp(`^(?:count|claim) (${NUMBER_WORDS.replaceAll(' ', '|')}|[ivxl]+|\\d{1,2})\\b`, 'i');
const ROMAN = /^(?:xl|x{0,3})(?:ix|iv|v?i{0,3})$/i;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
/** What may follow a cause heading on its line: a title after a separator, or more capitals. */
const TITLE_AFTER_HEADING = /^(?:[:.\-–—(]|for )/i;
const PARTY_DESIGNATION = /^\(?(?:against|by|on behalf of|as to|asserted against|brought by)\b/i;
const MINOR_WORDS = new Set('a an and as at by et for in of on or seq the to under v with against'.split(' '));
const PRAYER_HEADING = /^(?:prayer|relief requested|request for relief)\b/i;
/** Headings every complaint has, which therefore cannot be the title of a cause of action above them. */
const STANDARD_SECTION =
  /^(?:parties|jurisdiction|venue|introduction|nature of|factual|facts|background|general allegations|prayer|demand for jury)/i;

/** Pages as pdf.js extracts them, or one page numbered null for a text file; never throws. */
export function parseComplaint(pages: { page: number | null; text: string }[]): ParsedComplaint {
  const scanner = new ComplaintScanner();
  for (const line of cleanLines(pages)) scanner.read(line);
  return scanner.result();
}

/** The pages' lines without pleading-paper line numbers, page numbers and running headers or footers. */
function cleanLines(pages: { page: number | null; text: string }[]): Line[] {
  const cleaned = pages.map((p) => ({
    page: p.page,
    lines: stripMarginNumbers(splitLines(p.text)).filter((l) => !PAGE_NUMBER.test(l) && !TOC_LEADER.test(l)),
  }));
  const running = runningLines(cleaned.map((p) => p.lines));
  return cleaned.flatMap(({ page, lines }) =>
    lines.filter((text, i) => !running.has(edgeKey(text, i, lines.length))).map((text) => ({ page, text })),
  );
}

function splitLines(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\f]/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

/** Strips margin numbers only where they run 1, 2, 3 … down the page, so "3 days later" survives elsewhere. */
function stripMarginNumbers(lines: string[]): string[] {
  const margin = new Set<number>();
  let next = 1;
  lines.forEach((line, i) => {
    const match = MARGIN_NUMBER.exec(line);
    if (!match) return;
    const n = Number(match[1]);
    // A gap of a few lines is a numbered line pdf.js dropped; 1 after 20 is the next page of a .txt file.
    if ((n >= next && n <= next + 3) || (n === 1 && next > 20)) {
      margin.add(i);
      next = n + 1;
    }
  });
  if (margin.size < 5) return lines;
  return lines.map((l, i) => (margin.has(i) ? l.replace(MARGIN_NUMBER, '') : l)).filter((l) => l !== '');
}

/**
 * Lines that stand at the same place near the top or bottom of at least half the pages, digits aside
 * ("Page 3 of 40"). The place matters: "herein." may end a page often, but not always as its last line.
 */
function runningLines(pages: string[][]): Set<string> {
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  if (pagesWithText < 2) return new Set();
  const pageCount = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(lines.map((text, i) => edgeKey(text, i, lines.length)));
    for (const key of keys) pageCount.set(key, (pageCount.get(key) ?? 0) + 1);
  }
  pageCount.delete('');
  const threshold = Math.max(2, Math.ceil(pagesWithText / 2));
  return new Set([...pageCount].filter(([, n]) => n >= threshold).map(([key]) => key));
}

/** "top 0 case #:#-cv-#…" for a line near an edge that could be a running header or footer; "" otherwise. */
function edgeKey(line: string, index: number, count: number): string {
  const fromBottom = count - 1 - index;
  if ((index >= EDGE_LINES && fromBottom >= EDGE_LINES) || startsStructure(line)) return '';
  const place = index < EDGE_LINES ? `top ${index}` : `bottom ${fromBottom}`;
  return `${place} ${line.toLowerCase().replace(/\d+/g, '#')}`;
}

function startsStructure(line: string): boolean {
  return PARAGRAPH_START.test(line) || matchCause(line, true) !== null;
}

function matchCause(line: string, atBoundary: boolean): CauseHeading | null {
  if (line.length > 160 || !/^\p{Lu}/u.test(line)) return null;
  // Mid-sentence, only a heading in capitals counts: "as alleged in the\nFirst Cause of Action" is prose.
  if (!atBoundary && /\p{Ll}/u.test(line)) return null;
  const match = ORDINAL_FIRST.exec(line) ?? COUNT_FIRST.exec(line);
  if (!match) return null;
  const rest = line.slice(match[0].length).trim();
  if (rest !== '' && !TITLE_AFTER_HEADING.test(rest) && /\p{Ll}/u.test(rest)) return null;
  const ordinal = ordinalValue(match[1] ?? '');
  if (ordinal === null) return null;
  return { ordinal, heading: match[0], rest: rest.replace(/^(?:[:.\-–—\s]|for )+/i, '') };
}

function ordinalValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (/^\d/.test(lower)) return parseInt(lower, 10) || null;
  const asOrdinal = ORDINAL_WORDS.split(' ').indexOf(lower);
  if (asOrdinal >= 0) return asOrdinal + 1;
  const asNumber = NUMBER_WORDS.split(' ').indexOf(lower);
  if (asNumber >= 0) return asNumber + 1;
  return ROMAN.test(lower) ? romanValue(lower) : null;
}

function romanValue(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]!]!;
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function matchParagraph(line: string): { number: number; text: string } | null {
  const match = PARAGRAPH_START.exec(line);
  if (!match) return null;
  return { number: Number(match[1] ?? match[2]), text: line.slice(match[0].length) };
}

/** An all-capitals short line ("II. JURISDICTION AND VENUE"), without its outline number. */
function sectionHeading(line: string): string | null {
  if (/\p{Ll}/u.test(line)) return null;
  const heading = line.replace(/^(?:[IVXL]{1,6}|[A-Z])\. /, '').replace(/[\s:.]+$/, '');
  if (heading.length > 80 || heading.split(' ').length > 10) return null;
  if (!/^\p{Lu}/u.test(heading) || !/\p{Lu}{2}/u.test(heading)) return null;
  return heading.endsWith(',') || heading.endsWith(';') ? null : heading;
}

/** Capitalised like a heading: every word that starts in lower case is a minor word ("of", "the", "seq."). */
function isTitleLike(line: string): boolean {
  return line
    .split(' ')
    .every((word) => !/^\p{Ll}/u.test(word) || MINOR_WORDS.has(word.replace(/\P{L}/gu, '').toLowerCase()));
}

function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && `"'”’)]`.includes(text[i]!)) i--;
  return i >= 0 && '.!?;:'.includes(text[i]!);
}

/** Adds a wrapped line, undoing the hyphen of a word broken at the end of the previous one. */
function appendLine(parts: string[], line: string): void {
  const previous = parts.at(-1);
  if (previous === undefined || previous === '') {
    parts.push(line);
    return;
  }
  const last = previous[previous.length - 1]!;
  const beforeLast = previous[previous.length - 2] ?? '';
  const brokenWord = last === '-' && /\p{Ll}/u.test(beforeLast) && /^\p{Ll}/u.test(line);
  if (last === '\u00ad' || brokenWord) parts[parts.length - 1] = previous.slice(0, -1);
  const joined = last === '\u00ad' || (last === '-' && /\p{L}/u.test(beforeLast));
  parts.push(joined ? line : ` ${line}`);
}

function joinLines(lines: string[]): string {
  const parts: string[] = [];
  for (const line of lines) appendLine(parts, line);
  return parts.join('');
}

/** Title of a cause from the lines after its heading, without "(Against All Defendants)". */
function causeTitle(lines: string[]): string | null {
  const kept = splitParentheses(joinLines(lines))
    .map((s) => s.trim())
    .filter((s) => s !== '' && !PARTY_DESIGNATION.test(s));
  let title = kept.join(' ').replace(/[\s,;:]+$/, '');
  if (title.startsWith('(') && splitParentheses(title).length === 1) title = title.slice(1, -1).trim();
  return title === '' ? null : title;
}

function hasUnclosedParenthesis(text: string): boolean {
  return text.split('(').length > text.split(')').length;
}

/** Splits "Breach (Cal. Civ. Code) (Against X)" into its top-level parenthesised and plain parts. */
function splitParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0 && i > start) parts.push(text.slice(start, i));
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === ')' && depth > 0 && --depth === 0) {
      parts.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

class ComplaintScanner {
  private readonly causes: ParsedCause[] = [];
  private readonly paragraphs: ScannedParagraph[] = [];
  private readonly notes: string[] = [];
  private section: string | null = null;
  private causeOrdinal: number | null = null;
  private inPrayer = false;
  private causesBeforeParagraphs = false;
  /** The paragraph that takes continuation lines; null after a heading, so headings' prose is not allegation. */
  private open: ScannedParagraph | null = null;
  /** The next item of a "1. … 2. …" list inside the open paragraph. */
  private listNext: number | null = null;
  /** Where the open paragraph's last line begins, if that line may be a sub-heading ("A. The Scheme"). */
  private subHeadingAt: number | null = null;
  private title: { cause: ParsedCause; lines: string[] } | null = null;

  read({ page, text }: Line): void {
    const boundary = this.open === null || endsSentence(this.open.parts.at(-1) ?? '');
    const cause = matchCause(text, boundary);
    if (cause && this.startCause(cause, page)) return;
    const numbered = matchParagraph(text);
    if (this.title && !numbered && this.addTitleLine(text)) return;
    this.title = null;
    if (numbered && numbered.number === 1 && this.followsCaptionList()) this.dropCaptionList();
    if (numbered && this.isListItem(numbered.number)) {
      this.listNext = numbered.number + 1;
    } else if (numbered && this.accepts(numbered.number, boundary)) {
      this.startParagraph(numbered, page);
      return;
    } else if (boundary && this.readHeading(text)) {
      return;
    }
    this.append(text);
  }

  result(): ParsedComplaint {
    const paragraphs = this.paragraphs.map(({ number, parts, page, section, causeOrdinal }) => ({
      number,
      text: parts.join('').trim(),
      page,
      section,
      causeOrdinal,
    }));
    const warnings = [...this.notes, ...gaps(paragraphs.map((p) => p.number), 'Paragraph', 'Paragraphs')];
    warnings.push(...gaps(this.causes.map((c) => c.ordinal), 'Cause of action', 'Causes of action'));
    if (paragraphs.length === 0) warnings.push('No numbered paragraphs were found.');
    return { causes: this.causes, paragraphs, warnings };
  }

  private startCause(heading: CauseHeading, page: number | null): boolean {
    if (heading.ordinal === 1 && this.causesBeforeParagraphs && !this.inPrayer) {
      // Causes listed before any paragraph, and now a first cause again: the list was a table of contents.
      this.causes.length = 0;
      for (const p of this.paragraphs) p.causeOrdinal = null;
    }
    // A heading that does not advance (the prayer's "On the First Cause of Action") names an earlier cause.
    if (heading.ordinal <= (this.causes.at(-1)?.ordinal ?? 0)) return false;
    this.close();
    const cause = { ordinal: heading.ordinal, title: heading.heading, page };
    if (this.causes.length === 0) this.causesBeforeParagraphs = this.paragraphs.length === 0;
    this.causes.push(cause);
    this.causeOrdinal = cause.ordinal;
    this.section = heading.heading;
    this.inPrayer = false;
    this.title = { cause, lines: [] };
    if (heading.rest !== '') this.addTitleLine(heading.rest);
    return true;
  }

  private addTitleLine(text: string): boolean {
    const title = this.title!;
    const fits =
      hasUnclosedParenthesis(title.lines.join(' ')) ||
      text.startsWith('(') ||
      (isTitleLike(text) && !STANDARD_SECTION.test(text));
    if (!fits || title.lines.length >= MAX_TITLE_LINES) return false;
    title.lines.push(text);
    title.cause.title = causeTitle(title.lines) ?? title.cause.title;
    return true;
  }

  /** "1." opens a list inside the open paragraph only after a colon ("required Webb to:"). */
  private isListItem(n: number): boolean {
    if (this.open === null) return false;
    return n === this.listNext || (n === 1 && this.open.parts.at(-1)?.endsWith(':') === true);
  }

  private accepts(n: number, boundary: boolean): boolean {
    const last = this.paragraphs.at(-1)?.number ?? 0;
    if (n <= last) return false;
    if (n === last + 1) return true;
    return !this.inPrayer && boundary && n - last <= MAX_PARAGRAPH_GAP;
  }

  /**
   * Another "1." before any cause means the first run was the caption's list of claims — California
   * complaints number them there — if that run was short and in capitals or a heading has closed it.
   */
  private followsCaptionList(): boolean {
    if (this.paragraphs.length === 0 || this.paragraphs.length > MAX_CAPTION_ITEMS) return false;
    if (this.causes.length > 0 || this.inPrayer) return false;
    return this.open === null || this.paragraphs.every((p) => p.startedInCapitals);
  }

  private dropCaptionList(): void {
    const dropped = this.paragraphs.splice(0);
    const first = dropped[0]!;
    const where = first.page === null ? '' : ` on page ${first.page}`;
    const lines = `${first.number}–${dropped.at(-1)!.number}${where}`;
    this.notes.push(`Numbered lines ${lines} look like the caption's list of claims and were skipped.`);
    this.close();
  }

  private startParagraph(numbered: { number: number; text: string }, page: number | null): void {
    this.close();
    this.open = {
      number: numbered.number,
      parts: [numbered.text],
      page,
      section: this.section,
      causeOrdinal: this.causeOrdinal,
      startedInCapitals: !/\p{Ll}/u.test(numbered.text),
    };
    this.paragraphs.push(this.open);
  }

  private readHeading(text: string): boolean {
    if (/^WHEREFORE\b/i.test(text)) {
      this.close();
      this.enterPrayer();
      return true;
    }
    const heading = sectionHeading(text);
    if (heading === null) return false;
    this.close();
    this.section = heading;
    if (PRAYER_HEADING.test(heading)) this.enterPrayer();
    return true;
  }

  /** The prayer's numbered requests are not allegations, unless they carry on the paragraph numbers. */
  private enterPrayer(): void {
    this.inPrayer = true;
    this.causeOrdinal = null;
  }

  private append(text: string): void {
    if (this.open === null) return;
    const { parts } = this.open;
    const afterSentence = endsSentence(parts.at(-1) ?? '');
    const mayBeHeading = afterSentence && !endsSentence(text) && /^\p{Lu}/u.test(text) && isTitleLike(text);
    this.subHeadingAt = mayBeHeading ? parts.length : null;
    appendLine(parts, text);
  }

  /** Ends the open paragraph; an unfinished capitalised last line, followed by new structure, was a sub-heading. */
  private close(): void {
    if (this.open && this.subHeadingAt !== null) this.open.parts.length = this.subHeadingAt;
    this.open = null;
    this.listNext = null;
    this.subHeadingAt = null;
  }
}

/** "Paragraph 6 not found" for each number missing from an increasing run that should start at 1. */
function gaps(numbers: number[], one: string, many: string): string[] {
  const warnings: string[] = [];
  let expected = 1;
  for (const n of numbers) {
    if (n === expected + 1) warnings.push(`${one} ${expected} not found`);
    else if (n > expected + 1) warnings.push(`${many} ${expected}–${n - 1} not found`);
    expected = n + 1;
  }
  return warnings;
}
