import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import { parseSearch, toFtsQuery } from '../../electron/core/search/query-parser.ts';

function words(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `w${i}`);
}

function refusal(input: string): { code: string; message: string } {
  try {
    toFtsQuery(input);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return { code: (e as UserError).code, message: (e as UserError).message };
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe('toFtsQuery output', () => {
  it.each([
    ['suzhou', '"suzhou"'],
    ['  Suzhou  ', '"Suzhou"'],
    ['"data exchange" system', '"data exchange" AND "system"'],
    ['install*', '"install"*'],
    ['"data exch"*', '"data exch"*'],
    ['a AND b', '"a" AND "b"'],
    ['a -b', '"a" NOT "b"'],
    ['a NOT b', '"a" NOT "b"'],
    ['-b a', '"a" NOT "b"'],
    ['a -b -c d', '("a" AND "d") NOT "b" NOT "c"'],
    ['a AND NOT b', '"a" NOT "b"'],
    ['a OR b', '"a" OR "b"'],
    ['breach OR violation contract', '("breach" OR "violation") AND "contract"'],
    ['a NOT b OR c', '"a" NOT ("b" OR "c")'],
    ['(a b) OR c', '("a" AND "b") OR "c"'],
    ['(a OR b) -(c d)', '("a" OR "b") NOT ("c" AND "d")'],
    ['a -(b -c)', '"a" NOT ("b" NOT "c")'],
    ['(a -b) OR c', '("a" NOT "b") OR "c"'],
    ['((a))', '"a"'],
    ['NEAR(a b)', 'NEAR("a" "b", 10)'],
    ['NEAR(a "b c" d*, 5)', 'NEAR("a" "b c" "d"*, 5)'],
    ['NEAR (a b,3)', 'NEAR("a" "b", 3)'],
    ['a NEAR b', 'NEAR("a" "b", 10)'],
    ['a NEAR/5 b', 'NEAR("a" "b", 5)'],
    ['a NEAR/2 b NEAR/4 "c d"', 'NEAR("a" "b" "c d", 4)'],
    ['x a NEAR b', '"x" AND NEAR("a" "b", 10)'],
    ['U.S.C.', '"U S C"'],
    ['§1836', '"1836"'],
    ['18 U.S.C. § 1836', '"18" AND "U S C" AND "1836"'],
    ["don't", '"don t"'],
    ['well-known', '"well known"'],
    ['café', '"café"'],
    ['苏州 工厂', '"苏州" AND "工厂"'],
    ['and or not near', '"and" AND "or" AND "not" AND "near"'],
    ['body:secret', '"body secret"'],
    ['^start +plus a/b', '"start" AND "plus" AND "a b"'],
    ['a - b & c', '"a" AND "b" AND "c"'],
    ['"OR" "NOT"', '"OR" AND "NOT"'],
    ['-OR a', '"a" NOT "OR"'],
    ['Smith, John', '"Smith" AND "John"'],
  ])('%s → %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });
});

describe('toFtsQuery refusals', () => {
  const example = 'as in NEAR(contract breach, 10) or contract NEAR/5 breach';
  const onlyExcluded = 'A search cannot consist only of excluded terms';
  it.each([
    ['', 'bad_input', 'Type something to search for.'],
    ['   \t ', 'bad_input', 'Type something to search for.'],
    ['§ — &', 'bad_input', 'There are no letters or numbers to search for.'],
    ['"data exchange', 'bad_input', 'A quotation mark is missing its partner: close the phrase with ".'],
    ['a "b" "c', 'bad_input', 'A quotation mark is missing its partner: close the phrase with ".'],
    ['""', 'bad_input', 'The phrase "" has no letters or numbers to search for.'],
    ['(a OR b', 'bad_input', 'There is a ( without a matching ).'],
    ['a OR b)', 'bad_input', 'There is a ) without a matching (.'],
    ['()', 'bad_input', 'The parentheses ( ) are empty.'],
    ['a OR', 'bad_input', 'OR needs a term on each side.'],
    ['OR a', 'bad_input', 'OR needs a term on each side.'],
    ['a OR OR b', 'bad_input', 'OR needs a term on each side.'],
    ['(a OR) b', 'bad_input', 'OR needs a term on each side.'],
    ['a AND', 'bad_input', 'AND needs a term on each side.'],
    ['AND a', 'bad_input', 'AND needs a term on each side.'],
    ['a AND OR b', 'bad_input', 'AND needs a term on each side.'],
    ['a NOT', 'bad_input', 'NOT needs a term after it.'],
    ['-b', 'bad_input', `${onlyExcluded}.`],
    ['NOT b', 'bad_input', `${onlyExcluded}.`],
    ['-a -b NOT c', 'bad_input', `${onlyExcluded}.`],
    ['a OR -b', 'bad_input', `${onlyExcluded}: each side of OR needs a term to look for.`],
    ['-(-a) b', 'bad_input', 'A term cannot be excluded twice; remove one of the NOTs or minus signs.'],
    ['*', 'bad_input', 'A * needs letters or numbers before it, as in install*.'],
    ['a -*', 'bad_input', 'A * needs letters or numbers before it, as in install*.'],
    ['in*stall', 'bad_input', 'A * can only end a word, as in install* (found in in*stall).'],
    ['NEAR(a)', 'bad_input', `NEAR needs at least two words or phrases, ${example}.`],
    ['NEAR()', 'bad_input', `NEAR needs at least two words or phrases, ${example}.`],
    ['a NEAR', 'bad_input', `NEAR needs a word or phrase on each side, ${example}.`],
    ['NEAR b', 'bad_input', `NEAR needs a word or phrase on each side, ${example}.`],
    ['(a) NEAR b', 'bad_input', `NEAR needs a word or phrase on each side, ${example}.`],
    ['a NEAR/x b', 'bad_input', 'NEAR/ must be followed by a number of words, as in contract NEAR/5 breach.'],
    ['NEAR(a b, ten)', 'bad_input', `The distance in NEAR( ) must be a whole number of words, ${example}.`],
    ['NEAR(a b, 5 c)', 'bad_input', `NEAR( ) ends with its distance, ${example}.`],
    ['NEAR(a OR b)', 'bad_input', `NEAR( ) can only contain words and phrases, ${example}.`],
    ['NEAR(a b, 5000)', 'too_large', 'A NEAR distance can be at most 1000 words.'],
    ['a'.repeat(1001), 'too_large', 'A search can be at most 1,000 characters long.'],
    [words(65).join(' '), 'too_large', 'A search can have at most 64 words and phrases.'],
    ['('.repeat(9) + 'a' + ')'.repeat(9), 'too_large', 'Parentheses can be nested at most 8 deep.'],
  ])('refuses %j', (input, code, message) => {
    expect(refusal(input)).toEqual({ code, message });
  });
});

describe('toFtsQuery against a real FTS5 index', () => {
  const db = new Database(':memory:');
  db.exec('CREATE VIRTUAL TABLE t USING fts5(body, tokenize="unicode61 remove_diacritics 2")');
  const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
  const documents: Record<number, string> = {
    1: 'Webb shipped the Data Exchange System source code to Suzhou.',
    2: 'The exchange of data with the system ran near Irvine.',
    3: 'Installation of the installer failed on the Suzhou server.',
    4: 'A meeting at the café in Long Beach about confidential information.',
    5: 'Claims under 18 U.S.C. § 1836 and Cal. Civ. Code § 3426.',
    6: "Webb said he didn't keep copies; don't worry.",
    7: 'breach one two three four five six seven eight nine ten eleven twelve contract',
    8: 'contract breach',
    9: 'The cafe menu.',
    10: 'column:value ^caret +plus',
  };
  for (const [rowid, body] of Object.entries(documents)) insert.run(Number(rowid), body);
  const select = db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid');
  const matches = (input: string) => select.all(toFtsQuery(input)).map((r) => r.rowid);
  afterAll(() => db.close());

  it.each([
    ['suzhou', [1, 3]],
    ['data exchange', [1, 2]],
    ['"data exchange"', [1]],
    ['"exchange data"', []],
    ['install', []],
    ['install*', [3]],
    ['suzhou -server', [1]],
    ['suzhou NOT server', [1]],
    ['(suzhou OR irvine) system', [1, 2]],
    ['suzhou OR irvine system', [1, 2]],
    ['café', [4, 9]],
    ['cafe', [4, 9]],
    ['U.S.C.', [5]],
    ['§1836', [5]],
    ['"U.S.C. § 1836"', [5]],
    ["don't", [6]],
    ['breach NEAR contract', [8]],
    ['breach NEAR/12 contract', [7, 8]],
    ['NEAR(breach contract, 11)', [8]],
    ['NEAR(breach contract, 12)', [7, 8]],
    ['NEAR(bre* cont*)', [8]],
    ['near Irvine', [2]],
    ['Cal and Code', [5]],
    ['column:value', [10]],
    ['^caret', [10]],
    ['+plus', [10]],
    ['webb -(copies OR suzhou)', []],
    ['webb -(copies suzhou)', [1, 6]],
  ])('%s matches %j', (input, rowids) => {
    expect(matches(input)).toEqual(rowids);
  });

  it('runs the largest queries it accepts', () => {
    expect(() => select.all(toFtsQuery(words(64).map((w, i) => (i % 2 ? `-${w}` : w)).join(' ')))).not.toThrow();
    expect(() => select.all(toFtsQuery(words(64).join(' OR ')))).not.toThrow();
    const nested = ['a -(b OR c ', ')', 'x (y OR z -(w ', '))', '(', ')', 'p -(q r OR (s ', '))'];
    for (let p = 0; p < nested.length; p += 2) {
      let input = 'k';
      const perLevel = nested[p + 1]!.length;
      for (let level = 0; level < Math.floor(8 / perLevel); level++) input = `${nested[p]}${input}${nested[p + 1]}`;
      expect(() => select.all(toFtsQuery(input))).not.toThrow();
    }
  });

  it('turns 2,000 random strings into expressions FTS5 accepts, or refuses them with a UserError', () => {
    const pieces = [
      'suzhou', 'café', 'U.S.C.', "don't", '§1836', 'Data', 'install*', '苏州', 'e\u0301', '1836', '10', 'near', 'and',
      'AND', 'OR', 'NOT', 'NEAR', 'NEAR/3', 'NEAR(', 'NEAR/x', '"', '""', '(', ')', '*', '-', ',', ':', '^', '+', '/',
      '.', "'", '\\', '{', '}', '[', ']', '~', '&', '|', '—', '\t', ' ', ' ', ' ', ',5)', 'body:', '\u0000', '😀',
    ];
    let seed = 20210823;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 2000; n++) {
      const length = 1 + Math.floor(random() * 12);
      const input = Array.from({ length }, () => {
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        return random() < 0.5 ? `${piece} ` : piece;
      }).join('');
      let expression: string;
      try {
        expression = toFtsQuery(input);
      } catch (e) {
        expect(e, input).toBeInstanceOf(UserError);
        refused++;
        continue;
      }
      expect(() => select.all(expression), `${input} → ${expression}`).not.toThrow();
      accepted++;
    }
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });
});

describe('the phrases ranking sums', () => {
  const shape = (input: string) => parseSearch(input).ranking;
  it.each([
    ['contract', [['"contract"', true]], false],
    ['"trade secret" instal*', [['"trade secret"', true], ['"instal"*', true]], false],
    ['a -b -c d', [['"a"', true], ['"d"', true], ['"b"', false], ['"c"', false]], false],
    ['a NOT b OR c', [['"a"', true], ['"b"', false], ['"c"', false]], false],
    // Below an OR, or inside an exclusion, an excluded phrase may still be counted by FTS5: it stays in the sum.
    ['(a -b) OR c', [['"a"', true], ['"b"', true], ['"c"', true]], false],
    ['a -(b -c)', [['"a"', true], ['"b"', true], ['"c"', true]], false],
    ['NEAR(a b, 3) -c', [['"a"', true], ['"b"', true], ['"c"', false]], true],
    ['合同', [['"合同"', true]], false],
  ] as [string, [string, boolean][], boolean][])('%s', (input, phrases, near) => {
    expect(shape(input)).toEqual({ phrases: phrases.map(([match, scores]) => ({ match, scores })), near });
  });

  it('names the phrases in the order the expression holds them', () => {
    for (const input of ['(payment OR server) AND contract NOT backdoor', 'a NEAR/5 "b c" OR d*', '-x (y OR z) w']) {
      const { match, ranking } = parseSearch(input);
      let at = 0;
      for (const p of ranking.phrases) {
        const found = match.indexOf(p.match, at);
        expect(found, `${p.match} in ${match}`).toBeGreaterThanOrEqual(at);
        at = found + p.match.length;
      }
    }
  });
});
