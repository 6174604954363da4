// Chinese, Japanese and Korean search through the real index and the real search code: a word is found anywhere in
// a run, phrases, prefixes, boolean and NEAR queries keep their meaning, and snippets mark what was found.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedPhrase, indexedText } from '../../electron/core/search/cjk-text.ts';
import { parseSearch, toFtsQuery } from '../../electron/core/search/query-parser.ts';
import { createSearchIndex } from '../../electron/core/search/search-index.ts';
import { makeSnippet } from '../../electron/core/search/snippet.ts';
import { migrate } from '../../electron/core/store/migrations/index.ts';

describe('the text the index is given', () => {
  it('turns each CJK run into its pairs and its last character, apart from the letters around it', () => {
    expect(indexedText('日本語メールテスト')).toBe(' 日本 本語 語メ メー ール ルテ テス スト ト ');
    expect(indexedText('件名：東京mail')).toBe(' 件名 名 ： 東京 京 mail');
    expect(indexedText('서울에서 회의')).toBe(' 서울 울에 에서 서   회의 의 ');
    expect(indexedText('々 and 〇')).toBe(' 々  and  〇 ');
  });

  it('keeps a Chinese or Japanese run whole across the spaces and the line break a text layer puts in it, not Korean', () => {
    expect(indexedText('がマ\nクロ 経済')).toBe(' がマ マク クロ ロ経 経済 済 ');
    expect(indexedText('マ\n\nクロ')).toBe(' マ \n\n クロ ロ ');
    expect(indexedText('서울 에서')).toBe(' 서울 울   에서 서 ');
    expect(toFtsQuery('"日本 語"')).toBe('"日本 本語"');
    expect(toFtsQuery('"商品」がマクロ"')).toBe('"商品 品 がマ マク クロ"');
    expect(toFtsQuery('"서울 에서"')).toBe('"서울 울 에서"');
  });

  it('leaves text without CJK exactly as it was', () => {
    const latin = 'Webb shipped the Data Exchange System — café, naïve, 18 U.S.C. § 1836; Москва Ελλάδα';
    expect(indexedText(latin)).toBe(latin);
  });

  it('asks for the pairs of a CJK word; the last character too when the phrase goes on; one character as a prefix', () => {
    expect(indexedPhrase(['日本語'], false)).toEqual({ words: ['日本', '本語'], prefix: false });
    expect(indexedPhrase(['日本語', 'mail'], false)).toEqual({ words: ['日本', '本語', '語', 'mail'], prefix: false });
    expect(indexedPhrase(['日'], false)).toEqual({ words: ['日'], prefix: true });
    expect(indexedPhrase(['日', 'mail'], false)).toEqual({ words: ['日', 'mail'], prefix: false });
    expect(indexedPhrase(['mail東京'], false)).toEqual({ words: ['mail', '東京'], prefix: false });
    expect(indexedPhrase(['install'], true)).toEqual({ words: ['install'], prefix: true });
  });
});

describe('searching CJK text', () => {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare("INSERT INTO originals VALUES (?, 10, 'message/rfc822', '2026-01-01')").run('a'.repeat(64));
  db.prepare(
    `INSERT INTO exhibits (exhibit_no, seq, title, kind, source_name, source_path, sha256, media_type, page_count, text_layer, imported_at)
     VALUES ('PX-001', 1, 'Suzhou servers', 'pdf', 'a.pdf', '/x/a.pdf', ?, 'application/pdf', 6, 1, '2026-01-01')`,
  ).run('a'.repeat(64));
  const pages: Record<number, string> = {
    1: '件名：日本語メールテスト。本文は東京都の支社から送られました。',
    2: 'Webb shipped the Data Exchange System source code to Suzhou: 苏州服务器的数据交换系统源代码已经发送。',
    3: '日本の語学教室。',
    4: '서울에서 회의가 열렸습니다.',
    5: 'The contract was signed in 東京 on Monday.',
    6: '数据和交换是两个词。',
    8: '「取引できない商品」がマ\nクロ経済変数など',
  };
  const insert = db.prepare("INSERT INTO texts (exhibit_id, source, page, text) VALUES (1, 'page', ?, ?)");
  for (const [page, text] of Object.entries(pages)) insert.run(Number(page), text);
  const index = createSearchIndex(db);
  const pagesFound = (query: string) => {
    const { match, terms } = parseSearch(query);
    return index.search(match, terms, {}, 50).map((h) => h.page).sort();
  };
  const snippetOf = (query: string, page: number) => {
    const { match, terms } = parseSearch(query);
    return index.search(match, terms, {}, 50).find((h) => h.page === page)!.snippet;
  };
  afterAll(() => db.close());

  it.each([
    ['日本語', [1]],
    ['東京', [1, 5]],
    ['数据交换', [2]],
    ['"数据交换"', [2]],
    ['서울', [4]],
    ['日本', [1, 3]],
    ['日', [1, 3]],
    ['語', [1, 3]],
    ['本語', [1]],
    ['東京 contract', [5]],
    ['東京 OR 서울', [1, 4, 5]],
    ['東京 -contract', [1]],
    ['東京 NOT 日本語', [5]],
    ['"東京 on"', [5]],
    ['"in 東京"', [5]],
    ['"in 東京 on"', [5]],
    ['"京 on"', [5]],
    ['"京都"', [1]],
    ['NEAR(Suzhou 数据交换, 10)', [2]],
    ['NEAR(Suzhou 数据交换, 2)', []],
    ['数据 交换', [2, 6]],
    ['东京', []],
    ['日本語メールテストです', []],
    ['マクロ経済', [8]],
    ['"商品 がマクロ"', []],
    ['"商品がマクロ"', []],
    ['"商品」がマクロ"', [8]],
  ])('%s finds pages %j', (query, expected) => {
    expect(pagesFound(query)).toEqual(expected);
  });

  it('counts what it finds as the search does', () => {
    expect(index.count(toFtsQuery('東京'), {})).toMatchObject({ matches: 2, atLeast: false });
    expect(index.count(toFtsQuery('日'), {})).toMatchObject({ matches: 2 });
  });

  it('marks the word in the snippet, however long the run around it', () => {
    expect(snippetOf('日本語', 1)).toBe('件名：«日本語»メールテスト。本文は東京都の支社から送られました。');
    expect(snippetOf('数据交换', 2)).toContain('苏州服务器的«数据交换»系统源代码');
    expect(snippetOf('東京 contract', 5)).toBe('The «contract» was signed in «東京» on Monday.');
    expect(snippetOf('日', 3)).toBe('«日»本の語学教室。');
  });

  it('marks words among characters beyond the Basic Multilingual Plane (CJK Extension B)', () => {
    insert.run(9, '𠮷野家の日本語メニュー');
    expect(pagesFound('野家')).toEqual([9]);
    expect(snippetOf('日本語', 9)).toBe('𠮷野家の«日本語»メニュー');
    expect(snippetOf('𠮷野', 9)).toBe('«𠮷野»家の日本語メニュー');
  });

  it('keeps a long CJK snippet to a window around the match', () => {
    const text = `${'あ'.repeat(100)}日本語${'い'.repeat(100)}`;
    const { terms } = parseSearch('日本語');
    const snippet = makeSnippet(text, terms, '«', '»', '…');
    expect(snippet).toMatch(/^…あ+«日本語»い+…$/);
    expect(snippet.length).toBeLessThan(40);
  });

  it('ranks a page where the word occurs more often first, as for any language', () => {
    insert.run(7, '東京、東京、東京。');
    expect(snippetOf('マクロ', 8)).toBe('取引できない商品」が«マ\nクロ»経済変数など');
    expect(pagesFound('東京')).toEqual([1, 5, 7]);
    const { match, terms } = parseSearch('東京');
    expect(index.search(match, terms, {}, 1)[0]!.page).toBe(7);
  });
});
