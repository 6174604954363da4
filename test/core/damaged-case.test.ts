import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import { createCaseApi } from '../../electron/core/api.ts';
import { recoverCase } from '../../electron/core/case/recover-case.ts';
import { breakTable, damagedCopy as damagedCopyOf, newCase, tempDir } from '../fixtures/case.ts';
import { cli, cliJson } from '../fixtures/cli.ts';
import { mixedEmail } from '../fixtures/emails.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const PDFS = 40;
let healthy = '';
let before: { exhibitNo: string; sha256: string; title: string; tags: string[]; parentId: number | null }[] = [];

/** A copy of the healthy case with `damage` done to its closed database file. */
const damagedCopy = (damage: (file: string) => void) => damagedCopyOf(healthy, damage);

async function listing(dir: string) {
  const api = createCaseApi({ dir });
  try {
    return (await api.listExhibits({})).map((e) => ({ exhibitNo: e.exhibitNo, sha256: e.sha256, title: e.title, tags: e.tags, parentId: e.parentId }));
  } finally {
    api.close();
  }
}

beforeAll(async () => {
  const src = tempDir('damaged-src-');
  for (let i = 0; i < PDFS; i++) {
    const n = String(i + 1).padStart(2, '0');
    await writePdf(path.join(src, `doc ${n}.pdf`), { title: `Document ${n}`, pages: [`Document ${n} about the Suzhou servers. ${'Data exchange. '.repeat(60)}`, `Second page of ${n}`] });
  }
  fs.writeFileSync(path.join(src, 'zz approval.eml'), (await mixedEmail()).bytes);
  const { api, dir } = newCase('Damaged case');
  const report = await api.importFiles({ paths: [src] });
  expect(report.failed).toEqual([]);
  await api.tagExhibits({ exhibits: ['PX-001', 'PX-040'], tag: 'hot/very' });
  await api.updateExhibit({ exhibit: 'PX-002', edit: { title: 'The edited title', description: 'Kept by recovery' } });
  api.close();
  healthy = dir;
  before = await listing(dir);
  expect(before).toHaveLength(PDFS + 2);
}, 60_000);

describe('a case whose database has damaged pages', () => {
  it('opens read-only: reads work as far as SQLite can, every change is refused with the way out', async () => {
    const dir = damagedCopy(breakTable('texts', (p) => p[Math.floor(p.length / 2)]!));
    const damagedBytes = fs.readFileSync(path.join(dir, 'case.sqlite'));
    const api = createCaseApi({ dir });
    try {
      const info = await api.caseInfo({});
      expect(info.readOnly?.reason).toMatch(/^its database is damaged \(/);
      expect(info.title).toBe('Damaged case');
      expect((await api.listExhibits({})).map((e) => e.exhibitNo)).toEqual(before.map((e) => e.exhibitNo));
      expect((await api.getExhibit({ exhibit: 'PX-002' })).exhibit.title).toBe('The edited title');
      expect((await api.listTags({})).map((t) => t.path)).toContain('hot/very');
      const refusals = [
        api.tagExhibits({ exhibits: ['PX-001'], tag: 'new' }),
        api.updateExhibit({ exhibit: 'PX-001', edit: { title: 'x' } }),
        api.setCaseTitle({ title: 'x' }),
        api.importFiles({ paths: [dir] }),
        api.backupCase({ out: path.join(tempDir(), 'b.zip') }),
      ];
      for (const refused of refusals) {
        const e = await refused.catch((x: unknown) => x);
        expect(e).toBeInstanceOf(UserError);
        expect((e as UserError).code).toBe('case_damaged');
        expect((e as UserError).message).toBe(
          `This case's database is damaged; it is open read-only. Run "exhibit-desk recover ${dir} NEW_DIR" to rebuild it in a new folder from its vault.`,
        );
      }
      // A read that lands on the damaged pages is a plain user error too, never a crash.
      const texts = await Promise.all(before.slice(0, PDFS).map((e) => api.pageText({ exhibit: e.exhibitNo, page: 1 }).then(() => null, (x: unknown) => x)));
      const failed = texts.filter((t) => t !== null);
      expect(failed.length).toBeGreaterThan(0);
      for (const e of failed) expect((e as UserError).code).toBe('case_damaged');
      // What can be read can be exported, to take the case elsewhere; the export is not audited in the damaged file.
      const list = await api.exportList({ outDir: tempDir('damaged-export-'), format: 'csv' });
      expect(list.warnings).toContain('The case is open read-only (its database is damaged), so this export is not recorded in its audit log.');
      expect(fs.readFileSync(list.files[0]!.path, 'utf8')).toMatch(/PX-002,.*Kept by recovery/);
      const verified = await api.verify({});
      expect(verified.ok).toBe(false);
      expect(verified.integrity).not.toBe('ok');
    } finally {
      api.close();
    }
    // Nothing was written to the damaged file: no migration, no write, no checkpoint.
    expect(fs.readFileSync(path.join(dir, 'case.sqlite')).equals(damagedBytes)).toBe(true);
    expect(fs.statSync(path.join(dir, 'case.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
  });

  it('is refused with a clear message when its header is destroyed, and the CLI says so in one line', async () => {
    const dir = damagedCopy((file) => {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(100, 0));
      fs.closeSync(fd);
    });
    expect(() => createCaseApi({ dir })).toThrow(
      new UserError('case_damaged', `The database of the case at ${dir} cannot be opened (file is not a database); run "exhibit-desk recover ${dir} NEW_DIR" to rebuild the case from its vault.`),
    );
    const r = await cli('list', dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot be opened \(file is not a database\); run "exhibit-desk recover/);

    // Recovery still has the vault: every exhibit comes back (numbers in the order they were imported).
    const target = path.join(tempDir('recovered-'), 'case');
    const report = await cliJson('recover', dir, target);
    expect(report).toMatchObject({ case: target, exhibits: PDFS + 2, fromDatabase: 0, fromVaultOnly: PDFS + 2, lostRows: 0 });
    expect(report.warnings[0]).toMatch(/could not be read at all/);
    const after = await listing(target);
    expect(after.map((e) => e.sha256).sort()).toEqual(before.map((e) => e.sha256).sort());
    // The email, the largest file, came back before its attachment, so the attachment is in its family again.
    expect(after.filter((e) => e.parentId !== null)).toHaveLength(1);
  }, 60_000);

  it('recovers into a new folder: salvaged rows keep their details and tags, lost rows come back from the vault', async () => {
    const dir = damagedCopy(breakTable('exhibits', (p) => p[1]!));
    const target = path.join(tempDir('recovered-'), 'case');
    const report = await recoverCase(dir, target);
    expect(report.exhibits).toBe(PDFS + 2);
    expect(report.lostRows).toBeGreaterThan(0);
    expect(report.fromVaultOnly).toBe(report.lostRows);
    expect(report.fromDatabase).toBe(PDFS + 2 - report.lostRows);
    expect(report.missingOriginals).toEqual([]);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['case']);

    const api = createCaseApi({ dir: target });
    try {
      expect(await api.caseInfo({})).toMatchObject({ title: 'Damaged case', readOnly: null });
      expect(await api.verify({})).toMatchObject({ ok: true, checked: PDFS + 2, auditOk: true, integrity: 'ok' });
      const [first] = await api.auditLog({ limit: 100_000 }).then((l) => l.filter((a) => a.action === 'case.recover'));
      expect(first?.after).toMatchObject({ source: dir, lostRows: report.lostRows });
      const after = await api.listExhibits({});
      expect(after.map((e) => e.sha256).sort()).toEqual(before.map((e) => e.sha256).sort());
      // Rows that were read back: same title (edited ones too), same tags.
      const bySha = new Map(after.map((e) => [e.sha256, e]));
      // A lost row's exhibit is read again from its original: the edited title is what it cannot know, and its file
      // name is gone with the row, so it is named from its hash (the PDF's own title, "Document 02", is not a title).
      for (const e of before) {
        const title = bySha.get(e.sha256)!.title;
        if (title !== e.title) expect(title).toBe(`recovered ${e.sha256.slice(0, 12)}`);
      }
      expect(bySha.get(before.find((e) => e.exhibitNo === 'PX-040')!.sha256)!.tags).toEqual(['hot/very']);
      // Salvaged rows keep their exhibit numbers; an exhibit known only from the vault gets a new one after the
      // highest, never a gap's number, which belonged to some other exhibit.
      const sameNumber = after.filter((e) => before.find((b) => b.sha256 === e.sha256)!.exhibitNo === e.exhibitNo);
      expect(sameNumber).toHaveLength(report.fromDatabase);
      const lone = after.filter((e) => !sameNumber.includes(e));
      expect(lone.map((e) => e.exhibitNo)).toEqual(lone.map((_, i) => `PX-${String(PDFS + 2 + i).padStart(3, '0')}`));
      expect(report.warnings).toEqual([]);
      expect(after.filter((e) => e.parentId !== null)).toHaveLength(1);
      expect((await api.search({ query: 'Suzhou' })).length).toBeGreaterThan(PDFS - 1);
    } finally {
      api.close();
    }
  }, 60_000);

  it('refuses to recover into a folder that is not empty', async () => {
    const target = tempDir('occupied-');
    fs.writeFileSync(path.join(target, 'keep.txt'), '');
    await expect(recoverCase(healthy, target)).rejects.toThrow(/is not an empty folder; choose a new folder/);
  });
});
