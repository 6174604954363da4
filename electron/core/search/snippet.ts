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
  start: number[];
  end: number[];
  is(i: number, word: string, prefix: boolean): boolean;
}

const isAsciiLetterOrDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

function words(text: string): Words {
  const start: number[] = [];
  const end: number[] = [];
  // Most pages are plain ASCII, where a word is a run of letters and digits and folding is lower-casing: the page
  // is lower-cased once and words are compared in place (no string or object per word; snippets of 200 hits were a
  // third of a search's time when each word was a matched, lower-cased string).
  if (ASCII.test(text)) {
    const lower = text.toLowerCase();
    for (let i = 0; i < lower.length; i++) {
      if (!isAsciiLetterOrDigit(lower.charCodeAt(i))) continue;
      start.push(i);
      while (i + 1 < lower.length && isAsciiLetterOrDigit(lower.charCodeAt(i + 1))) i++;
      end.push(i + 1);
    }
    return {
      start,
      end,
      is: (i, word, prefix) => {
        const length = end[i]! - start[i]!;
        return (prefix ? length >= word.length : length === word.length) && lower.startsWith(word, start[i]);
      },
    };
  }
  const folded: string[] = [];
  for (const m of text.matchAll(WORD)) {
    if (!HAS_LETTER_OR_DIGIT.test(m[0])) continue;
    start.push(m.index);
    end.push(m.index + m[0].length);
    folded.push(foldWord(m[0]));
  }
  return { start, end, is: (i, word, prefix) => (prefix ? folded[i]!.startsWith(word) : folded[i] === word) };
}

/** For each word where a term's match starts, the index of that term and the match's length in words. */
function matches(words: Words, terms: HighlightTerm[]): { at: number; length: number; term: number }[] {
  const found: { at: number; length: number; term: number }[] = [];
  const folded = terms.map((t) => ({ words: t.words.map(foldWord), prefix: t.prefix }));
  const count = words.start.length;
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
  const count = page.start.length;
  if (count === 0) return '';
  const found = matches(page, terms);
  let bestStart = 0;
  let bestScore = -1;
  for (const first of found) {
    const start = Math.max(0, Math.min(first.at - Math.floor(size / 4), count - size));
    const inside = found.filter((m) => m.at >= start && m.at + m.length <= start + size);
    const score = new Set(inside.map((m) => m.term)).size * 1000 + inside.length;
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
