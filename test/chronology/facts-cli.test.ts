import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi } from '../../electron/core/api.ts';
import { tempDir } from '../fixtures/case.ts';
import { cli, cliJson } from '../fixtures/cli.ts';
import { COMPLAINT_PAGES } from '../fixtures/complaint.ts';
import { parseCsv } from '../fixtures/export-reading.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const src = tempDir('facts-cli-src-');
const caseDir = path.join(tempDir('facts-cli-'), 'case');
const out = tempDir('facts-cli-out-');

// The case is set up through the core (quicker than three more CLI runs); only the facts commands go through the CLI.
beforeAll(async () => {
  await writePdf(path.join(src, 'install.pdf'), {
    title: 'Installation record',
    created: new Date('2017-04-20T10:00:00Z'),
    pages: ['Cover', 'DES installed on servers in Suzhou.', 'Checklist'],
  });
  await writePdf(path.join(src, 'complaint.pdf'), { title: 'Complaint', pages: COMPLAINT_PAGES });
  const api = createCaseApi({ dir: caseDir, create: { title: 'Facts CLI' } });
  try {
    await api.importFiles({ paths: [path.join(src, 'install.pdf')] });
    await api.importAllegations({ path: path.join(src, 'complaint.pdf') });
  } finally {
    api.close();
  }
});

describe('exhibit-desk facts', () => {
  it('adds, links, edits, proposes, accepts, removes, lists and exports facts, one JSON document per command', async () => {
    const month = await cliJson('facts', 'add', caseDir, '--date', '03/??/2017', '--text', 'Huawei announces the Suzhou installation.', '--tag', 'Suzhou');
    expect(month).toMatchObject({ date: { precision: 'month', display: 'Mar 2017' }, tags: ['Suzhou'], unsourced: true });
    const day = await cliJson(
      'facts', 'add', caseDir, '--date', '28 March 2017', '--text', 'BES asks for written approval.', '--key', '--status', 'disputed by them',
      '--exhibit', 'PX-001', '--pages', '2', '--quote', 'DES installed on servers in Suzhou.', '--paragraph', '6',
    );
    expect(day).toMatchObject({ key: true, status: 'disputed_by_them', paragraphs: [6], sources: [{ cite: 'PX-001 at 2' }] });
    const undated = await cliJson('facts', 'add', caseDir, '--text', 'Somebody copies the designs.');
    expect(undated.date.display).toBe('TBD');

    expect((await cliJson('facts', 'link', caseDir, String(month.id), '--paragraph', '7')).paragraphs).toEqual([7]);
    expect((await cliJson('facts', 'edit', caseDir, String(undated.id), '--date', 'after 12 April 2019', '--key')).date.display).toBe('after 12 Apr 2019');
    const proposals = await cliJson('facts', 'propose', caseDir);
    expect(proposals.proposed).toEqual([expect.objectContaining({ statement: 'Installation record', date: expect.objectContaining({ display: '20 Apr 2017' }) })]);
    const accepted = await cli('facts', 'accept', caseDir, 'all');
    expect(accepted).toMatchObject({ code: 0, stdout: 'Accepted 1 proposal(s).\n' });
    expect((await cliJson('facts', 'remove', caseDir, String(undated.id))).id).toBe(undated.id);

    const list = await cliJson('facts', 'list', caseDir);
    expect(list.map((f: { date: { display: string } }) => f.date.display)).toEqual(['Mar 2017', '28 Mar 2017', '20 Apr 2017']);

    const result = await cliJson('facts', 'export', caseDir, '--format', 'csv', '--out', out);
    const rows = parseCsv(fs.readFileSync(result.files[0].path, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows).toEqual([
      ['Date', 'Fact', 'Sources', 'Status'],
      ['Mar 2017', 'Huawei announces the Suzhou installation.', 'NO SOURCE\nCompl. ¶ 7', 'Undisputed'],
      ['28 Mar 2017', 'BES asks for written approval.', 'PX-001 at 2\nCompl. ¶ 6', 'KEY – Disputed by them'],
      ['20 Apr 2017', 'Installation record', 'PX-001 at 1', 'Undisputed'],
    ]);
  });

  it('links an exhibit with pages, and refuses a date it cannot read in one line', async () => {
    const linked = await cli('facts', 'link', caseDir, '1', 'PX-001', '--pages', '1-2');
    expect(linked).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Linked PX-001 at 1–2 to fact 1 \(source \d+\)\.\n$/) });
    const bad = await cli('facts', 'add', caseDir, '--date', 'next Tuesday', '--text', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/"next Tuesday" is not a date/);
  });
});
