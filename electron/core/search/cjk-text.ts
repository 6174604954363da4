// Chinese, Japanese and Korean text for a word index: FTS5's unicode61 tokenizer takes a whole run of CJK characters
// (a clause, often a sentence) as one word, so a word inside it could not be found. Each run is indexed as its
// overlapping pairs of characters, and a search asks for the pairs of what it looks for, which finds it anywhere in a run.
import type Database from 'better-sqlite3';

// Letters of the Han, kana and Hangul scripts (by Script_Extensions, so the kana length mark ー and the iteration mark 々
// belong to the run); their punctuation (、。「」) separates runs, as it separates words for the tokenizer.
const CJK_LETTER = String.raw`[[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]&&[\p{L}\p{Nl}]]`;
// Chinese and Japanese, unlike Korean, put no spaces between words: the spaces and the line break that text layers
// put between two of their characters (a line may end in the middle of a word) do not end the run.
const HAN_KANA = String.raw`[[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]&&[\p{L}\p{Nl}]]`;
const HAN_KANA_GAP = String.raw`(?<=${HAN_KANA}\p{M}*)[\t \u3000]*(?:\r?\n[\t \u3000]*)?(?=${HAN_KANA})`;
// A character with the combining marks after it, which the tokenizer keeps in the word (a kana's voicing mark).
const UNIT = String.raw`${CJK_LETTER}\p{M}*`;
const HAS_CJK = new RegExp(CJK_LETTER, 'v');
/** Each CJK letter, one match each. */
export const CJK_LETTERS = new RegExp(CJK_LETTER, 'gv');
const GAPS = new RegExp(HAN_KANA_GAP, 'gv');
const RUN = new RegExp(`${UNIT}(?:(?:${HAN_KANA_GAP})?${UNIT})*`, 'gv');
const UNITS = new RegExp(UNIT, 'gv');

/**
 * The words of text with CJK in it, as matches are marked: each CJK character (with its marks) is one, captured as
 * group 1; other letters and digits (with the tokenizer's other word characters) run together as they do for it.
 */
export const MARK_WORDS = new RegExp(String.raw`(${UNIT})|[[\p{L}\p{N}\p{Co}\p{Mn}]--${CJK_LETTER}]+`, 'gv');

export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text);
}

/**
 * The text as the full-text index is given it: each CJK run c1 c2 … cn becomes the words c1c2 c2c3 … cn-1cn cn, set
 * apart from letters around it. Every character of the run begins exactly one word, so a word of two or more
 * characters is the phrase of its pairs, and a single character is the prefix of a word. Other text is unchanged,
 * so text without CJK is indexed exactly as before.
 */
export function indexedText(text: string): string {
  if (!HAS_CJK.test(text)) return text;
  return text.replace(RUN, (run) => {
    const units = run.match(UNITS)!;
    return ` ${[...pairs(units), units.at(-1)!].join(' ')} `;
  });
}

function pairs(units: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < units.length; i++) out.push(units[i - 1]! + units[i]!);
  return out;
}

/**
 * The words of the index that a phrase of tokenizer words stands for, and whether the last is a prefix. A CJK run
 * is its pairs; a run followed by more of the phrase also ends with its last character, as the indexed run must end
 * there for the next word to follow; a single character ending the phrase is a prefix (any pair it begins).
 */
export function indexedPhrase(words: string[], prefix: boolean): { words: string[]; prefix: boolean } {
  const pieces = words.flatMap(runsOf);
  const out: string[] = [];
  let lastPrefix = prefix;
  pieces.forEach((piece, i) => {
    if (typeof piece === 'string') {
      out.push(piece);
      return;
    }
    out.push(...pairs(piece));
    const last = i === pieces.length - 1;
    if (!last || piece.length === 1) out.push(piece.at(-1)!);
    if (last && piece.length === 1) lastPrefix = true;
  });
  return { words: out, prefix: lastPrefix };
}

/** A phrase with the spaces and line breaks inside its Chinese and Japanese runs taken out, as the index reads them. */
export function withoutRunGaps(text: string): string {
  return text.replace(GAPS, '');
}

/** A tokenizer word split into its CJK runs (as their characters) and the other letters between them. */
function runsOf(word: string): (string | string[])[] {
  if (!HAS_CJK.test(word)) return [word];
  const out: (string | string[])[] = [];
  for (const [piece, cjk] of word.matchAll(MARK_WORDS)) {
    const before = out.at(-1);
    if (cjk === undefined) out.push(piece);
    else if (Array.isArray(before)) before.push(cjk);
    else out.push([cjk]);
  }
  return out;
}

// Registered once per connection: redefining a function while a statement of it is running is refused by SQLite.
const registered = new WeakSet<Database.Database>();

/**
 * Makes `indexed_text()` known to a connection: the triggers that keep the full-text index call it, so a connection
 * that writes texts needs it (`migrate` registers it on every connection it is given).
 */
export function registerIndexedText(db: Database.Database): void {
  if (registered.has(db)) return;
  // The name is fixed: migration 0040 wrote it into the triggers of every case.
  db.function('indexed_text', { deterministic: true }, (text) => (typeof text === 'string' ? indexedText(text) : text));
  registered.add(db);
}
