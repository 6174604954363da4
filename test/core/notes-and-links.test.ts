// Notes with their authors (edit, remove, undo, the case-wide list, search), links made once, and paragraphs that need
// no evidence, through the core in-process on a small case of generated PDFs and a complaint.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { COMPLAINT_TEXT } from '../fixtures/complaint.ts';
import { docxTableRows } from '../fixtures/export-reading.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const src = tempDir('notes-src-');
const out = tempDir('notes-out-');
const { api } = newCase('BES v. Huawei');
const RECT = [{ x: 72, y: 700, width: 200, height: 14 }];

beforeAll(async () => {
  await writePdf(path.join(src, '1 record.pdf'), {
    title: 'Site installation record',
    pages: ['Installation in Suzhou', 'Remote access is through the gateway sz-des-gw-01', 'Sign-off'],
  });
  await writePdf(path.join(src, '2 reply.pdf'), { title: 'Reply', pages: ['No approval is needed for the Suzhou environment.'] });
  fs.writeFileSync(path.join(src, 'complaint.txt'), COMPLAINT_TEXT);
  await api.importFiles({ paths: [path.join(src, '1 record.pdf'), path.join(src, '2 reply.pdf')] });
  await api.importAllegations({ path: path.join(src, 'complaint.txt') });
});

afterAll(() => api.close());

async function refusal(call: Promise<unknown>): Promise<UserError> {
  const e = await call.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('notes and highlights with their authors', () => {
  it('records who wrote each, knows the case’s users by name, and names the account when no one is given', async () => {
    const highlight = await api.addAnnotation({ exhibit: 'PX-001', page: 2, rects: RECT, quote: 'Remote access', note: 'Ask for the gateway’s configuration', author: 'Dana Whitfield' });
    expect(highlight).toMatchObject({ author: 'Dana Whitfield', updatedAt: null });
    // A note on the page alone: no rectangles, no quote.
    const pageNote = await api.addAnnotation({ exhibit: 'PX-001', page: 3, rects: [], note: 'Who signed off? Depose the site engineer.', author: 'dana whitfield' });
    expect(pageNote).toMatchObject({ rects: [], quote: null, author: 'Dana Whitfield' });
    expect((await refusal(api.addAnnotation({ exhibit: 'PX-001', page: 3, rects: [], note: '  ' }))).message).toMatch(/A note on a page needs its text\.$/);
    const unnamed = await api.addAnnotation({ exhibit: 'PX-002', page: 1, rects: [], note: 'Contradicts the approval request' });
    expect(unnamed.author).toBe(os.userInfo().username);

    const { users, suggested } = await api.listUsers({});
    expect(users.map((u) => [u.name, u.notes])).toEqual(
      [['Dana Whitfield', 2], [os.userInfo().username, 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'en', { sensitivity: 'base' })),
    );
    expect(suggested).toBe(os.userInfo().username);
    expect(await api.addUser({ name: 'DANA WHITFIELD' })).toMatchObject({ name: 'Dana Whitfield', notes: 2 });
    expect(await api.addUser({ name: 'Dr. Lena Ortiz' })).toMatchObject({ name: 'Dr. Lena Ortiz', notes: 0 });

    const log = await api.auditLog({ exhibit: 'PX-001' });
    expect(log.filter((e) => e.action === 'annotation.add').map((e) => e.author)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
    expect((await api.verify({})).auditOk).toBe(true);
  });

  it('edits a note under the editor’s name, keeps its author, and refuses an edit made from a note that has changed', async () => {
    const [highlight] = await api.listAnnotations({ exhibit: 'PX-001' });
    const edited = await api.editAnnotation({ id: highlight!.id, note: 'Ask for the gateway’s logs', colour: '#81c995', author: 'Dr. Lena Ortiz', expected: { note: highlight!.note } });
    expect(edited).toMatchObject({ note: 'Ask for the gateway’s logs', color: '#81c995', author: 'Dana Whitfield' });
    expect(edited.updatedAt).not.toBeNull();
    const stale = await refusal(api.editAnnotation({ id: highlight!.id, note: 'Something else', expected: { note: highlight!.note } }));
    expect(stale.code).toBe('edit_conflict');
    const entry = (await api.auditLog({ exhibit: 'PX-001' })).find((e) => e.action === 'annotation.edit')!;
    expect(entry.author).toBe('Dr. Lena Ortiz');
    expect(entry.before).toMatchObject({ note: 'Ask for the gateway’s configuration' });
    // A page note without its text would be nothing at all.
    const pageNote = (await api.listAnnotations({ exhibit: 'PX-001' })).find((a) => a.rects.length === 0)!;
    expect((await refusal(api.editAnnotation({ id: pageNote.id, note: '' }))).code).toBe('bad_input');
  });

  it('removes a note and takes the removal back with the same id, both in the log', async () => {
    const pageNote = (await api.listAnnotations({ exhibit: 'PX-001' })).find((a) => a.rects.length === 0)!;
    await api.removeAnnotation({ id: pageNote.id, author: 'Dana Whitfield' });
    expect((await api.listAnnotations({ exhibit: 'PX-001' })).map((a) => a.id)).not.toContain(pageNote.id);
    expect((await refusal(api.editAnnotation({ id: pageNote.id, note: 'x' }))).code).toBe('not_found');
    expect(await api.restoreAnnotation({ id: pageNote.id, author: 'Dana Whitfield' })).toEqual(pageNote);
    expect((await refusal(api.restoreAnnotation({ id: pageNote.id }))).code).toBe('conflict');
    const actions = (await api.auditLog({ exhibit: 'PX-001' })).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['annotation.remove', 'annotation.restore']);
    expect((await api.verify({})).auditOk).toBe(true);
  });

  it('lists the notes across the case by author, exhibit and the paragraph they bear on', async () => {
    const all = await api.listNotes({});
    expect(all.map((n) => [n.exhibitNo, n.page, n.author])).toEqual([
      ['PX-001', 2, 'Dana Whitfield'],
      ['PX-001', 3, 'Dana Whitfield'],
      ['PX-002', 1, os.userInfo().username],
    ]);
    expect((await api.listNotes({ author: 'Dr. Lena Ortiz' })).length).toBe(0);
    expect((await api.listNotes({ author: 'Nobody Known' })).length).toBe(0);
    expect((await api.listNotes({ exhibit: 'PX-002' })).map((n) => n.note)).toEqual(['Contradicts the approval request']);

    // ¶ 7: the highlight linked to it, and the note on a page its other link cites; ¶ 6: a whole-exhibit link.
    const [highlight] = all;
    await api.linkEvidence({ exhibit: 'PX-001', paragraph: 7, pageFrom: 2, quote: 'Remote access', annotationId: highlight!.id });
    await api.linkEvidence({ exhibit: 'PX-001', paragraph: 7, pageFrom: 3 });
    await api.linkEvidence({ exhibit: 'PX-002', paragraph: 6, stance: 'contradicts' });
    expect((await api.listNotes({ paragraph: 7 })).map((n) => [n.exhibitNo, n.page, n.paragraphs])).toEqual([
      ['PX-001', 2, [7]],
      ['PX-001', 3, []],
    ]);
    expect((await api.listNotes({ paragraph: 6 })).map((n) => n.exhibitNo)).toEqual(['PX-002']);
    expect((await api.listNotes({ paragraph: 7, author: 'Dana Whitfield', exhibit: 'PX-001' })).length).toBe(2);
    expect((await refusal(api.listNotes({ paragraph: 99 }))).code).toBe('not_found');
  });

  it('finds a note by a word in it, with its author, before the pages, and not once it is removed', async () => {
    const hits = await api.search({ query: 'depose' });
    expect(hits.map((h) => [h.exhibitNo, h.page, h.source, h.note?.author, h.snippet])).toEqual([
      ['PX-001', 3, 'note', 'Dana Whitfield', 'Who signed off? «Depose» the site engineer.'],
    ]);
    const suzhou = await api.search({ query: 'gateway' });
    expect(suzhou.map((h) => h.source)).toEqual(['note', 'page']);
    expect((await api.search({ query: 'gateway', filters: { kinds: ['email'] } })).length).toBe(0);
    expect((await api.search({ query: 'depose', filters: { paragraph: 7 } })).length).toBe(1);
    expect((await api.search({ query: 'depose', filters: { paragraph: 6 } })).length).toBe(0);
    const id = hits[0]!.note!.id;
    await api.removeAnnotation({ id });
    expect(await api.search({ query: 'depose' })).toEqual([]);
    await api.restoreAnnotation({ id });
    expect((await api.search({ query: 'depose' })).length).toBe(1);
  });
});

describe('evidence links', () => {
  it('refuses the same exhibit, pages and passage for the same paragraph, whatever its stance or spacing', async () => {
    await api.linkEvidence({ exhibit: 'PX-002', paragraph: 4, pageFrom: 1, quote: 'No approval is needed' });
    const again = await refusal(api.linkEvidence({ exhibit: 'PX-002', paragraph: 4, pageFrom: 1, pageTo: 1, quote: ' No approval\nis  needed ', stance: 'context' }));
    expect(again.code).toBe('duplicate_link');
    expect(again.message).toBe('PX-002 at 1 with the passage “No approval is needed” is already linked to ¶ 4 (supports); nothing was added.');
    // Another page, another passage or another paragraph is another piece of evidence.
    await api.linkEvidence({ exhibit: 'PX-002', paragraph: 4, pageFrom: 1 });
    await api.linkEvidence({ exhibit: 'PX-002', paragraph: 4, pageFrom: 1, quote: 'the Suzhou environment' });
    await api.linkEvidence({ exhibit: 'PX-002', paragraph: 5, pageFrom: 1, quote: 'No approval is needed' });
    expect((await refusal(api.linkEvidence({ exhibit: 'PX-002', paragraph: 4, pageFrom: 1 }))).code).toBe('duplicate_link');
    expect((await api.evidenceForParagraph({ paragraph: 4 })).map((l) => l.quote)).toEqual(['No approval is needed', null, 'the Suzhou environment']);
  });
});

describe('paragraphs that need no evidence', () => {
  it('leave the gaps with their reason, in the gap view, the allegations and the proof chart, and come back when unmarked', async () => {
    const gapsBefore = (await api.unsupportedParagraphs({})).map((p) => p.number);
    expect(gapsBefore).toContain(3);
    const marked = await api.setNoEvidenceNeeded({ paragraph: 3, reason: ' Jurisdiction and venue ', author: 'Dana Whitfield' });
    expect(marked.noEvidenceReason).toBe('Jurisdiction and venue');
    await api.setNoEvidenceNeeded({ paragraph: 8, reason: 'Realleges paragraphs 1 through 7' });
    const gaps = (await api.unsupportedParagraphs({})).map((p) => p.number);
    expect(gaps).toEqual(gapsBefore.filter((n) => n !== 3 && n !== 8));
    expect((await api.listAllegations({})).paragraphs.filter((p) => p.noEvidenceReason).map((p) => p.number)).toEqual([3, 8]);
    expect((await refusal(api.setNoEvidenceNeeded({ paragraph: 3, reason: '  ' }))).message).toMatch(/Say why the paragraph needs no evidence\.$/);

    const { files } = await api.exportProofChart({ outDir: out, format: 'docx' });
    const rows = await docxTableRows(files[0]!.path);
    expect(rows.find((r) => r[0] === '¶ 3')![2]).toBe('No evidence needed: Jurisdiction and venue');
    expect(rows.find((r) => r[0] === '¶ 9')![2]).toBe('No evidence linked');

    await api.setNoEvidenceNeeded({ paragraph: 3, reason: null });
    expect((await api.unsupportedParagraphs({})).map((p) => p.number)).toContain(3);
    // The log is listed newest first.
    const log = (await api.auditLog({})).filter((e) => e.objectType === 'paragraph' && e.objectId === '3').reverse();
    expect(log.map((e) => [e.action, e.author])).toEqual([
      ['paragraph.no-evidence-needed', 'Dana Whitfield'],
      ['paragraph.needs-evidence', undefined],
    ]);
  });
});
