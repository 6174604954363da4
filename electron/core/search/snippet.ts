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
const ASCII_WORD = /[A-Za-z0-9]+/g;

/** How FTS5's unicode61 tokenizer with remove_diacritics compares words: case- and accent-blind. */
function foldWord(word: string): string {
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

interface Token {
  start: number;
  end: number;
  folded: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  // Most pages are plain ASCII, where a word is a run of letters and digits and folding is lower-casing.
  if (ASCII.test(text)) {
    for (const m of text.matchAll(ASCII_WORD)) out.push({ start: m.index, end: m.index + m[0].length, folded: m[0].toLowerCase() });
    return out;
  }
  for (const m of text.matchAll(WORD)) {
    if (HAS_LETTER_OR_DIGIT.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) });
  }
  return out;
}

/** For each token, the index of the term that a match starting there belongs to, and the match's length. */
function matches(words: Token[], terms: HighlightTerm[]): { at: number; length: number; term: number }[] {
  const found: { at: number; length: number; term: number }[] = [];
  const folded = terms.map((t) => ({ words: t.words.map(foldWord), prefix: t.prefix }));
  for (let i = 0; i < words.length; i++) {
    for (let term = 0; term < folded.length; term++) {
      const t = folded[term]!;
      const last = t.words.length - 1;
      let k = 0;
      for (; k <= last; k++) {
        const token = words[i + k]?.folded;
        if (token === undefined || !(k === last && t.prefix ? token.startsWith(t.words[k]!) : token === t.words[k])) break;
      }
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
  const words = tokens(text);
  if (words.length === 0) return '';
  const found = matches(words, terms);
  let bestStart = 0;
  let bestScore = -1;
  for (const first of found) {
    const start = Math.max(0, Math.min(first.at - Math.floor(size / 4), words.length - size));
    const inside = found.filter((m) => m.at >= start && m.at + m.length <= start + size);
    const score = new Set(inside.map((m) => m.term)).size * 1000 + inside.length;
    if (score > bestScore) [bestStart, bestScore] = [start, score];
  }
  const end = Math.min(words.length, bestStart + size);
  let out = bestStart > 0 ? ellipsis : '';
  let cursor = words[bestStart]!.start;
  for (const m of found) {
    if (m.at < bestStart || m.at + m.length > end) continue;
    const from = words[m.at]!.start;
    const to = words[m.at + m.length - 1]!.end;
    out += text.slice(cursor, from) + open + text.slice(from, to) + close;
    cursor = to;
  }
  return end < words.length ? out + text.slice(cursor, words[end - 1]!.end) + ellipsis : out + text.slice(cursor).trimEnd();
}
