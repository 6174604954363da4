// The snippet of a hit: the passage of its page with most of the searched terms, those terms marked.
// Built here rather than by FTS5's snippet(), which re-tokenizes the page inside a second full-text query
// per hit and cost more than the search itself on a large case.

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

/** The words of a page: where each starts and ends, and whether it is a given folded word (or begins with it). */
interface Words {
  count: number;
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

function words(text: string): Words {
  if (ASCII.test(text)) return asciiWords(text);
  const start: number[] = [];
  const end: number[] = [];
  const folded: string[] = [];
  for (const m of text.matchAll(WORD)) {
    if (!HAS_LETTER_OR_DIGIT.test(m[0])) continue;
    start.push(m.index);
    end.push(m.index + m[0].length);
    folded.push(foldWord(m[0]));
  }
  return { count: start.length, start, end, is: (i, word, prefix) => (prefix ? folded[i]!.startsWith(word) : folded[i] === word) };
}

/** For each word where a term's match starts, the index of that term and the match's length in words. */
function matches(words: Words, terms: HighlightTerm[]): { at: number; length: number; term: number }[] {
  const found: { at: number; length: number; term: number }[] = [];
  const folded = terms.map((t) => ({ words: t.words.map(foldWord), prefix: t.prefix }));
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
 * Up to `size` words of `text` around the window holding the most distinct terms (then the most matches, then the
 * earliest), each match wrapped in `open`/`close`, with `ellipsis` where the page goes on.
 */
export function makeSnippet(text: string, terms: HighlightTerm[], open: string, close: string, ellipsis: string, size = 16): string {
  const page = words(text);
  const count = page.count;
  if (count === 0) return '';
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
