// Exact ranking on a generated case: for every kind of search, with each filter, the hits are FTS5's bm25 order over
// every match (ties in exhibit order), whether they came off a phrase's list, from candidates whose bound was met, or
// from FTS5 scoring every match; and lists made before a change to the text are not used after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openCaseFolder, type CaseFolder } from '../../electron/core/case/case-folder.ts';
import { parseSearch } from '../../electron/core/search/query-parser.ts';
import { createSearchIndex, type ResolvedFilters } from '../../electron/core/search/search-index.ts';
import type { RankedBy } from '../../electron/core/search/ranking.ts';
import { newCase } from '../fixtures/case.ts';
import { exactRanking, fillSearchCase, hitKey, type SearchCase } from './search-case.ts';

type Filters = { tags?: string[]; kinds?: string[]; dateFrom?: string; dateTo?: string; paragraph?: number };

/** Each kind of search, and how it should be ranked on this case with short lists (the fast ways must be taken). */
const SHAPES: [label: string, query: string, filters: Filters, by: RankedBy[]][] = [
  ['common word', 'contract', {}, ['list']],
  ['word', 'server', {}, ['list']],
  ['rare word', 'suzhou', {}, ['list']],
  ['prefix', 'instal*', {}, ['list']],
  ['phrase', '"trade secret"', {}, ['list']],
  ['AND', 'payment server', {}, ['candidates']],
  ['OR', 'payment OR server', {}, ['candidates']],
  ['NOT', 'payment -backdoor', {}, ['candidates']],
  ['NOT a common word', 'payment -contract', {}, ['candidates', 'every match']],
  ['boolean', '(payment OR server) AND contract NOT backdoor', {}, ['candidates']],
  ['exclusion inside OR', 'suzhou OR (server -payment)', {}, ['candidates']],
  ['NEAR', 'NEAR(server payment, 5)', {}, ['every match']],
  ['tag', 'payment', { tags: ['hot'] }, ['list', 'every match']],
  ['tag and its children', 'contract', { tags: ['key'] }, ['list', 'every match']],
  ['kind and dates', '"data exchange"', { kinds: ['email'], dateFrom: '2014-01-01', dateTo: '2019-12-31' }, ['list', 'every match']],
  ['paragraph', 'server', { paragraph: 3 }, ['list', 'every match']],
  ['boolean, filtered', 'payment OR server', { tags: ['hot'], kinds: ['pdf'] }, ['candidates', 'every match']],
  ['Chinese word', '合同', {}, ['list']],
  ['Chinese phrase', '"违约责任"', {}, ['list']],
  ['Chinese or English (few matches: FTS5 scores them all)', '合同 OR suzhou', {}, ['every match']],
];

describe('exact ranking for every kind of search', () => {
  let folder: CaseFolder;
  let db: Database.Database;
  let generated: SearchCase;

  beforeAll(() => {
    const created = newCase();
    created.api.close();
    folder = openCaseFolder(created.dir);
    db = folder.db;
    generated = fillSearchCase(db, 120, 50);
  }, 60_000);

  afterAll(() => folder?.close());

  const resolve = (f: Filters): ResolvedFilters => ({ ...f, tags: undefined, tagIds: f.tags?.flatMap((t) => generated.tagIds(t)) }) as ResolvedFilters;

  it('is a case past the old ranking window, with words on most pages', () => {
    const count = (match: string) => db.prepare('SELECT count(*) FROM texts_fts WHERE texts_fts MATCH ?').pluck().get(match) as number;
    expect(count('contract')).toBeGreaterThan(2_000);
    expect(count('server')).toBeGreaterThan(300);
  });

  it("scores a search as the sum of its phrases' scores alone, to the last bit: the premise of the lists' bounds", () => {
    const score = (match: string) =>
      new Map((db.prepare('SELECT rowid, bm25(texts_fts) FROM texts_fts WHERE texts_fts MATCH ?').raw().all(match) as [number, number][]).map(([id, s]) => [id, s]));
    const payment = score('"payment"');
    const server = score('"server"');
    const both = score('"payment" AND "server"');
    expect(both.size).toBeGreaterThan(20);
    for (const [id, s] of both) expect(s).toBe(payment.get(id)! + server.get(id)!);
    // Under OR a text scores only the phrases it holds; NOT at the top scores nothing for the excluded phrase.
    for (const [id, s] of score('"payment" OR "server"')) expect(s).toBe((payment.get(id) ?? 0) + (server.get(id) ?? 0));
    for (const [id, s] of score('"payment" NOT "server"')) expect(s).toBe(payment.get(id)!);
  });

  it.each(SHAPES)('%s: the top 20 and top 100 are exact bm25', (_label, query, filters, by) => {
    // Lists of 16 texts at first, so the bounds decide on this small case as they do on a large one.
    const index = createSearchIndex(db, { listMin: 16 });
    const { match, terms, ranking } = parseSearch(query);
    for (const limit of [20, 100]) {
      const expected = exactRanking(db, match, resolve(filters), limit);
      expect(expected.length).toBeGreaterThan(0);
      expect(index.search(match, terms, resolve(filters), limit, ranking).map(hitKey)).toEqual(expected);
      expect(by).toContain(index.rankedBy);
    }
  });

  it('ranks the same at full list length, and when FTS5 scores every match', () => {
    const index = createSearchIndex(db);
    const every = createSearchIndex(db, { ranking: 'fts5' });
    for (const [, query, filters] of SHAPES) {
      const { match, terms, ranking } = parseSearch(query);
      const expected = exactRanking(db, match, resolve(filters), 50);
      expect(index.search(match, terms, resolve(filters), 50, ranking).map(hitKey), query).toEqual(expected);
      expect(every.search(match, terms, resolve(filters), 50, ranking).map(hitKey), query).toEqual(expected);
      expect(every.rankedBy).toBe('every match');
    }
  });

  it('does not use a list made before the text changed', () => {
    const index = createSearchIndex(db, { listMin: 16 });
    const { match, terms, ranking } = parseSearch('contract');
    const before = index.search(match, terms, {}, 5, ranking).map(hitKey);
    const page = db
      .prepare("SELECT t.id, t.text, e.exhibit_no || '/' || t.page || '/page' AS key FROM texts t JOIN exhibits e ON e.id = t.exhibit_id WHERE t.source = 'page' AND t.text NOT LIKE '%contract%' LIMIT 1")
      .get() as { id: number; text: string; key: string };
    db.prepare('UPDATE texts SET text = ? WHERE id = ?').run('contract '.repeat(30), page.id);
    try {
      const after = index.search(match, terms, {}, 5, ranking).map(hitKey);
      expect(after).toEqual(exactRanking(db, match, {}, 5));
      expect(after[0]).toBe(page.key);
      expect(before).not.toContain(page.key);
    } finally {
      db.prepare('UPDATE texts SET text = ? WHERE id = ?').run(page.text, page.id);
    }
    expect(index.search(match, terms, {}, 5, ranking).map(hitKey)).toEqual(before);
  });
});
