// Search over a real case database: exact ranking while the matches fit the ranking window, a bounded one past it,
// filters, and query plans that never scan the texts or exhibits tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { openCaseFolder } from '../../electron/core/case/case-folder.ts';
import { COUNT_LIMIT, RANK_WINDOW, allowedTextsStatement, countStatement, searchStatement } from '../../electron/core/search/search-index.ts';
import { createExhibitStore } from '../../electron/core/store/exhibits.ts';
import { createOcrStore } from '../../electron/core/store/ocr-text.ts';
import { createTagStore } from '../../electron/core/store/tags.ts';
import { newCase } from '../fixtures/case.ts';

const EXHIBITS = 60;
const PAGES = Math.ceil((RANK_WINDOW * 1.5) / EXHIBITS); // "common" is on every page: half again the window

function fill(db: Database.Database): void {
  const exhibits = createExhibitStore(db, () => new Map());
  const tags = createTagStore(db);
  const hot = tags.ensure('hot');
  db.transaction(() => {
    for (let n = 1; n <= EXHIBITS; n++) {
      const texts = Array.from({ length: PAGES }, (_, p) => {
        // "rare" appears on a few pages, more often on some, so its ranking has an order to check.
        const rare = p % 97 === 0 ? ` ${'rare '.repeat(1 + (n % 3))}` : '';
        return { source: 'page' as const, page: p + 1, text: `common filler text page ${p + 1} of exhibit ${n}${rare}` };
      });
      const id = exhibits.insert(
        {
          exhibitNo: `PX-${String(n).padStart(3, '0')}`,
          title: `Exhibit ${n}`,
          kind: n % 2 ? 'pdf' : 'email',
          date: `2017-03-${String(1 + (n % 28)).padStart(2, '0')}${n % 2 ? '' : 'T23:30:00Z'}`,
          author: null, from: null, to: null, cc: null, subject: null,
          sourceName: `${n}.pdf`, sourcePath: `/in/${n}.pdf`, sha256: n.toString(16).padStart(64, '0'),
          mediaType: 'application/pdf', pages: PAGES, textLayer: true, encrypted: false, parentId: null, warnings: [],
          importedAt: '2026-01-05T09:00:00.000Z',
        },
        1000,
        texts,
      );
      if (n % 5 === 0) tags.attach(id, hot);
    }
  })();
}

describe('search over a case larger than the ranking window', () => {
  let api: CaseApi;
  let dir: string;
  let reference: Database.Database;

  beforeAll(() => {
    const created = newCase();
    dir = created.dir;
    created.api.close();
    const folder = openCaseFolder(dir);
    fill(folder.db);
    folder.close();
    api = createCaseApi({ dir });
    reference = openCaseFolder(dir).db;
  }, 60_000);

  afterAll(() => {
    api?.close();
    reference?.close();
  });

  it('ranks exactly while the matches fit the window: best score first, then exhibit order, then page', async () => {
    const hits = await api.search({ query: 'rare', limit: 50 });
    const expected = reference
      .prepare(
        `SELECT e.exhibit_no, t.page FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid JOIN exhibits e ON e.id = t.exhibit_id
         WHERE texts_fts MATCH '"rare"' ORDER BY texts_fts.rank, e.seq, e.exhibit_no, t.page LIMIT 50`,
      )
      .all() as { exhibit_no: string; page: number }[];
    expect(expected.length).toBe(50);
    expect(hits.map((h) => [h.exhibitNo, h.page])).toEqual(expected.map((r) => [r.exhibit_no, r.page]));
    expect(hits[0]!.snippet).toContain('«rare»');
  });

  it('past the window still returns the hits asked for, each a page holding the word, marked in its snippet', async () => {
    const total = (reference.prepare(`SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH 'common'`).get() as { n: number }).n;
    expect(total).toBeGreaterThan(RANK_WINDOW);
    const hits = await api.search({ query: 'common', limit: 200 });
    expect(hits).toHaveLength(200);
    for (const h of hits) expect(h.snippet).toMatch(/^«common» filler text page \d+ of exhibit \d+/);
  });

  it('counts every match, with the same filters, and says how many it ranks', async () => {
    const total = (reference.prepare(`SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH 'common'`).get() as { n: number }).n;
    expect(await api.countMatches({ query: 'common' })).toEqual({ matches: total, atLeast: false, ranked: RANK_WINDOW });
    const filtered = reference
      .prepare(
        `SELECT count(*) AS n FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid JOIN exhibits e ON e.id = t.exhibit_id
         WHERE texts_fts MATCH 'common' AND e.kind = 'pdf' AND e.id IN (SELECT exhibit_id FROM exhibit_tags)`,
      )
      .get() as { n: number };
    expect(filtered.n).toBeGreaterThan(0);
    expect(await api.countMatches({ query: 'common', filters: { tags: ['hot'], kinds: ['pdf'] } })).toMatchObject({ matches: filtered.n });
    expect(await api.countMatches({ query: 'nowhere' })).toMatchObject({ matches: 0, atLeast: false });
    await expect(api.countMatches({ query: 'common', filters: { tags: ['no such tag'] } })).rejects.toThrow(/No tag/);
  });

  it('stops counting one past its limit', () => {
    reference.function('search_allows', (_id: number) => 1);
    expect(COUNT_LIMIT).toBeGreaterThan(RANK_WINDOW);
    expect(reference.prepare(countStatement(false)).pluck().get('common', 11)).toBe(11);
    expect(reference.prepare(countStatement(true)).pluck().get('common', 7)).toBe(7);
  });

  it('applies filters before ranking, so a filter never empties a page of hits', async () => {
    const hits = await api.search({ query: 'common', filters: { tags: ['hot'], kinds: ['pdf'] }, limit: 100 });
    expect(hits).toHaveLength(100);
    for (const h of hits) expect(Number(h.exhibitNo.slice(3)) % 10).toBe(5); // tagged (n % 5 = 0) and a PDF (odd)
  });

  it('filters by whole days, whatever the time on the last day', async () => {
    const hits = await api.search({ query: '"page 1 of"', filters: { dateFrom: '2017-03-04', dateTo: '2017-03-05' } });
    expect(new Set(hits.map((h) => h.exhibitNo))).toEqual(new Set(['PX-003', 'PX-004', 'PX-031', 'PX-032', 'PX-059', 'PX-060']));
  });

  it('keeps to the filter when an exhibit\'s texts are not one run of ids (OCR text added after later imports)', async () => {
    // PX-002 is an email of the 2nd of March; its OCR page is written after every other exhibit's texts.
    const px2 = reference.prepare("SELECT id FROM exhibits WHERE exhibit_no = 'PX-002'").pluck().get() as number;
    createOcrStore(reference).save(px2, 1, 'zanzibar accord', { words: [] });
    const last = reference.prepare("SELECT id FROM exhibits WHERE exhibit_no = 'PX-060'").pluck().get() as number;
    createOcrStore(reference).save(last, 1, 'zanzibar accord', { words: [] });
    const hits = await api.search({ query: 'zanzibar OR "page 2 of"', filters: { dateFrom: '2017-03-03', dateTo: '2017-03-03' } });
    expect(new Set(hits.map((h) => h.exhibitNo))).toEqual(new Set(['PX-002', 'PX-030', 'PX-058']));
    expect(hits.filter((h) => h.source === 'ocr').map((h) => h.exhibitNo)).toEqual(['PX-002']);
  });

  it('reads texts and exhibits by key only, with and without filters (EXPLAIN QUERY PLAN)', () => {
    reference.function('search_allows', (_id: number) => 1);
    const plans: string[][] = [];
    const explain = (sql: string, params: unknown[]) =>
      plans.push((reference.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail));
    explain(searchStatement(false), ['"common"', 10, 10]);
    explain(searchStatement(true), ['"common"', 10, 10]);
    for (const filters of [{ tagIds: [1], kinds: ['pdf'], dateFrom: '2017-01-01', paragraph: 3 }, { dateFrom: '2017-03-05', dateTo: '2017-03-09' }, { kinds: ['email'], dateTo: '2017-03-09' }]) {
      const allowed = allowedTextsStatement(filters)!;
      explain(allowed.sql, allowed.params);
    }
    expect(allowedTextsStatement({})).toBeNull();
    for (const [i, plan] of plans.entries()) {
      expect(plan.filter((d) => d.startsWith('SCAN texts_fts VIRTUAL TABLE'))).toHaveLength(i < 2 ? 1 : 0);
      expect(plan.filter((d) => /^SCAN (t|e|texts|exhibits)\b/.test(d))).toEqual([]);
      expect(plan.filter((d) => /^SEARCH (t|e|texts|exhibits)\b/.test(d)).every((d) => / USING (INTEGER PRIMARY KEY|(COVERING )?INDEX)/.test(d))).toBe(true);
      if (i >= 2) expect(plan.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]); // no sort to list allowed texts
    }
  });
});
