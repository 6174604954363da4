// Turns what a user types in the search box into a safe SQLite FTS5 MATCH expression.
import { UserError } from '../../../shared/errors.ts';
import { indexedPhrase, withoutRunGaps } from './cjk-text.ts';
import type { HighlightTerm } from './snippet.ts';

const MAX_LENGTH = 1_000;
const MAX_TERMS = 64;
/** FTS5's parser stack overflows on deep nesting; eight levels of user parentheses stay well clear of it. */
const MAX_NESTING = 8;
const MAX_NEAR_DISTANCE = 1_000;
const DEFAULT_NEAR_DISTANCE = 10;

interface TermToken {
  kind: 'term';
  words: string[];
  prefix: boolean;
  source: string;
}
type Token =
  | TermToken
  | { kind: 'and' | 'or' | 'not' | 'minus' | 'open' | 'close' | 'comma' | 'nearOpen' }
  | { kind: 'near'; distance: number };

type Node =
  | TermToken
  | { kind: 'near'; terms: TermToken[]; distance: number }
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node };

/** An emitted FTS5 expression and its top operator, which decides where it needs parentheses. */
interface Expr {
  text: string;
  op: 'atom' | 'and' | 'or' | 'not';
  /** Its phrases in the order FTS5 numbers them (the order bm25 sums them in). */
  phrases: RankedPhrase[];
  /** Whether a NOT is inside it. */
  hasNot: boolean;
}

/**
 * A phrase of the search as FTS5 numbers them, for ranking (search/ranking.ts): bm25 is a sum over these phrases,
 * each scored as FTS5 scores it when asked for alone.
 */
export interface RankedPhrase {
  /** The phrase as an FTS5 expression of its own: "a b", or "pre"* for a prefix. */
  match: string;
  /**
   * False when no hit can score it: it is excluded by the NOT at the top of the search. A phrase excluded under an
   * OR, or inside an exclusion, is left true: there FTS5 may count an instance on a hit the other side matched.
   */
  scores: boolean;
}

/** What ranking needs to know of a search besides its expression. */
export interface RankingShape {
  phrases: RankedPhrase[];
  /** A NEAR group is in it: FTS5 scores only the instances that are near, not what a phrase scores alone. */
  near: boolean;
}

/** What a node matches: `pos` minus each of `negs`; FTS5's NOT is binary, so exclusions wait for a positive. */
interface Compiled {
  pos: Expr | null;
  negs: Expr[];
}

/**
 * Syntax: words, "quoted phrases", prefix*, AND, OR, NOT (upper case), -excluded, ( ), NEAR(a b, 10),
 * a NEAR b, a NEAR/5 b. As in Westlaw, Lexis and Google, OR binds tighter than AND: `breach OR violation
 * contract` is (breach OR violation) AND contract. NOT excludes what follows it up to the next AND or
 * implicit AND (`a NOT b OR c` is a NOT (b OR c)); a minus excludes only the term or group it is attached to.
 * Every word and phrase is emitted as an FTS5 string, so no character the user types is FTS5 syntax.
 * Throws UserError bad_input for a malformed search and too_large past a limit.
 */
export function toFtsQuery(input: string): string {
  return parseSearch(input).match;
}

/** The FTS5 expression of a search, and the words and phrases it looks for (not those it excludes) to mark in hits. */
export function parseSearch(input: string): { match: string; terms: HighlightTerm[]; ranking: RankingShape } {
  if (input.length > MAX_LENGTH) {
    throw tooLarge(`A search can be at most ${MAX_LENGTH.toLocaleString('en-US')} characters long.`);
  }
  if (input.trim() === '') throw bad('Type something to search for.');
  const tokens = tokenize(input);
  if (tokens.length === 0) throw bad('There are no letters or numbers to search for.');
  if (tokens.filter((t) => t.kind === 'term').length > MAX_TERMS) {
    throw tooLarge(`A search can have at most ${MAX_TERMS} words and phrases.`);
  }
  const tree = new Parser(tokens).parseAnd();
  const compiled = compile(tree);
  if (compiled.pos === null) throw bad('A search cannot consist only of excluded terms.');
  const root = withExclusions(compiled, true);
  return { match: root.text, terms: soughtTerms(tree), ranking: { phrases: root.phrases, near: hasNear(tree) } };
}

function hasNear(node: Node): boolean {
  switch (node.kind) {
    case 'term':
      return false;
    case 'near':
      return true;
    case 'and':
    case 'or':
      return node.items.some(hasNear);
    case 'not':
      return hasNear(node.item);
  }
}

function soughtTerms(node: Node): HighlightTerm[] {
  switch (node.kind) {
    case 'term':
      return [{ words: node.words, prefix: node.prefix }];
    case 'near':
      return node.terms.flatMap(soughtTerms);
    case 'and':
    case 'or':
      return node.items.flatMap(soughtTerms);
    case 'not':
      return [];
  }
}

function bad(message: string): UserError {
  return new UserError('bad_input', message);
}

function tooLarge(message: string): UserError {
  return new UserError('too_large', message);
}

/** The words FTS5's unicode61 tokenizer (with remove_diacritics) would make of the text; the rest separates them. */
function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}\p{Co}\p{Mn}]+/gu) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let nearDepth: number | null = null; // inside NEAR( … ) a comma introduces the distance
  let i = 0;
  const open = (kind: 'open' | 'nearOpen') => {
    if (++depth > MAX_NESTING) throw tooLarge(`Parentheses can be nested at most ${MAX_NESTING} deep.`);
    if (kind === 'nearOpen') nearDepth = depth;
    tokens.push({ kind });
  };
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw bad('A quotation mark is missing its partner: close the phrase with ".');
      const source = input.slice(i, end + 1);
      const words = wordsOf(withoutRunGaps(source));
      if (words.length === 0) throw bad(`The phrase ${source} has no letters or numbers to search for.`);
      i = end + 1;
      const prefix = input[i] === '*';
      while (input[i] === '*') i++;
      tokens.push({ kind: 'term', words, prefix, source });
    } else if (c === '(') {
      open('open');
      i++;
    } else if (c === ')') {
      if (depth === 0) throw bad('There is a ) without a matching (.');
      if (nearDepth === depth) nearDepth = null;
      depth--;
      tokens.push({ kind: 'close' });
      i++;
    } else if (c === ',' && nearDepth === depth) {
      tokens.push({ kind: 'comma' });
      i++;
    } else if (c === '-' && (input[i + 1] === '"' || input[i + 1] === '(')) {
      tokens.push({ kind: 'minus' });
      i++;
    } else {
      let end = i;
      while (end < input.length && !/[\s"()]/.test(input[end]!) && !(input[end] === ',' && nearDepth === depth)) end++;
      const chunk = input.slice(i, end);
      i = end;
      if (chunk === 'NEAR' && /^\s*\(/.test(input.slice(i))) {
        i = input.indexOf('(', i) + 1;
        open('nearOpen');
      } else {
        tokens.push(...chunkTokens(chunk));
      }
    }
  }
  if (depth > 0) throw bad('There is a ( without a matching ).');
  return tokens;
}

/** The tokens of a run of text without spaces, quotes or parentheses: an operator, or a term and perhaps a minus. */
function chunkTokens(chunk: string): Token[] {
  if (chunk === 'AND') return [{ kind: 'and' }];
  if (chunk === 'OR') return [{ kind: 'or' }];
  if (chunk === 'NOT') return [{ kind: 'not' }];
  if (chunk === 'NEAR') return [{ kind: 'near', distance: DEFAULT_NEAR_DISTANCE }];
  if (chunk.startsWith('NEAR/')) return [{ kind: 'near', distance: nearDistance(chunk.slice(5)) }];
  const excluded = chunk.length > 1 && chunk.startsWith('-');
  const body = excluded ? chunk.slice(1) : chunk;
  const stem = body.replace(/\*+$/, '');
  const prefix = stem !== body;
  if (stem.includes('*')) throw bad(`A * can only end a word, as in install* (found in ${chunk}).`);
  const words = wordsOf(stem);
  if (words.length === 0 && prefix) throw bad('A * needs letters or numbers before it, as in install*.');
  // Punctuation on its own ("§", "&", "—") is what the index skips too.
  if (words.length === 0) return [];
  const term: TermToken = { kind: 'term', words, prefix, source: body };
  return excluded ? [{ kind: 'minus' }, term] : [term];
}

function nearDistance(digits: string): number {
  if (!/^\d+$/.test(digits)) throw bad('NEAR/ must be followed by a number of words, as in contract NEAR/5 breach.');
  const distance = Number(digits);
  if (distance > MAX_NEAR_DISTANCE) throw tooLarge(`A NEAR distance can be at most ${MAX_NEAR_DISTANCE} words.`);
  return distance;
}

const NEAR_EXAMPLE = 'as in NEAR(contract breach, 10) or contract NEAR/5 breach';

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Terms joined by AND or by nothing, up to a ")" or the end (the tokenizer balanced the parentheses). */
  parseAnd(): Node {
    const items: Node[] = [];
    for (let t = this.peek(); t && t.kind !== 'close'; t = this.peek()) {
      if (t.kind === 'and') {
        this.i++;
        if (items.length === 0 || !startsItem(this.peek())) throw bad('AND needs a term on each side.');
      }
      items.push(this.parseAndItem());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private parseAndItem(): Node {
    if (this.peek()?.kind !== 'not') return this.parseOr();
    this.i++;
    if (!startsItem(this.peek())) throw bad('NOT needs a term after it.');
    return { kind: 'not', item: this.parseOr() };
  }

  private parseOr(): Node {
    const items = [this.parseUnary()];
    while (this.peek()?.kind === 'or') {
      this.i++;
      if (!startsItem(this.peek())) throw bad('OR needs a term on each side.');
      items.push(this.parseUnary());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private parseUnary(): Node {
    const kind = this.peek()?.kind;
    if (kind !== 'minus' && kind !== 'not') return this.parsePrimary();
    this.i++;
    if (!startsItem(this.peek())) throw bad('NOT needs a term after it.');
    return { kind: 'not', item: this.parseUnary() };
  }

  private parsePrimary(): Node {
    const t = this.tokens[this.i++]!;
    switch (t.kind) {
      case 'term':
        return this.parseNearChain(t);
      case 'open': {
        if (this.peek()?.kind === 'close') throw bad('The parentheses ( ) are empty.');
        const node = this.parseAnd();
        this.i++; // the ")" the tokenizer guaranteed
        return node;
      }
      case 'nearOpen':
        return this.parseNearGroup();
      case 'near':
        throw bad(`NEAR needs a word or phrase on each side, ${NEAR_EXAMPLE}.`);
      case 'and':
      case 'or':
        throw bad(`${t.kind.toUpperCase()} needs a term on each side.`);
      default:
        throw new Error(`query parser reached a ${t.kind} token it should have consumed`);
    }
  }

  /** `a NEAR b NEAR/5 c` is one FTS5 NEAR group; it takes the largest distance given, since it has only one. */
  private parseNearChain(first: TermToken): Node {
    const terms = [first];
    let distance = 0;
    for (let t = this.peek(); t?.kind === 'near'; t = this.peek()) {
      this.i++;
      const next = this.peek();
      if (next?.kind !== 'term') throw bad(`NEAR needs a word or phrase on each side, ${NEAR_EXAMPLE}.`);
      this.i++;
      terms.push(next);
      distance = Math.max(distance, t.distance);
    }
    return terms.length === 1 ? first : { kind: 'near', terms, distance };
  }

  private parseNearGroup(): Node {
    const terms: TermToken[] = [];
    let distance = DEFAULT_NEAR_DISTANCE;
    for (let t = this.tokens[this.i++]!; t.kind !== 'close'; t = this.tokens[this.i++]!) {
      if (t.kind === 'term') {
        terms.push(t);
      } else if (t.kind === 'comma') {
        const d = this.tokens[this.i++]!;
        if (d.kind !== 'term' || !/^\d+$/.test(d.source)) {
          throw bad(`The distance in NEAR( ) must be a whole number of words, ${NEAR_EXAMPLE}.`);
        }
        distance = nearDistance(d.source);
        if (this.peek()?.kind !== 'close') throw bad(`NEAR( ) ends with its distance, ${NEAR_EXAMPLE}.`);
      } else {
        throw bad(`NEAR( ) can only contain words and phrases, ${NEAR_EXAMPLE}.`);
      }
    }
    if (terms.length < 2) throw bad(`NEAR needs at least two words or phrases, ${NEAR_EXAMPLE}.`);
    return { kind: 'near', terms, distance };
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
}

function startsItem(t: Token | undefined): boolean {
  return t !== undefined && ['term', 'open', 'nearOpen', 'minus', 'not'].includes(t.kind);
}

function compile(node: Node): Compiled {
  switch (node.kind) {
    case 'term':
      return { pos: atom(phrase(node), [phrase(node)]), negs: [] };
    case 'near':
      return { pos: atom(`NEAR(${node.terms.map(phrase).join(' ')}, ${node.distance})`, node.terms.map(phrase)), negs: [] };
    case 'and': {
      const parts = node.items.map(compile);
      const positives = parts.flatMap((p) => (p.pos ? [p.pos] : []));
      return { pos: positives.length ? join(positives, 'and') : null, negs: parts.flatMap((p) => p.negs) };
    }
    case 'or': {
      const sides = node.items.map((item) => {
        const part = compile(item);
        if (part.pos === null) {
          throw bad('A search cannot consist only of excluded terms: each side of OR needs a term to look for.');
        }
        return withExclusions(part);
      });
      return { pos: join(sides, 'or'), negs: [] };
    }
    case 'not': {
      const part = compile(node.item);
      if (part.pos === null) throw bad('A term cannot be excluded twice; remove one of the NOTs or minus signs.');
      return { pos: null, negs: [withExclusions(part)] };
    }
  }
}

/**
 * An FTS5 string: the words as the index holds them (CJK runs as pairs of characters) inside double quotes (a quote
 * would be doubled), so no character is syntax.
 */
function phrase(term: TermToken): string {
  const { words, prefix } = indexedPhrase(term.words, term.prefix);
  return `"${words.join(' ').replaceAll('"', '""')}"${prefix ? '*' : ''}`;
}

function atom(text: string, phrases: string[]): Expr {
  return { text, op: 'atom', phrases: phrases.map((match) => ({ match, scores: true })), hasNot: false };
}

function join(parts: Expr[], op: 'and' | 'or'): Expr {
  if (parts.length === 1) return parts[0]!;
  const keyword = op === 'and' ? ' AND ' : ' OR ';
  return {
    text: parts.map((p) => (p.op === 'atom' || p.op === op ? p.text : `(${p.text})`)).join(keyword),
    op,
    phrases: parts.flatMap((p) => p.phrases),
    hasNot: parts.some((p) => p.hasNot),
  };
}

/**
 * `pos` NOT each of `negs`. At the top of the search (`top`), a hit never holds an excluded phrase where FTS5 counts it,
 * so those phrases cannot score; below an OR, FTS5's cursor over an exclusion can rest on a hit the other side matched.
 */
function withExclusions({ pos, negs }: Compiled, top = false): Expr {
  if (negs.length === 0) return pos!;
  // FTS5's NOT binds tighter than AND and OR, so a compound on either side needs parentheses.
  const left = pos!.op === 'atom' ? pos!.text : `(${pos!.text})`;
  const right = negs.map((n) => (n.op === 'atom' ? n.text : `(${n.text})`));
  const excluded = negs.flatMap((n) => n.phrases.map((p) => ({ match: p.match, scores: p.scores && !(top && !n.hasNot) })));
  return { text: [left, ...right].join(' NOT '), op: 'not', phrases: [...pos!.phrases, ...excluded], hasNot: true };
}
