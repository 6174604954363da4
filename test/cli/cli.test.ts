import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { cli, cliJson } from '../fixtures/cli.ts';
import { COMPLAINT_PAGES } from '../fixtures/complaint.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const src = tempDir('cli-src-');
const caseDir = path.join(tempDir('cli-case-'), 'BES v Huawei');

beforeAll(async () => {
  await writePdf(path.join(src, 'award.pdf'), { title: 'Award notice', pages: ['Contract awarded for about $150 million.', 'Signed in Lahore.'] });
  await writePdf(path.join(src, 'install.pdf'), { title: 'Installation record', pages: ['Cover', 'DES installed on servers in Suzhou.', 'Checklist'] });
  fs.writeFileSync(path.join(src, 'empty.pdf'), '');
  await writePdf(path.join(src, 'complaint.pdf'), { title: 'Complaint', pages: COMPLAINT_PAGES });
});

describe('exhibit-desk CLI', () => {
  it('creates a case, and refuses to create one over it', async () => {
    const first = await cli('init', caseDir, '--title', 'BES v. Huawei');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/the first exhibit will be PX-001/);
    const again = await cli('init', caseDir);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already holds a case/);
  });

  it('imports files, reporting the failures, and exits 1 when a file failed', async () => {
    const r = await cli('import', caseDir, path.join(src, 'award.pdf'), path.join(src, 'install.pdf'), path.join(src, 'empty.pdf'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.imported.map((i: { title: string }) => i.title)).toEqual(['Award notice', 'Installation record']);
    for (const key of ['id', 'path', 'sha256', 'title', 'kind', 'pages', 'parentId', 'textLayer', 'warnings']) {
      expect(report.imported[0]).toHaveProperty(key);
    }
    expect(report.failed).toEqual([expect.objectContaining({ path: path.join(src, 'empty.pdf'), error: 'The file is empty.' })]);
    expect(report.duplicates).toEqual([]);
  });

  it('lists exhibits in number order with the documented fields', async () => {
    const { exhibits } = await cliJson('list', caseDir);
    expect(exhibits.map((e: { exhibitNo: string }) => e.exhibitNo)).toEqual(['PX-001', 'PX-002']);
    for (const key of ['id', 'exhibitNo', 'title', 'kind', 'date', 'from', 'to', 'subject', 'sha256', 'pages', 'parentId', 'textLayer', 'tags']) {
      expect(exhibits[0]).toHaveProperty(key);
    }
  });

  it('shows an exhibit by number or by id', async () => {
    const byNo = await cliJson('show', caseDir, 'px-002');
    const byId = await cliJson('show', caseDir, String(byNo.exhibit.id));
    expect(byId.exhibit.title).toBe('Installation record');
    expect((await cli('show', caseDir, 'PX-999')).stderr).toMatch(/No exhibit "PX-999"/);
  });

  it('searches page text and names the page; a malformed query is one plain line, exit 2', async () => {
    const { hits } = await cliJson('search', caseDir, 'Suzhou');
    expect(hits).toEqual([expect.objectContaining({ exhibitNo: 'PX-002', title: 'Installation record', page: 2 })]);
    const bad = await cli('search', caseDir, '"unclosed');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/ at .*\.ts:\d+/);
  });

  it('tags and untags exhibits, and lists by tag', async () => {
    expect((await cli('tag', caseDir, 'PX-001', 'PX-002', '--add', 'contract')).code).toBe(0);
    expect((await cli('tag', caseDir, 'PX-002', '--remove', 'contract')).code).toBe(0);
    const { exhibits } = await cliJson('list', caseDir, '--tag', 'contract');
    expect(exhibits.map((e: { exhibitNo: string; tags: string[] }) => [e.exhibitNo, e.tags])).toEqual([['PX-001', ['contract']]]);
    expect((await cli('tag', caseDir, 'PX-001')).code).toBe(2);
  });

  it('imports the complaint, links evidence with pages, and lists the paragraphs without support', async () => {
    const imported = await cliJson('allegations', 'import', caseDir, path.join(src, 'complaint.pdf'));
    expect(imported).toMatchObject({ causes: 2, paragraphs: 10 });
    const link = await cliJson('link', caseDir, 'PX-002', '7', '--pages', '2', '--note', 'Suzhou install');
    expect(link).toMatchObject({ cite: 'PX-002 at 2', paragraphNo: 7, stance: 'supports' });
    expect((await cli('link', caseDir, 'PX-002', '7', '--pages', '9')).stderr).toMatch(/has 3 page\(s\); there is no page 9/);
    const { paragraphs } = await cliJson('allegations', 'gaps', caseDir);
    expect(paragraphs.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
    const { evidence } = await cliJson('allegations', 'evidence', caseDir, '7');
    expect(evidence).toEqual([expect.objectContaining({ cite: 'PX-002 at 2', note: 'Suzhou install' })]);
  });

  it('rejects bad usage with exit 2 and a one-line message', async () => {
    for (const args of [['list'], ['list', caseDir, '--bogus'], ['frobnicate'], ['link', caseDir, 'PX-001', 'x7'], ['list', path.join(src, 'nowhere')]]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('verifies every original, and names a tampered or missing one with exit 1', async () => {
    expect(await cliJson('verify', caseDir)).toMatchObject({ ok: true, checked: 2, problems: [] });
    const { exhibits } = await cliJson('list', caseDir);
    const [first, second] = exhibits as { sha256: string; id: number; exhibitNo: string }[];
    const stored = (sha: string) => path.join(caseDir, 'vault', sha.slice(0, 2), sha);
    fs.chmodSync(stored(first!.sha256), 0o644);
    fs.appendFileSync(stored(first!.sha256), 'tampered');
    fs.rmSync(stored(second!.sha256));
    const r = await cli('verify', caseDir, '--json');
    expect(r.code).toBe(1);
    const { problems } = JSON.parse(r.stdout);
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        { sha256: first!.sha256, exhibitIds: [first!.id], exhibitNos: [first!.exhibitNo], problem: 'mismatch' },
        { sha256: second!.sha256, exhibitIds: [second!.id], exhibitNos: [second!.exhibitNo], problem: 'missing' },
      ]),
    );
    const text = await cli('verify', caseDir);
    expect(text.stdout).toContain(`mismatch ${first!.exhibitNo}: original ${first!.sha256}`);
    expect(text.stdout).toContain(`missing  ${second!.exhibitNo}: original ${second!.sha256}`);
  });
});
