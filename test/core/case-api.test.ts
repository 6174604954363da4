import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import { createCaseApi } from '../../electron/core/api.ts';
import { fixedClock, newCase, tempDir } from '../fixtures/case.ts';
import { COMPLAINT_TEXT } from '../fixtures/complaint.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const src = tempDir('api-src-');
const { api, dir } = newCase('BES v. Huawei');

beforeAll(async () => {
  await writePdf(path.join(src, '1 rfp.pdf'), {
    title: 'RFP excerpt',
    created: new Date('2016-02-01T00:00:00Z'),
    pages: ['Punjab Safe Cities Authority', 'Data Exchange System and seven other systems'],
  });
  await writePdf(path.join(src, '2 email.pdf'), {
    title: 'Approval request',
    created: new Date('2017-03-28T10:00:00Z'),
    pages: ['Please obtain written approval before installing the system on servers in Suzhou.'],
  });
  await writePdf(path.join(src, '3 reply.pdf'), {
    title: 'Reply',
    created: new Date('2017-03-29T10:00:00Z'),
    pages: ['No approval is needed for the Suzhou environment.', 'The design server is ready.'],
  });
  fs.writeFileSync(path.join(src, 'complaint.txt'), COMPLAINT_TEXT);
  const report = await api.importFiles({ paths: [path.join(src, '1 rfp.pdf'), path.join(src, '2 email.pdf'), path.join(src, '3 reply.pdf')] });
  expect(report.imported.map((i) => i.exhibitNo)).toEqual(['PX-001', 'PX-002', 'PX-003']);
  await api.importAllegations({ path: path.join(src, 'complaint.txt') });
});

afterAll(() => api.close());

describe('allegations and evidence', () => {
  it('keeps causes of action and numbered paragraphs with their text', async () => {
    const { causes, paragraphs } = await api.listAllegations({});
    expect(causes.map((c) => c.ordinal)).toEqual([1, 2]);
    expect(causes[0]!.title).toMatch(/Misappropriation of Trade Secrets/);
    expect(paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(paragraphs.find((p) => p.number === 6)!.text).toMatch(/approval before installing the system on servers in Suzhou/);
    expect(paragraphs.find((p) => p.number === 9)!.causeId).toBe(causes[0]!.id);
  });

  it('links evidence with pages and stance, answers both directions, and finds the gaps', async () => {
    await api.linkEvidence({ exhibit: 'PX-002', paragraph: 6, pageFrom: 1, quote: 'obtain written approval' });
    await api.linkEvidence({ exhibit: 'PX-003', paragraph: 6, pageFrom: 1, pageTo: 2, stance: 'contradicts' });
    await api.linkEvidence({ exhibit: 'PX-003', paragraph: 7, pageFrom: 1, stance: 'context' });
    const evidence = await api.evidenceForParagraph({ paragraph: 6 });
    expect(evidence.map((l) => [l.cite, l.stance])).toEqual([
      ['PX-002 at 1', 'supports'],
      ['PX-003 at 1–2', 'contradicts'],
    ]);
    expect((await api.paragraphsForExhibit({ exhibit: 'PX-003' })).map((p) => p.number)).toEqual([6, 7]);
    // Only supporting evidence closes a gap: ¶ 7 has context only.
    const gaps = (await api.unsupportedParagraphs({})).map((p) => p.number);
    expect(gaps).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10]);
    const listed = (await api.listAllegations({})).paragraphs.find((p) => p.number === 6)!;
    expect(listed.evidenceCount).toBe(2);
  });

  it('unlinks, and edits, adds and removes paragraphs, auditing each change', async () => {
    const [link] = await api.evidenceForParagraph({ paragraph: 7 });
    await api.unlinkEvidence({ linkId: link!.id });
    expect(await api.evidenceForParagraph({ paragraph: 7 })).toEqual([]);
    await api.addParagraph({ number: 11, text: 'Defendant continues to use the designs.' });
    await api.editParagraph({ number: 11, text: 'Defendant still uses the designs.' });
    expect((await api.listAllegations({})).paragraphs.at(-1)).toMatchObject({ number: 11, text: 'Defendant still uses the designs.' });
    await api.removeParagraph({ number: 11 });
    const actions = (await api.auditLog({})).map((a) => a.action);
    expect(actions.slice(0, 4)).toEqual(['paragraph.remove', 'paragraph.edit', 'paragraph.add', 'evidence.unlink']);
  });

  it('refuses links to pages or paragraphs that do not exist, and backwards ranges', async () => {
    await expect(api.linkEvidence({ exhibit: 'PX-001', paragraph: 99 })).rejects.toThrow(/No paragraph 99/);
    await expect(api.linkEvidence({ exhibit: 'PX-001', paragraph: 1, pageFrom: 3 })).rejects.toThrow(/has 2 page\(s\)/);
    await expect(api.linkEvidence({ exhibit: 'PX-001', paragraph: 1, pageFrom: 2, pageTo: 1 })).rejects.toThrow(/last page/);
  });

  it('keeps evidence links when the same complaint is imported again', async () => {
    await api.importAllegations({ path: path.join(src, 'complaint.txt') });
    expect(await api.evidenceForParagraph({ paragraph: 6 })).toHaveLength(2);
  });
});

describe('annotations', () => {
  it('stores a marked passage and links it as evidence', async () => {
    const note = await api.addAnnotation({ exhibit: 'PX-003', page: 2, rects: [{ x: 72, y: 700, width: 200, height: 14 }], quote: 'design server', note: 'key' });
    const link = await api.linkEvidence({ exhibit: 'PX-003', paragraph: 5, pageFrom: 2, quote: note.quote!, annotationId: note.id });
    expect(link.annotationId).toBe(note.id);
    expect((await api.listAnnotations({ exhibit: 'PX-003' }))[0]).toMatchObject({ page: 2, color: '#ffd54f', rects: [{ x: 72, y: 700, width: 200, height: 14 }] });
    await expect(api.linkEvidence({ exhibit: 'PX-001', paragraph: 5, annotationId: note.id })).rejects.toThrow(/not on PX-001/);
  });
});

describe('search', () => {
  it('finds words, phrases, prefixes, boolean and proximity queries by page', async () => {
    const pages = async (query: string) => (await api.search({ query })).map((h) => `${h.exhibitNo}@${h.page}`).sort();
    expect(await pages('suzhou')).toEqual(['PX-002@1', 'PX-003@1']);
    expect(await pages('"written approval"')).toEqual(['PX-002@1']);
    expect(await pages('instal*')).toEqual(['PX-002@1']);
    expect(await pages('suzhou NOT written')).toEqual(['PX-003@1']);
    expect(await pages('design NEAR/2 ready')).toEqual(['PX-003@2']);
    expect(await pages('punjab OR reply')).toEqual(['PX-001@1', 'PX-003@null']);
  });

  it('filters by kind, tag, date range and linked paragraph', async () => {
    await api.tagExhibits({ exhibits: ['PX-003'], tag: 'Correspondence/Replies' });
    const hits = async (filters: object) => (await api.search({ query: 'suzhou', filters })).map((h) => h.exhibitNo);
    expect(await hits({ tags: ['Correspondence'] })).toEqual(['PX-003']);
    expect(await hits({ dateFrom: '2017-03-29' })).toEqual(['PX-003']);
    expect(await hits({ dateTo: '2017-03-28' })).toEqual(['PX-002']);
    expect(await hits({ paragraph: 6, kinds: ['pdf'] })).toHaveLength(2);
    expect(await hits({ kinds: ['email'] })).toEqual([]);
    await expect(api.search({ query: 'suzhou', filters: { tags: ['nope'] } })).rejects.toThrow(/No tag "nope"/);
  });

  it('refuses a malformed query with a plain message', async () => {
    await expect(api.search({ query: '(suzhou' })).rejects.toBeInstanceOf(UserError);
    await expect(api.search({ query: '' })).rejects.toThrow(/Type something/);
  });
});

describe('exhibits', () => {
  it('edits metadata with an audit entry holding before and after', async () => {
    const after = await api.updateExhibit({ exhibit: 'PX-001', edit: { description: 'Excerpt of the 2016 RFP', confidentiality: 'confidential' } });
    expect(after).toMatchObject({ description: 'Excerpt of the 2016 RFP', confidentiality: 'confidential' });
    const [entry] = await api.auditLog({ exhibit: 'PX-001', limit: 1 }).then((h) => h.slice(-1));
    expect(entry).toMatchObject({ action: 'exhibit.edit', before: { description: null, confidentiality: 'none' } });
    expect((await api.search({ query: '2016 RFP' })).map((h) => h.exhibitNo)).toContain('PX-001');
  });

  it('refuses an exhibit number that is taken, and renumbers all exhibits in one step', async () => {
    await expect(api.updateExhibit({ exhibit: 'PX-001', edit: { exhibitNo: 'px-002' } })).rejects.toThrow(/already used/);
    await api.updateExhibit({ exhibit: 'PX-003', edit: { exhibitNo: 'PX-000' } });
    const { changed } = await api.renumberExhibits({ scheme: { prefix: 'Exhibit ', start: 1, padding: 0 } });
    expect(changed.map((c) => `${c.from}→${c.to}`)).toEqual(['PX-000→Exhibit 1', 'PX-001→Exhibit 2', 'PX-002→Exhibit 3']);
    expect((await api.evidenceForParagraph({ paragraph: 6 })).map((l) => l.cite)).toEqual(['Exhibit 1 at 1–2', 'Exhibit 3 at 1']);
    expect((await api.caseInfo({})).numbering).toEqual({ prefix: 'Exhibit ', start: 1, padding: 0 });
  });

  it('rejects bad arguments at the boundary with a message naming the argument', async () => {
    const bad = (api.updateExhibit as (a: unknown) => Promise<unknown>)({ exhibit: 'Exhibit 1', edit: { date: '28/03/2017' } });
    await expect(bad).rejects.toThrow(/"edit.date".*Use a date such as 2020-09-16 or 9\/16\/2020/);
    const unknown = (api.listExhibits as (a: unknown) => Promise<unknown>)({ sort: 'x' });
    await expect(unknown).rejects.toThrow(/Unknown argument\(s\): sort/);
  });
});

describe('the audit log', () => {
  it('is a hash chain that verify checks, and tampering with it shows', async () => {
    expect(await api.verify({})).toMatchObject({ ok: true, auditOk: true, auditBrokenAt: null });
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path.join(dir, 'case.sqlite'));
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare("UPDATE audit SET after = '{\"title\":\"forged\"}' WHERE seq = 3").run();
    raw.close();
    expect(await api.verify({})).toMatchObject({ ok: false, auditOk: false, auditBrokenAt: 3 });
  });
});

describe('cancelling an import', () => {
  it('stops between files, keeps what was stored, and reports cancelled', async () => {
    const many = tempDir('cancel-src-');
    for (let i = 0; i < 12; i++) await writePdf(path.join(many, `f${String(i).padStart(2, '0')}.pdf`), { pages: [`file ${i}`] });
    const c = createCaseApi({ dir: path.join(tempDir(), 'c'), create: { title: 'c' }, now: fixedClock() });
    const abort = new AbortController();
    const report = await c.importFiles({ paths: [many] }, { signal: abort.signal, onProgress: (p) => p.done === 3 && abort.abort() });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toHaveLength(3);
    expect(await c.listExhibits({})).toHaveLength(3);
    const rest = await c.importFiles({ paths: [many] });
    expect([rest.imported.length, rest.duplicates.length]).toEqual([9, 3]);
    c.close();
  });
});
