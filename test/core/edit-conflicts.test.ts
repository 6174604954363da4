// Edits bound to what they were made from: a stale expected value is refused with edit_conflict and writes nothing,
// a save that changes nothing writes nothing, and "id:N" always means the exhibit with that id.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi } from '../../electron/core/api.ts';
import { UserError } from '../../shared/errors.ts';
import { idRef } from '../../shared/model.ts';
import { fixedClock, newCase, tempDir } from '../fixtures/case.ts';
import { COMPLAINT_TEXT } from '../fixtures/complaint.ts';
import { writePdf } from '../fixtures/pdfs.ts';
import fs from 'node:fs';

const src = tempDir('edit-src-');
const { api, dir } = newCase('Edits');
let ids: number[] = [];

beforeAll(async () => {
  for (const [i, title] of ['Letter', 'Memo', 'Invoice'].entries()) {
    await writePdf(path.join(src, `${i + 1}.pdf`), { title, created: new Date(`2017-03-2${i}T00:00:00Z`), pages: [`${title} text`] });
  }
  const report = await api.importFiles({ paths: [1, 2, 3].map((n) => path.join(src, `${n}.pdf`)) });
  ids = report.imported.map((i) => i.id);
  fs.writeFileSync(path.join(src, 'complaint.txt'), COMPLAINT_TEXT);
  await api.importAllegations({ path: path.join(src, 'complaint.txt') });
});
afterAll(() => api.close());

async function refusal(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('an edit made from a value that has changed since', () => {
  it('is refused with edit_conflict, naming the exhibit and both values, and writes nothing', async () => {
    const before = await api.getExhibit({ exhibit: 'PX-002' });
    const audit = (await api.auditLog({})).length;
    const e = await refusal(api.updateExhibit({ exhibit: 'PX-002', edit: { title: 'Mine' }, expected: { title: 'Not what is stored' } }));
    expect(e.code).toBe('edit_conflict');
    expect(e.message).toMatch(/^The title of PX-002 was changed to “.+” after this edit began \(it was “Not what is stored”\); nothing was saved/);
    expect((await api.getExhibit({ exhibit: 'PX-002' })).exhibit).toEqual(before.exhibit);
    expect(await api.auditLog({})).toHaveLength(audit);
  });

  it('checks every expected field, a cleared one (null) included, before writing any', async () => {
    const current = (await api.getExhibit({ exhibit: 'PX-003' })).exhibit;
    const e = await refusal(
      api.updateExhibit({ exhibit: 'PX-003', edit: { title: 'New', author: 'Someone' }, expected: { title: current.title, author: 'Stale author' } }),
    );
    expect(e.code).toBe('edit_conflict');
    expect((await api.getExhibit({ exhibit: 'PX-003' })).exhibit.title).toBe(current.title);
  });

  it('goes through when the expected values still hold, with one audit entry naming only what changed', async () => {
    const current = (await api.getExhibit({ exhibit: 'PX-001' })).exhibit;
    const saved = await api.updateExhibit({
      exhibit: 'PX-001',
      edit: { title: 'Letter of 28 March', date: current.date },
      expected: { title: current.title, date: current.date },
    });
    expect(saved.title).toBe('Letter of 28 March');
    const last = (await api.auditLog({ exhibit: 'PX-001' })).at(-1)!;
    expect(last).toMatchObject({ action: 'exhibit.edit', before: { title: current.title }, after: { title: 'Letter of 28 March' } });
  });

  it('refuses the second of two writers that began from the same value (two windows on one exhibit)', async () => {
    const other = createCaseApi({ dir, now: fixedClock() });
    try {
      const start = (await api.getExhibit({ exhibit: 'PX-003' })).exhibit.title;
      await other.updateExhibit({ exhibit: 'PX-003', edit: { title: 'From the other window' }, expected: { title: start } });
      const e = await refusal(api.updateExhibit({ exhibit: 'PX-003', edit: { title: 'From this window' }, expected: { title: start } }));
      expect(e.code).toBe('edit_conflict');
      expect((await api.getExhibit({ exhibit: 'PX-003' })).exhibit.title).toBe('From the other window');
    } finally {
      other.close();
    }
  });

  it('refuses a paragraph edit made from text that has changed', async () => {
    const p = (await api.listAllegations({})).paragraphs.find((x) => x.number === 6)!;
    const e = await refusal(api.editParagraph({ number: 6, text: 'Rewritten.', expected: { text: 'Something else' } }));
    expect(e.code).toBe('edit_conflict');
    expect((await api.listAllegations({})).paragraphs.find((x) => x.number === 6)!.text).toBe(p.text);
    expect((await api.editParagraph({ number: 6, text: 'Rewritten.', expected: { text: p.text } })).text).toBe('Rewritten.');
  });
});

describe('a save that changes nothing', () => {
  it('writes no audit entry, for exhibits, paragraphs, tags and the case title', async () => {
    const e = (await api.getExhibit({ exhibit: 'PX-002' })).exhibit;
    await api.tagExhibits({ exhibits: ['PX-002'], tag: 'Hot' });
    const count = (await api.auditLog({})).length;
    expect(await api.updateExhibit({ exhibit: 'PX-002', edit: { title: e.title, date: e.date, description: e.description } })).toEqual(
      (await api.getExhibit({ exhibit: 'PX-002' })).exhibit,
    );
    const p6 = (await api.listAllegations({})).paragraphs.find((x) => x.number === 6)!;
    await api.editParagraph({ number: 6, text: p6.text });
    expect((await api.tagExhibits({ exhibits: ['PX-002'], tag: 'Hot' })).changed).toBe(0);
    await api.setCaseTitle({ title: (await api.caseInfo({})).title });
    expect(await api.auditLog({})).toHaveLength(count);
  });
});

describe('id references', () => {
  it('"id:N" means the exhibit with that id even when another exhibit is numbered N', async () => {
    await api.updateExhibit({ exhibit: 'PX-003', edit: { exhibitNo: String(ids[0]) } });
    expect((await api.getExhibit({ exhibit: String(ids[0]) })).exhibit.id).toBe(ids[2]);
    expect((await api.getExhibit({ exhibit: idRef(ids[0]!) })).exhibit.id).toBe(ids[0]);
    const e = await refusal(api.updateExhibit({ exhibit: idRef(ids[1]!), edit: { exhibitNo: 'id:4' } }));
    expect(e.code).toBe('bad_input');
  });
});
