// The snippet of a hit: the passage of its page with most of the searched terms, those terms marked.
// Built here rather than by FTS5's snippet(), which re-tokenizes the page inside a second full-text query
// per hit and cost more than the search itself on a large case.
import { CJK_LETTERS, hasCjk, MARK_WORDS } from './cjk-text.ts';

/** A word or phrase the search looks for, as the index's tokenizer sees it; `prefix` when it ends with *. */
export interface HighlightTerm {
  words: string[];
  prefix: boolean;
}

const WORD = /[\p{L}\p{N}\p{Co}\p{Mn}]+/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ASCII = /^[\x00-\x7f]*$/;

/** How FTS5's unicode61 tokenizer with remove_diacritics compares words: case- and accent-blind. */
function foldWord(word: string): string {
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/**
 * The words of a page: where each starts and ends, and whether it is a given folded word (or begins with it). Each
 * character of a CJK run is a word of its own, as a search finds words anywhere in a run; `cjk` counts them.
 */
interface Words {
  count: number;
  cjk: number;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  is(i: number, word: string, prefix: boolean): boolean;
}

// 1 for the bytes of an ASCII letter or digit once lower-cased: what FTS5's tokenizer takes as word characters there.
const ASCII_WORD_BYTE = new Uint8Array(256);
for (const [from, to] of [[48, 57], [97, 122]] as const) ASCII_WORD_BYTE.fill(1, from, to + 1);

// Word bounds of ASCII pages, reused from page to page (a snippet is made whole before the next one starts).
let asciiStarts = new Int32Array(4096);
let asciiEnds = new Int32Array(4096);

/**
 * Most pages are plain ASCII, where a word is a run of letters and digits and folding is lower-casing: the page is
 * lower-cased once, its bytes scanned for word bounds into reused arrays, and words compared in place. Snippets of
 * 200 hits were a third of a search's time when each word was a regular-expression match and a lower-cased string.
 */
function asciiWords(text: string): Words {
  const lower = text.toLowerCase();
  const bytes = Buffer.from(lower, 'latin1');
  let count = 0;
  for (let i = 0; i < bytes.length; ) {
    if (ASCII_WORD_BYTE[bytes[i]!] === 0) {
      i++;
      continue;
    }
    if (count === asciiStarts.length) {
      asciiStarts = grow(asciiStarts);
      asciiEnds = grow(asciiEnds);
    }
    asciiStarts[count] = i;
    do i++;
    while (i < bytes.length && ASCII_WORD_BYTE[bytes[i]!] === 1);
    asciiEnds[count++] = i;
  }
  const start = asciiStarts;
  const end = asciiEnds;
  return {
    count,
    cjk: 0,
    start,
    end,
    is: (i, word, prefix) => {
      const at = start[i]!;
      const length = end[i]! - at;
      return (prefix ? length >= word.length : length === word.length) && bytes[at] === word.charCodeAt(0) && lower.startsWith(word, at);
    },
  };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function wordsOf(text: string): Words {
  if (ASCII.test(text)) return asciiWords(text);
  if (hasCjk(text) && !SURROGATE.test(text)) return cjkWords(text);
  const start: number[] = [];
  const end: number[] = [];
  const folded: string[] = [];
  let cjk = 0;
  for (const m of text.matchAll(hasCjk(text) ? MARK_WORDS : WORD)) {
    if (m[1] !== undefined) cjk++;
    else if (!HAS_LETTER_OR_DIGIT.test(m[0])) continue;
    start.push(m.index);
    end.push(m.index + m[0].length);
    // The tokenizer keeps a kana's voicing mark (ガ is not カ), so a CJK character is compared as it is.
    folded.push(m[1] ?? foldWord(m[0]));
  }
  return { count: start.length, cjk, start, end, is: (i, word, prefix) => (prefix ? folded[i]!.startsWith(word) : folded[i] === word) };
}

const SURROGATE = /[\uD800-\uDFFF]/;
// What each character of the Basic Multilingual Plane is to MARK_WORDS, made on the first page with CJK: a regular
// expression match per character made the snippets of 200 Chinese pages take longer than the search itself.
const Kind = { Other: 0, LetterOrDigit: 1, NonspacingMark: 2, OtherMark: 3, PrivateUse: 4, Cjk: 5 } as const;
let kinds: Uint8Array | null = null;

function kindsOfCharacters(): Uint8Array {
  const table = new Uint8Array(0x10000);
  let all = '';
  for (let c = 0; c < 0x10000; c++) all += c >= 0xd800 && c <= 0xdfff ? ' ' : String.fromCharCode(c);
  // Later kinds win: a CJK letter is a letter too, a nonspacing mark a mark.
  const kinds: [RegExp, number][] = [
    [/[\p{L}\p{N}]/gu, Kind.LetterOrDigit],
    [/\p{Co}/gu, Kind.PrivateUse],
    [/\p{M}/gu, Kind.OtherMark],
    [/\p{Mn}/gu, Kind.NonspacingMark],
    [CJK_LETTERS, Kind.Cjk],
  ];
  for (const [pattern, kind] of kinds) for (const m of all.matchAll(pattern)) table[m.index] = kind;
  return table;
}

/** The words of a page with CJK and no character outside the BMP, as MARK_WORDS finds them, by table. */
function cjkWords(text: string): Words {
  const kind = (kinds ??= kindsOfCharacters());
  const start: number[] = [];
  const end: number[] = [];
  const folded: string[] = [];
  let cjk = 0;
  for (let i = 0; i < text.length; ) {
    const k = kind[text.charCodeAt(i)]!;
    const from = i++;
    if (k === Kind.Cjk) {
      while (i < text.length && (kind[text.charCodeAt(i)] === Kind.NonspacingMark || kind[text.charCodeAt(i)] === Kind.OtherMark)) i++;
      cjk++;
      folded.push(text.slice(from, i));
    } else if (k === Kind.LetterOrDigit || k === Kind.NonspacingMark || k === Kind.PrivateUse) {
      let letters = k === Kind.LetterOrDigit;
      for (let n = kind[text.charCodeAt(i)]; n === Kind.LetterOrDigit || n === Kind.NonspacingMark || n === Kind.PrivateUse; n = kind[text.charCodeAt(i)]) {
        letters ||= n === Kind.LetterOrDigit;
        i++;
      }
      if (!letters) continue;
      folded.push(foldWord(text.slice(from, i)));
    } else {
      continue;
    }
    start.push(from);
    end.push(i);
  }
  return { count: start.length, cjk, start, end, is: (i, word, prefix) => (prefix ? folded[i]!.startsWith(word) : folded[i] === word) };
}

/** A searched word as the page's words are split: a CJK run into its characters. */
function termWords(word: string): string[] {
  if (!hasCjk(word)) return [foldWord(word)];
  return Array.from(word.matchAll(MARK_WORDS), (m) => m[1] ?? foldWord(m[0]));
}

/** For each word where a term's match starts, the index of that term and the match's length in words. */
function matches(words: Words, terms: HighlightTerm[]): { at: number; length: number; term: number }[] {
  const found: { at: number; length: number; term: number }[] = [];
  const folded = terms.map((t) => ({ words: t.words.flatMap(termWords), prefix: t.prefix }));
  const count = words.count;
  for (let i = 0; i < count; i++) {
    for (let term = 0; term < folded.length; term++) {
      const t = folded[term]!;
      const last = t.words.length - 1;
      if (i + last >= count) continue;
      let k = 0;
      while (k <= last && words.is(i + k, t.words[k]!, k === last && t.prefix)) k++;
      if (k > last) {
        found.push({ at: i, length: t.words.length, term });
        break;
      }
    }
  }
  return found;
}

/**
 * Up to `words` words of `text` around the window holding the most distinct terms (then the most matches, then the
 * earliest), each match wrapped in `open`/`close`, with `ellipsis` where the page goes on. On a page mostly in CJK,
 * where each character counts as a word, the window is twice as many characters: a Chinese word is one to three.
 */
export function makeSnippet(text: string, terms: HighlightTerm[], open: string, close: string, ellipsis: string, words = 16): string {
  const page = wordsOf(text);
  const count = page.count;
  if (count === 0) return '';
  const size = page.cjk * 2 > count ? words * 2 : words;
  const found = matches(page, terms);
  let bestStart = 0;
  let bestScore = -1;
  // Matches are in word order, so those that start in a window are a run of them, found from where the last window's began.
  const seen = new Int32Array(terms.length).fill(-1);
  let from = 0;
  for (let w = 0; w < found.length; w++) {
    const start = Math.max(0, Math.min(found[w]!.at - Math.floor(size / 4), count - size));
    while (found[from]!.at < start) from++;
    let distinct = 0;
    let inside = 0;
    for (let j = from; j < found.length && found[j]!.at < start + size; j++) {
      const m = found[j]!;
      if (m.at + m.length > start + size) continue;
      inside++;
      if (seen[m.term] !== w) {
        seen[m.term] = w;
        distinct++;
      }
    }
    const score = distinct * 1000 + inside;
    if (score > bestScore) [bestStart, bestScore] = [start, score];
  }
  const end = Math.min(count, bestStart + size);
  let out = bestStart > 0 ? ellipsis : '';
  let cursor = page.start[bestStart]!;
  for (const m of found) {
    if (m.at < bestStart || m.at + m.length > end) continue;
    const from = page.start[m.at]!;
    const to = page.end[m.at + m.length - 1]!;
    out += text.slice(cursor, from) + open + text.slice(from, to) + close;
    cursor = to;
  }
  return end < count ? out + text.slice(cursor, page.end[end - 1]!) + ellipsis : out + text.slice(cursor).trimEnd();
}
