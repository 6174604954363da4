// Search over a real case database past the old ranking window (2,000 matches in import order): the page bm25 ranks
// first is the first hit wherever it was imported, with and without filters, and stays so as text is added and
// removed; counting, the filters' texts and their query plans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { openCaseFolder } from '../../electron/core/case/case-folder.ts';
import { COUNT_LIMIT, allowedTextsStatement, countStatement } from '../../electron/core/search/search-index.ts';
import { createExhibitStore, type NewExhibit } from '../../electron/core/store/exhibits.ts';
import { createOcrStore } from '../../electron/core/store/ocr-text.ts';
import { createTagStore } from '../../electron/core/store/tags.ts';
import { newCase } from '../fixtures/case.ts';
import { exactRanking, hitKey } from './search-case.ts';

const OLD_WINDOW = 2_000;
const EXHIBITS = 60;
const PAGES = 45; // "common" is on every page: 2,700 matches, past the old window

function exhibit(n: number, kind: 'pdf' | 'email', date: string, pages: number): NewExhibit {
  return {
    exhibitNo: `PX-${String(n).padStart(3, '0')}`,
    title: `Exhibit ${n}`,
    kind,
    date,
    author: null, from: null, to: null, cc: null, subject: null,
    sourceName: `${n}.pdf`, sourcePath: `/in/${n}.pdf`, sha256: n.toString(16).padStart(64, '0'),
    mediaType: 'application/pdf', pages, textLayer: true, encrypted: false, parentId: null, warnings: [],
    importedAt: '2026-01-05T09:00:00.000Z',
  };
}

function fill(db: Database.Database): void {
  const exhibits = createExhibitStore(db, () => new Map());
  const tags = createTagStore(db);
  const hot = tags.ensure('hot');
  db.prepare("INSERT INTO paragraphs (number, text) VALUES (7, 'Paragraph 7.')").run();
  const link = db.prepare(
    "INSERT INTO evidence_links (exhibit_id, paragraph_id, stance, created_at) VALUES (?, (SELECT id FROM paragraphs WHERE number = 7), 'supports', '2026-01-05T09:00:00.000Z')",
  );
  db.transaction(() => {
    for (let n = 1; n <= EXHIBITS; n++) {
      const texts = Array.from({ length: PAGES }, (_, p) => {
        // "rare" appears on a few pages, more often on some, so its ranking has an order to check.
        const rare = p % 97 === 0 ? ` ${'rare '.repeat(1 + (n % 3))}` : '';
        // The last page imported holds "common" most densely of all: bm25's best page, yet the last match FTS5 meets.
        const text = n === EXHIBITS && p === PAGES - 1 ? 'common common common common' : `common filler text page ${p + 1} of exhibit ${n}${rare}`;
        return { source: 'page' as const, page: p + 1, text };
      });
      const id = exhibits.insert(exhibit(n, n % 2 ? 'email' : 'pdf', `2017-03-${String(1 + (n % 28)).padStart(2, '0')}${n % 2 ? '' : 'T23:30:00Z'}`, PAGES), 1000, texts);
      if (n % 5 === 0) tags.attach(id, hot);
      if (n % 20 === 0) link.run(id);
    }
  })();
}

describe('search ranks every match, past the old ranking window', () => {
  let api: CaseApi;
  let dir: string;
  let reference: Database.Database;
  const last = `PX-0${EXHIBITS}/${PAGES}/page`;

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

  const keys = async (query: string, filters = {}, limit = 20) => (await api.search({ query, filters, limit })).map(hitKey);

  it('puts the page imported last first when bm25 ranks it first, as FTS5 ranks every match', async () => {
    const total = (await api.countMatches({ query: 'common' })).matches;
    expect(total).toBeGreaterThan(OLD_WINDOW);
    const hits = await keys('common');
    expect(hits[0]).toBe(last);
    expect(hits).toEqual(exactRanking(reference, '"common"', {}, 20));
    // The same page through every kind of search that finds it.
    for (const query of ['"common common"', 'comm*', 'common -zebra', 'common OR zebra', 'common AND common']) {
      expect((await keys(query))[0], query).toBe(last);
    }
  });

  it('keeps it first with each filter and all of them together', async () => {
    const hot = reference.prepare("SELECT id FROM tags WHERE name = 'hot'").pluck().all() as number[];
    const cases: [object, object][] = [
      [{ tags: ['hot'] }, { tagIds: hot }],
      [{ kinds: ['pdf'] }, { kinds: ['pdf'] }],
      [{ dateFrom: '2017-03-05', dateTo: '2017-03-05' }, { dateFrom: '2017-03-05', dateTo: '2017-03-05' }],
      [{ paragraph: 7 }, { paragraph: 7 }],
      [{ tags: ['hot'], kinds: ['pdf'], dateFrom: '2017-01-01', dateTo: '2017-12-31', paragraph: 7 }, { tagIds: hot, kinds: ['pdf'], dateFrom: '2017-01-01', dateTo: '2017-12-31', paragraph: 7 }],
    ];
    for (const [filters, resolved] of cases) {
      const hits = await keys('common', filters);
      expect(hits[0], JSON.stringify(filters)).toBe(last);
      expect(hits).toEqual(exactRanking(reference, '"common"', resolved, 20));
    }
  });

  it('ranks a page added since, OCR text read since, and forgets a removed exhibit', async () => {
    expect((await keys('common'))[0]).toBe(last);
    // Another process imports an exhibit whose page beats every other.
    const store = createExhibitStore(reference, () => new Map());
    const added = reference.transaction(() =>
      store.insert(exhibit(61, 'pdf', '2017-03-09', 1), 1000, [{ source: 'page', page: 1, text: 'common '.repeat(8) }]),
    )();
    expect((await keys('common'))[0]).toBe('PX-061/1/page');
    // OCR text read for a page of the first exhibit beats it in turn.
    const first = reference.prepare("SELECT id FROM exhibits WHERE exhibit_no = 'PX-001'").pluck().get() as number;
    createOcrStore(reference).save(first, 2, 'common '.repeat(12), { words: [] });
    expect((await keys('common')).slice(0, 2)).toEqual(['PX-001/2/ocr', 'PX-061/1/page']);
    // Removing both gives the order back.
    reference.prepare("DELETE FROM texts WHERE source = 'ocr'").run();
    reference.prepare('DELETE FROM exhibits WHERE id = ?').run(added);
    const hits = await keys('common');
    expect(hits[0]).toBe(last);
    expect(hits).toEqual(exactRanking(reference, '"common"', {}, 20));
  });

  it('counts every match, with the same filters, and ranks them all', async () => {
    const total = (reference.prepare(`SELECT count(*) AS n FROM texts_fts WHERE texts_fts MATCH 'common'`).get() as { n: number }).n;
    expect(await api.countMatches({ query: 'common' })).toEqual({ matches: total, atLeast: false, ranked: Number.MAX_SAFE_INTEGER });
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
    expect(COUNT_LIMIT).toBeGreaterThan(OLD_WINDOW);
    expect(reference.prepare(countStatement(false)).pluck().get('common', 11)).toBe(11);
    expect(reference.prepare(countStatement(true)).pluck().get('common', 7)).toBe(7);
  });

  it('filters by whole days, whatever the time on the last day', async () => {
    const hits = await api.search({ query: '"page 1 of"', filters: { dateFrom: '2017-03-04', dateTo: '2017-03-05' } });
    expect(new Set(hits.map((h) => h.exhibitNo))).toEqual(new Set(['PX-003', 'PX-004', 'PX-031', 'PX-032', 'PX-059', 'PX-060']));
  });

  it("keeps to the filter when an exhibit's texts are not one run of ids (OCR text added after later imports)", async () => {
    // PX-002 is a PDF of the 3rd of March; its OCR page is written after every other exhibit's texts.
    const px2 = reference.prepare("SELECT id FROM exhibits WHERE exhibit_no = 'PX-002'").pluck().get() as number;
    createOcrStore(reference).save(px2, 1, 'zanzibar accord', { words: [] });
    const px60 = reference.prepare("SELECT id FROM exhibits WHERE exhibit_no = 'PX-060'").pluck().get() as number;
    createOcrStore(reference).save(px60, 1, 'zanzibar accord', { words: [] });
    const hits = await api.search({ query: 'zanzibar OR "page 2 of"', filters: { dateFrom: '2017-03-03', dateTo: '2017-03-03' } });
    expect(new Set(hits.map((h) => h.exhibitNo))).toEqual(new Set(['PX-002', 'PX-030', 'PX-058']));
    expect(hits.filter((h) => h.source === 'ocr').map((h) => h.exhibitNo)).toEqual(['PX-002']);
  });

  it('lists the texts a filter allows by key only (EXPLAIN QUERY PLAN)', () => {
    for (const filters of [{ tagIds: [1], kinds: ['pdf'], dateFrom: '2017-01-01', paragraph: 3 }, { dateFrom: '2017-03-05', dateTo: '2017-03-09' }, { kinds: ['email'], dateTo: '2017-03-09' }]) {
      const allowed = allowedTextsStatement(filters)!;
      const plan = (reference.prepare(`EXPLAIN QUERY PLAN ${allowed.sql}`).all(...allowed.params) as { detail: string }[]).map((r) => r.detail);
      expect(plan.filter((d) => /^SCAN (t|e|texts|exhibits)\b/.test(d))).toEqual([]);
      expect(plan.filter((d) => /^SEARCH (t|e|texts|exhibits)\b/.test(d)).every((d) => / USING (INTEGER PRIMARY KEY|(COVERING )?INDEX)/.test(d))).toBe(true);
      expect(plan.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]); // no sort to list allowed texts
    }
    expect(allowedTextsStatement({})).toBeNull();
  });
});
