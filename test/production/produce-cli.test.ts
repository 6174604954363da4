// exhibit-desk withhold and exhibit-desk export … production, run as a user would: flags checked before the case is
// opened, the volume written where asked, under the volume name and Bates settings given.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi } from '../../electron/core/api.ts';
import { readOpt } from '../../electron/core/production/opt.ts';
import { readDat } from '../../electron/core/production/dat.ts';
import { exportCommand } from '../../electron/cli/commands/export.ts';
import { withhold } from '../../electron/cli/commands/withhold.ts';
import type { Io } from '../../electron/cli/command.ts';
import { cli, cliJson } from '../fixtures/cli.ts';
import { newCase, tempDir } from '../fixtures/case.ts';

let dir: string;
const io: Io = { out: () => {}, err: () => {}, interactive: false };

beforeAll(async () => {
  const c = newCase();
  dir = c.dir;
  const files = tempDir('produce-cli-files-');
  fs.writeFileSync(path.join(files, 'memo.txt'), 'Memo to counsel about the contract.\n');
  fs.writeFileSync(path.join(files, 'ledger.csv'), 'Invoice,Amount\n1001,25\n');
  fs.writeFileSync(path.join(files, 'note.txt'), 'A note anyone may read.\n');
  await c.api.importFiles({ paths: ['memo.txt', 'ledger.csv', 'note.txt'].map((f) => path.join(files, f)) });
  c.api.close();
}, 60_000);

describe('exhibit-desk withhold', () => {
  it('marks an exhibit withheld with its privilege and description, and clears it', async () => {
    expect(await cliJson('withhold', dir, 'PX-001', '--type', 'work-product', '--description', 'Counsel’s notes')).toEqual({ type: 'work_product', description: 'Counsel’s notes' });
    const printed: string[] = [];
    const capture: Io = { ...io, out: (text) => printed.push(text) };
    await withhold.run([dir, 'PX-003', '--type', 'other', '--description', 'x'], capture);
    await withhold.run([dir, 'PX-003', '--clear'], capture);
    expect(printed).toEqual(['Withheld PX-003: Other privilege – x', 'PX-003 is no longer withheld.']);
  });

  it('refuses an unknown privilege, a missing description and --clear with a type, in one line each', async () => {
    const bad = await cli('withhold', dir, 'PX-001', '--type', 'friendship', '--description', 'x');
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'exhibit-desk withhold: Give the privilege with --type attorney-client|work-product|other, not "friendship".']);
    await expect(withhold.run([dir, 'PX-001', '--type', 'other'], io)).rejects.toThrow(/--description TEXT/);
    await expect(withhold.run([dir, 'PX-001', '--clear', '--type', 'other'], io)).rejects.toThrow(/--clear takes no --type/);
  });
});

describe('exhibit-desk export production', () => {
  it('writes the volume under its name, with the Bates prefix and digits given, and the privilege log', async () => {
    const out = tempDir('produce-cli-out-');
    const result = await cliJson('export', dir, 'production', '--out', out, '--prefix', 'BES-', '--digits', '5', '--volume', 'VOL007', '--images', 'pdf', '--no-text');
    const folder = path.dirname(result.manifest);
    const names = result.files.map((f: { path: string }) => path.relative(folder, f.path).split(path.sep).join('/')).sort();
    expect(names).toEqual([
      'VOL007/DATA/VOL007.dat',
      'VOL007/DATA/VOL007.opt',
      'VOL007/IMAGES/0001/BES-00001.pdf',
      'VOL007/IMAGES/0001/BES-00002.pdf',
      'VOL007/IMAGES/0001/BES-00003.pdf',
      'VOL007/NATIVES/0001/BES-00002.csv',
      'VOL007/Privilege log.csv',
      'VOL007/Privilege log.docx',
      'VOL007/Privilege log.pdf',
    ]);
    const dat = readDat(fs.readFileSync(path.join(folder, 'VOL007/DATA/VOL007.dat')));
    expect(dat.rows.map((r) => [r.values[0], r.values[16], r.values[17]])).toEqual([
      ['BES-00001', '', ''],
      ['BES-00002', '', '.\\NATIVES\\0001\\BES-00002.csv'],
      ['BES-00003', '', ''],
    ]);
  });

  it('checks its flags before opening the case', async () => {
    const out = tempDir('produce-cli-out-');
    const run = (...flags: string[]) => exportCommand.run([dir, 'production', '--out', out, ...flags], io);
    await expect(run()).rejects.toThrow(/--prefix P/);
    await expect(run('--prefix', 'X', '--images', 'gif')).rejects.toThrow(/--images must be one of tiff, pdf, not "gif"/);
    await expect(run('--prefix', 'X', '--natives', 'some')).rejects.toThrow(/--natives must be one of spreadsheets, all, none/);
    await expect(run('--prefix', 'X', '--bates-start', '5')).rejects.toThrow(/--bates-start does not apply to the production export/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('two productions of one prefix at once', () => {
  it('take ranges of their own, one after the other, and the register remembers where they stopped', async () => {
    const api = createCaseApi({ dir });
    try {
      const produce = () => api.exportProduction({ outDir: tempDir('produce-cli-out-'), prefix: 'SAME', images: 'pdf', text: false });
      const results = await Promise.all([produce(), produce()]);
      const keys = results.map((r) => readOpt(fs.readFileSync(r.files.find((f) => f.path.endsWith('.opt'))!.path, 'utf8')).pages.map((p) => p.key));
      const all = keys.flat().sort();
      expect(all).toEqual(['SAME0000001', 'SAME0000002', 'SAME0000003', 'SAME0000004', 'SAME0000005', 'SAME0000006']);
      const volumes = results.map((r) => readOpt(fs.readFileSync(r.files.find((f) => f.path.endsWith('.opt'))!.path, 'utf8')).pages[0]!.volume).sort();
      expect(volumes).toEqual(['SAME001', 'SAME002']);
    } finally {
      api.close();
    }
  }, 60_000);
});
