import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import type { SampleCaseSummary } from '../../electron/core/sample/build-sample-case.ts';
import { tempDir } from '../fixtures/case.ts';
import { sampleCaseCopy } from '../fixtures/sample-case.ts';
import { docxTableRows, pagesText, parseCsv } from '../fixtures/export-reading.ts';

const dir = path.join(tempDir('chronology-'), 'BES v Huawei');
const out = tempDir('chronology-out-');
let summary: SampleCaseSummary;
let api: CaseApi;

beforeAll(async () => {
  summary = await sampleCaseCopy(dir);
  api = createCaseApi({ dir });
});

afterAll(() => api?.close());

const dates = async (args: Parameters<CaseApi['listFacts']>[0] = {}) => (await api.listFacts(args)).map((f) => f.date.display);

describe('the sample chronology', () => {
  it('lists its events in date order, each tied to the exhibits and paragraphs that show it', async () => {
    expect(await dates()).toEqual([
      '10 Mar 2016',
      '28 Mar 2017',
      '29 Mar 2017',
      '7 Apr 2017',
      '18–20 Apr 2017',
      '2018',
      '2018',
      '28 Jan 2019',
      '8 Apr 2019',
      '13 Feb 2020',
      '15 Sep 2020',
      '26 Aug 2021',
    ]);
    const facts = await api.listFacts({});
    const request = facts[1]!;
    expect(request.sources.map((s) => s.cite)).toEqual(['PX-005']);
    expect(request.paragraphs).toEqual([33, 40]);
    expect(request.key).toBe(true);
    expect(facts[5]!.statement).toMatch(/petitions/);
    expect(facts[6]!.statement).toMatch(/injunction/);
    expect(facts[6]!.sources[0]!.cite).toBe('PX-009 at 3');
    // The complaint is not an exhibit: its filing is the one fact no exhibit shows.
    expect(summary.unsourcedFacts).toBe(1);
    expect((await api.listFacts({ unsourced: true })).map((f) => f.date.display)).toEqual(['26 Aug 2021']);
  });

  it('filters by tag, paragraph, key, status and dates', async () => {
    expect(await dates({ paragraph: 45 })).toEqual(['2018', '2018']);
    expect(await dates({ key: true })).toEqual(['10 Mar 2016', '28 Mar 2017', '29 Mar 2017', '18–20 Apr 2017']);
    expect(await dates({ status: 'prospective' })).toEqual(['8 Apr 2019']);
    expect(await dates({ tag: 'backdoor' })).toEqual(['18–20 Apr 2017', '8 Apr 2019']);
    expect(await dates({ dateFrom: '2018-06-01', dateTo: '2019-03-01' })).toEqual(['2018', '2018', '28 Jan 2019']);
    await expect(api.listFacts({ tag: 'no such tag' })).rejects.toMatchObject({ code: 'not_found' });
    // The app's first screenful: the first facts of the same order, filters applied first.
    expect(await dates({ limit: 3 })).toEqual(['10 Mar 2016', '28 Mar 2017', '29 Mar 2017']);
    expect(await dates({ key: true, limit: 10 })).toEqual(await dates({ key: true }));
  });
});

describe('facts through the API', () => {
  it('proposes a fact from each dated exhibit, emails with their own dates and "From X to Y: Subject", once only', async () => {
    const { proposed, skipped } = await api.proposeFacts({ select: { by: 'numbers', ranges: [{ from: 5, to: 7 }], exhibits: [] } });
    expect(proposed.map((f) => [f.date.display, f.statement, f.sources.map((s) => s.cite)])).toEqual([
      ['28 Mar 2017', 'From Nadia Qureshi to Chen Jiaming: DES installation in Suzhou – written approval from PPIC3 needed first', ['PX-005 at 1']],
      ['29 Mar 2017', expect.stringMatching(/^From Chen Jiaming to Nadia Qureshi: /), ['PX-006 at 1']],
      ['7 Apr 2017', expect.stringMatching(/^From .+ to Nadia Qureshi: /), ['PX-007 at 1']],
      ['7 Apr 2017', 'Notice under Clause 6.2 of the Partnership Agreement', ['PX-007.1 at 1']],
    ]);
    expect(proposed.every((f) => f.proposed)).toBe(true);
    // Proposals stay out of the chronology until accepted.
    expect(await api.listFacts({})).toHaveLength(12);
    expect(await api.listFacts({ includeProposed: true })).toHaveLength(16);
    expect(skipped).toEqual([]);
    const again = await api.proposeFacts({ select: { by: 'numbers', ranges: [{ from: 5, to: 10 }], exhibits: [] } });
    expect(again.proposed.map((f) => f.sources[0]!.exhibitNo)).toEqual(['PX-008', 'PX-010']);
    expect(again.skipped).toEqual(expect.arrayContaining(['PX-005: a fact was already proposed from it', 'PX-009: it has no date']));

    const [first, second] = proposed;
    expect(await api.decideFacts({ ids: [first!.id], accept: true })).toEqual({ changed: 1 });
    expect(await api.decideFacts({ ids: [second!.id], accept: false })).toEqual({ changed: 1 });
    await expect(api.decideFacts({ ids: [first!.id], accept: true })).rejects.toMatchObject({ code: 'bad_input' });
    expect((await api.listFacts({})).filter((f) => f.date.display === '28 Mar 2017').map((f) => f.id)).toContain(first!.id);
    expect(await api.decideFacts({ ids: 'all', accept: false })).toEqual({ changed: 4 });
    expect(await api.listFacts({ includeProposed: true })).toHaveLength(13);
    const log = await api.auditLog({ limit: 20 });
    expect(log.filter((e) => e.action === 'fact.reject')).toHaveLength(5);
    expect(log.filter((e) => e.action === 'fact.accept').map((e) => e.objectId)).toEqual([String(first!.id)]);
    await api.removeFact({ id: first!.id });
  });

  it('adds a fact from a highlighted passage, links and unlinks sources and paragraphs, each with its audit entry', async () => {
    const fact = await api.addFact({
      statement: 'The Suzhou environment replicates the PPIC3 production configuration.',
      date: '03/??/2017',
      tags: ['backdoor'],
      source: { exhibit: 'PX-008', pageFrom: 2, quote: 'The Suzhou environment replicates the PPIC3 production configuration' },
    });
    expect(fact.sources.map((s) => s.cite)).toEqual(['PX-008 at 2']);
    expect(fact.date).toMatchObject({ precision: 'month', text: '03/??/2017', display: 'Mar 2017' });
    // A month sorts before the days in it.
    const order = (await api.listFacts({})).map((f) => f.id);
    expect(order.indexOf(fact.id)).toBe(1);

    const link = await api.linkFact({ id: fact.id, exhibit: 'PX-006', quote: 'The Suzhou servers are our own test environment' });
    expect(link.cite).toBe('PX-006');
    const linked = await api.linkFactParagraph({ id: fact.id, paragraph: 37 });
    expect(linked.paragraphs).toEqual([37]);
    // Named with another fact, the source stays: a screen bound to one fact cannot unlink another's.
    const other = (await api.listFacts({}))[0]!;
    await expect(api.unlinkFact({ sourceId: link.id, id: other.id })).rejects.toMatchObject({ code: 'not_found' });
    await api.unlinkFact({ sourceId: link.id, id: fact.id });
    const unlinked = await api.unlinkFactParagraph({ id: fact.id, paragraph: 37 });
    expect(unlinked.paragraphs).toEqual([]);
    await expect(api.unlinkFactParagraph({ id: fact.id, paragraph: 37 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.linkFact({ id: fact.id, exhibit: 'PX-008', pageFrom: 9 })).rejects.toMatchObject({ code: 'bad_input' });

    const history = (await api.auditLog({ limit: 10 })).filter((e) => e.objectType === 'fact' && e.objectId === String(fact.id)).map((e) => e.action);
    expect(history.reverse()).toEqual(['fact.add', 'fact.link', 'fact.link-paragraph', 'fact.unlink', 'fact.unlink-paragraph']);
    await api.removeFact({ id: fact.id });
    await expect(api.removeFact({ id: fact.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an edit made from stale values, saving nothing; a fresh one is saved and audited', async () => {
    const fact = await api.addFact({ statement: 'Meeting in Lahore.', date: 'c. 2016' });
    await api.editFact({ id: fact.id, edit: { date: 'before 2018' } });
    const before = (await api.auditLog({ limit: 1 }))[0]!.seq;
    await expect(
      api.editFact({ id: fact.id, edit: { statement: 'Meeting in Islamabad.' }, expected: { date: 'c. 2016', statement: 'Meeting in Lahore.' } }),
    ).rejects.toMatchObject({ code: 'edit_conflict', message: expect.stringContaining('“before 2018”') });
    expect((await api.auditLog({ limit: 1 }))[0]!.seq).toBe(before);
    const edited = await api.editFact({ id: fact.id, edit: { statement: 'Meeting in Islamabad.', key: true, status: 'disputed_by_them' }, expected: { date: 'before 2018' } });
    expect(edited).toMatchObject({ statement: 'Meeting in Islamabad.', key: true, status: 'disputed_by_them', date: { display: 'before 2018' } });
    const entry = (await api.auditLog({ limit: 1 }))[0]!;
    expect(entry).toMatchObject({ action: 'fact.edit', before: { statement: 'Meeting in Lahore.', key: false }, after: { statement: 'Meeting in Islamabad.', key: true } });
    // Nothing to change: nothing written.
    await api.editFact({ id: fact.id, edit: { statement: 'Meeting in Islamabad.' } });
    expect((await api.auditLog({ limit: 1 }))[0]!.seq).toBe(entry.seq);
    await expect(api.editFact({ id: fact.id, edit: { date: 'sometime' } })).rejects.toMatchObject({ code: 'bad_input' });
    await api.removeFact({ id: fact.id });
  });
});

describe('the chronology report', () => {
  const expectedRows = [
    ['10 Mar 2016', 'PX-002 at 1; PX-002 at 2'],
    ['28 Mar 2017', 'PX-005'],
    ['29 Mar 2017', 'PX-006'],
    ['7 Apr 2017', 'PX-007.1 at 1'],
    ['18–20 Apr 2017', 'PX-008 at 1; PX-008 at 2'],
    ['2018', 'PX-009 at 1'],
    ['2018', 'PX-009 at 3'],
    ['28 Jan 2019', 'PX-010 at 1'],
    ['8 Apr 2019', 'PX-011'],
    ['13 Feb 2020', 'PX-012 at 1'],
    ['15 Sep 2020', 'PX-013 at 1; PX-013 at 2'],
    ['26 Aug 2021', 'NO SOURCE'],
  ];

  it('writes Word with the facts in order, their cites, and key facts marked', async () => {
    const result = await api.exportChronology({ outDir: out, format: 'docx' });
    expect(result.warnings).toEqual(['1 fact(s) have no source; they are marked NO SOURCE.']);
    const rows = await docxTableRows(result.files[0]!.path);
    expect(rows[0]).toEqual(['Date', 'Fact', 'Sources', 'Status']);
    expect(rows.slice(1).map((r) => [r[0], r[2]!.replace(/ Compl\..*$/, '')])).toEqual(expectedRows);
    expect(rows[2]).toEqual(['28 Mar 2017', expect.stringMatching(/^BES asks Huawei Pakistan/), 'PX-005 Compl. ¶¶ 33, 40', 'KEY – Undisputed']);
    expect(rows[9]![3]).toBe('Prospective');
    const manifest = JSON.parse(fs.readFileSync(result.manifest, 'utf8'));
    expect(manifest).toMatchObject({ kind: 'chronology', facts: 12, files: [{ sha256: result.files[0]!.sha256 }] });
    expect(path.basename(path.dirname(result.manifest))).toMatch(/^chronology \d{4}-\d\d-\d\d/);
    const entry = (await api.auditLog({ limit: 1 }))[0]!;
    expect(entry).toMatchObject({ action: 'export.chronology', sha256: [result.files[0]!.sha256] });
  });

  it('writes CSV and PDF with the same rows, and narrows to the filters', async () => {
    const csv = await api.exportChronology({ outDir: out, format: 'csv' });
    const rows = parseCsv(fs.readFileSync(csv.files[0]!.path, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => [r[0], r[2]!.split('\n')[0]])).toEqual(expectedRows);
    expect(rows[1]![2]).toBe('PX-002 at 1; PX-002 at 2\nCompl. ¶¶ 2, 19, 21');

    const pdf = await api.exportChronology({ outDir: out, format: 'pdf', filters: { key: true } });
    const text = pagesText(pdf.files[0]!.path).join('\n');
    expect(text).toMatch(/CHRONOLOGY/);
    expect(text).toMatch(/Selected: key facts\./);
    const at = ['10 Mar 2016', '28 Mar 2017', '29 Mar 2017', '18–20 Apr 2017'].map((d) => text.indexOf(d));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(/PX-008 at 1; PX-008 at 2/);
    expect(text).not.toMatch(/2 Feb 2020|13 Feb 2020/);
    await expect(api.exportChronology({ outDir: out, format: 'pdf', filters: { status: 'disputed_by_us' } })).rejects.toMatchObject({ code: 'not_found' });
  });
});
