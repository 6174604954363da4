import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi } from '../../electron/core/api.ts';
import { tempDir } from '../fixtures/case.ts';
import { cli, cliJson } from '../fixtures/cli.ts';
import { COMPLAINT_PAGES } from '../fixtures/complaint.ts';
import { parseCsv } from '../fixtures/export-reading.ts';
import { writePdf } from '../fixtures/pdfs.ts';
import { facts as factsCommand } from '../../electron/cli/commands/facts.ts';

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

/** The command as the CLI runs it, in this process (each real run costs about two seconds of start-up). */
async function facts(...args: string[]): Promise<string> {
  let stdout = '';
  const io = { out: (t: string) => (stdout += `${t}\n`), err: () => {}, interactive: false };
  await factsCommand.run(args, io);
  return stdout;
}
const factsJson = async (...args: string[]) => JSON.parse(await facts(...args, '--json'));

describe('exhibit-desk facts', () => {
  it('adds, links, edits, proposes, accepts, removes, lists and exports facts, one JSON document per command', async () => {
    const month = await cliJson('facts', 'add', caseDir, '--date', '03/??/2017', '--text', 'Huawei announces the Suzhou installation.', '--tag', 'Suzhou');
    expect(month).toMatchObject({ date: { precision: 'month', display: 'Mar 2017' }, tags: ['Suzhou'], unsourced: true });
    const day = await factsJson(
      'add', caseDir, '--date', '28 March 2017', '--text', 'BES asks for written approval.', '--key', '--status', 'disputed by them',
      '--exhibit', 'PX-001', '--pages', '2', '--quote', 'DES installed on servers in Suzhou.', '--paragraph', '6',
    );
    expect(day).toMatchObject({ key: true, status: 'disputed_by_them', paragraphs: [6], sources: [{ cite: 'PX-001 at 2' }] });
    const undated = await factsJson('add', caseDir, '--text', 'Somebody copies the designs.');
    expect(undated.date.display).toBe('TBD');

    expect((await factsJson('link', caseDir, String(month.id), '--paragraph', '7')).paragraphs).toEqual([7]);
    expect((await factsJson('edit', caseDir, String(undated.id), '--date', 'after 12 April 2019', '--key')).date.display).toBe('after 12 Apr 2019');
    const proposals = await factsJson('propose', caseDir);
    expect(proposals.proposed).toEqual([expect.objectContaining({ statement: 'Installation record', date: expect.objectContaining({ display: '20 Apr 2017' }) })]);
    expect(await facts('accept', caseDir, 'all')).toBe('Accepted 1 proposal(s).\n');
    expect((await factsJson('remove', caseDir, String(undated.id))).id).toBe(undated.id);

    const list = await factsJson('list', caseDir);
    expect(list.map((f: { date: { display: string } }) => f.date.display)).toEqual(['Mar 2017', '28 Mar 2017', '20 Apr 2017']);

    const result = await factsJson('export', caseDir, '--format', 'csv', '--out', out);
    const rows = parseCsv(fs.readFileSync(result.files[0].path, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows).toEqual([
      ['Date', 'Fact', 'Sources', 'Status'],
      ['Mar 2017', 'Huawei announces the Suzhou installation.', 'NO SOURCE\nCompl. ¶ 7', 'Undisputed'],
      ['28 Mar 2017', 'BES asks for written approval.', 'PX-001 at 2\nCompl. ¶ 6', 'KEY – Disputed by them'],
      ['20 Apr 2017', 'Installation record', 'PX-001 at 1', 'Undisputed'],
    ]);
  });

  it('links an exhibit with pages, and refuses a date it cannot read in one line', async () => {
    expect(await facts('link', caseDir, '1', 'PX-001', '--pages', '1-2')).toMatch(/^Linked PX-001 at 1–2 to fact 1 \(source \d+\)\.\n$/);
    const bad = await cli('facts', 'add', caseDir, '--date', 'next Tuesday', '--text', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/"next Tuesday" is not a date/);
  });
});
