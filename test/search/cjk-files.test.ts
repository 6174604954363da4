// CJK search end to end: files imported into a case are found by a word inside a run of Chinese, Japanese or Korean
// text, in their pages, bodies, OCR text and metadata, through the app's API and the CLI, with the word marked.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseApi } from '../../electron/core/api.ts';
import { openCaseFolder } from '../../electron/core/case/case-folder.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { cliJson } from '../fixtures/cli.ts';
import { CORPUS_DIR, CORPUS_MISSING, HAS_CORPUS } from '../fixtures/corpus.ts';
import { encodeB } from '../fixtures/emails.ts';
import { writePdf } from '../fixtures/pdfs.ts';

/** A UTF-8 email as a Japanese or Chinese mail client writes one: encoded-word subject, base64 body. */
function cjkEmail(subject: string, body: string): string {
  return [
    'From: Li Wei <li.wei@example.cn>',
    'To: Webb <webb@example.com>',
    `Subject: ${encodeB(subject)}`,
    'Date: Tue, 14 Mar 2017 10:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(body, 'utf8').toString('base64'),
    '',
  ].join('\r\n');
}

const CORPUS_FILES = ['pdf/pdfjs-issue16538.pdf', 'scan/mail-japanese_shift_jis.eml', 'msg/hh-Hello_+CJK.msg', 'scan/pdfjs-issue4061.pdf'];

let api: CaseApi;
let dir: string;

beforeAll(async () => {
  const src = tempDir('cjk-src-');
  fs.writeFileSync(path.join(src, 'tokyo.eml'), cjkEmail('東京サーバーの件', '日本語メールテストです。\r\nよろしくお願いします。'));
  fs.writeFileSync(path.join(src, 'suzhou.eml'), cjkEmail('苏州数据交换系统', '源代码已经发送到苏州服务器。'));
  await writePdf(path.join(src, 'scan.pdf'), { title: 'Scanned letter', pages: ['', 'Shipping ledger'] });
  ({ dir, api } = newCase());
  const paths = [src, ...(HAS_CORPUS ? CORPUS_FILES.map((f) => path.join(CORPUS_DIR, f)).filter((f) => fs.existsSync(f)) : [])];
  const report = await api.importFiles({ paths });
  expect(report.failed).toEqual([]);
  // OCR text of the scanned page, stored as the OCR run stores it (on the case's own connection).
  const folder = openCaseFolder(dir);
  const scan = folder.db.prepare<[], { id: number }>("SELECT id FROM exhibits WHERE title = 'Scanned letter'").get()!;
  folder.db
    .prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (?, 'ocr', 1, ?, '{\"words\":[]}')")
    .run(scan.id, '上海港の請求書。支払期限は三月末日。');
  folder.close();
}, 60_000);

afterAll(() => api?.close());

const found = async (query: string) =>
  (await api.search({ query })).map((h) => ({ title: h.title, source: h.source, page: h.page, snippet: h.snippet }));

describe('CJK search in a case', () => {
  it('finds 日本語, 東京 and 数据交换 inside longer runs, in bodies and metadata, with the word marked', async () => {
    expect(await found('日本語')).toEqual([
      { title: '東京サーバーの件', source: 'body', page: null, snippet: '«日本語»メールテストです。\nよろしくお願いします。' },
    ]);
    expect(await found('東京')).toEqual([expect.objectContaining({ title: '東京サーバーの件', source: 'metadata', snippet: expect.stringContaining('«東京»サーバーの件') })]);
    const exchange = await found('数据交换');
    expect(exchange).toEqual([expect.objectContaining({ title: '苏州数据交换系统', source: 'metadata' })]);
    expect(exchange[0]!.snippet).toContain('苏州«数据交换»系统');
    expect(await found('服务器')).toEqual([expect.objectContaining({ title: '苏州数据交换系统', source: 'body', snippet: '源代码已经发送到苏州«服务器»。' })]);
    expect(await api.countMatches({ query: '苏州' })).toMatchObject({ matches: 2, atLeast: false });
  });

  it('finds OCR text of a scanned page by a word inside its run, and names the page', async () => {
    expect(await found('請求')).toEqual([
      { title: 'Scanned letter', source: 'ocr', page: 1, snippet: '上海港の«請求»書。支払期限は三月末日。' },
    ]);
    expect(await found('"三月末日" OR ledger')).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'ocr', page: 1 }), expect.objectContaining({ source: 'page', page: 2 })]),
    );
  });

  it('finds a word of the search with the filters as for any language', async () => {
    expect(await api.search({ query: '苏州', filters: { kinds: ['pdf'] } })).toEqual([]);
    expect((await api.search({ query: '苏州', filters: { kinds: ['email'] } })).map((h) => h.source).sort()).toEqual(['body', 'metadata']);
  });

  it.skipIf(!HAS_CORPUS)('finds words inside the runs of real Japanese, Chinese and Korean files', async () => {
    // A Japanese text layer whose line ends inside マクロ ("macro").
    expect(await found('マクロ経済')).toEqual([
      expect.objectContaining({ title: 'pdfjs-issue16538', source: 'page', page: 1, snippet: expect.stringContaining('«マ\nクロ経済»') }),
    ]);
    expect((await found('同値確率')).map((h) => h.page)).toEqual([1]);
    // Shift_JIS mail, an Outlook message in three languages, and a Traditional Chinese page.
    expect(await found('テスト')).toEqual(expect.arrayContaining([expect.objectContaining({ title: 'test', source: 'body', snippet: expect.stringContaining('«テスト»用') })]));
    expect((await found('你好')).map((h) => h.title)).toEqual(['Hello +CJK']);
    expect((await found('안녕')).map((h) => h.title)).toEqual(['Hello +CJK']);
    expect((await found('にち')).map((h) => h.title)).toEqual(['Hello +CJK']);
    expect(await found('針針')).toEqual([expect.objectContaining({ title: 'pdfjs-issue4061', source: 'page', page: 1 })]);
  });
});

describe('exhibit-desk search', () => {
  it('finds a word inside a CJK run and marks it, as the app does', async () => {
    const { hits } = await cliJson<{ hits: { exhibitNo: string; source: string; snippet: string }[] }>('search', dir, '数据交换');
    expect(hits).toEqual([expect.objectContaining({ source: 'metadata', snippet: expect.stringContaining('«数据交换»') })]);
  }, 30_000);
});
