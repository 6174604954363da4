// Issue 23 on the command line: designate, trial mark, export --filing, filing docket and the trial list and jury
// exports, run in this process as the CLI runs them; one real run of `show --json` lists every number.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi } from '../../electron/core/api.ts';
import { designate } from '../../electron/cli/commands/designate.ts';
import { exportCommand } from '../../electron/cli/commands/export.ts';
import { filing } from '../../electron/cli/commands/filing.ts';
import { trial } from '../../electron/cli/commands/trial.ts';
import type { Command } from '../../electron/cli/command.ts';
import type { ExhibitDetails } from '../../shared/api.ts';
import type { Designation } from '../../shared/model.ts';
import { tempDir } from '../fixtures/case.ts';
import { cli } from '../fixtures/cli.ts';
import { writePdf } from '../fixtures/pdfs.ts';
import { removeTempDirs, writeVolume } from '../production/volume-fixture.ts';

const src = tempDir('numbers-cli-src-');
const caseDir = path.join(tempDir('numbers-cli-'), 'case');
const out = tempDir('numbers-cli-out-');

beforeAll(async () => {
  await writePdf(path.join(src, 'ledger.pdf'), { title: 'Shipping ledger', pages: ['Ledger page one', 'Ledger page two'] });
  const api = createCaseApi({ dir: caseDir, create: { title: 'Numbers CLI' } });
  try {
    await api.importFiles({ paths: [path.join(src, 'ledger.pdf')] });
    await api.importProduction({ path: writeVolume('utf8').root });
  } finally {
    api.close();
  }
}, 60_000);

afterAll(() => {
  removeTempDirs();
  for (const dir of [src, path.dirname(caseDir), out]) fs.rmSync(dir, { recursive: true, force: true });
});

/** A command as the CLI runs it, in this process; its output, or the UserError it stopped with. */
async function run(command: Command, ...args: string[]): Promise<string> {
  let stdout = '';
  const io = { out: (t: string) => (stdout += `${t}\n`), err: () => {}, interactive: false };
  await command.run(args, io);
  return stdout;
}

describe('the numbers commands', () => {
  it('designates, marks at trial, files with frozen labels and dockets, then show --json lists all four numbers', async () => {
    // Named by a Bates number within the range it was produced under (ABC0000006 – ABC0000008).
    const added = JSON.parse(await run(designate, caseDir, 'ABC0000007', '--kind', 'deposition', '--label', 'Smith Dep. Ex. 4', '--witness', 'John Smith', '--date', '2024-03-05', '--json')) as Designation;
    expect(added).toMatchObject({ kind: 'deposition', label: 'Smith Dep. Ex. 4', witness: 'John Smith' });
    expect(await run(designate, caseDir, 'Smith Dep. Ex. 4', '--kind', 'trial', '--label', 'PX 12')).toMatch(/^Added trial PX 12 \(plaintiff's trial number\) \(id \d+\)/);
    expect(await run(trial, 'mark', caseDir, 'PX-12', '--admitted', '--date', '2026-03-02', '--witness', 'John Smith')).toBe('PX-12 admitted 2026-03-02 (witness: John Smith)\n');

    const exported = await run(exportCommand, caseDir, 'stamped', '--out', out, '--select', 'numbers:PX 12', '--filing', 'Opposition', '--labels', 'numbers');
    expect(exported).toMatch(/filing {4}1: Opposition/);
    expect(exported).toMatch(/is Ex\. 1$/m);
    expect(await run(filing, caseDir, 'docket', 'Opposition', '--number', '45', '--first-attachment', '3')).toMatch(/Dkt\. 45-3, Ex\. 1/);
    expect(await run(filing, caseDir, 'list')).toMatch(/^Filing 1: Opposition \(stamped, \d{4}-\d{2}-\d{2}, Dkt\. 45\)/);

    const shown = await cli('show', caseDir, 'PX 12', '--json');
    expect(shown.stderr).toBe('');
    const details = JSON.parse(shown.stdout) as ExhibitDetails;
    expect(details.designations.map((d) => `${d.kind}: ${d.cite}`)).toEqual(['trial: PX 12', 'deposition: Smith Dep. Ex. 4', 'filing: Dkt. 45-3, Ex. 1', 'production: ABC0000006']);
    expect(details.trialMarks).toMatchObject([{ event: 'admitted', date: '2026-03-02', witness: 'John Smith' }]);

    // The other designation can be removed; the filing's label cannot.
    const frozen = details.designations.find((d) => d.kind === 'filing')!;
    await expect(run(designate, caseDir, 'PX 12', '--remove', String(frozen.id))).rejects.toThrow(/a filing's labels do not change/);
    await expect(run(designate, caseDir, 'PX-001', '--remove', String(added.id))).rejects.toThrow(/PX-001 has no designation with id/);
  }, 60_000);

  it('writes the AO 187 list and the jury’s copy, and says plainly what a flag does not go with', async () => {
    const list = await run(exportCommand, caseDir, 'trial-list', '--format', 'pdf', '--out', out, '--judge', 'Hon. A. Judge');
    expect(list).toMatch(/Exhibit and witness list \(AO 187\)\.pdf \(1 p\./);
    const jury = await run(exportCommand, caseDir, 'jury', '--out', out, '--index');
    expect(jury).toMatch(/12_re-cafe-budget-second-line\.pdf/);
    expect(jury).toMatch(/Exhibits\.txt/);
    expect(await run(trial, 'list', caseDir)).toMatch(/^PX 12 +— +PX-\d{3} +Re: café .*\[admitted 2026-03-02\]/);

    await expect(run(exportCommand, caseDir, 'list', '--format', 'csv', '--out', out, '--filing', 'X')).rejects.toThrow('--filing does not apply to the list export.');
    await expect(run(exportCommand, caseDir, 'stamped', '--out', out, '--labels', 'letters')).rejects.toThrow('--labels and --refile go with --filing TITLE.');
    await expect(run(exportCommand, caseDir, 'list', '--format', 'csv', '--out', out, '--cite-by', 'bates')).rejects.toThrow(/--cite-by must be one of production, deposition/);
    await expect(run(trial, 'mark', caseDir, 'PX-001', '--admitted', '--refused')).rejects.toThrow('Give exactly one of --offered, --marked, --admitted, --refused, --withdrawn.');
    await expect(run(designate, caseDir, 'PX-001', '--kind', 'exhibit', '--label', 'X')).rejects.toThrow('--kind takes one of production, deposition, filing, trial, custom, not "exhibit".');
  }, 60_000);
});
