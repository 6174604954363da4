import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { execFile } from 'node:child_process';
import { BIN } from '../fixtures/cli.ts';
import { exportCase } from '../fixtures/export-case.ts';
import { parseCsv } from '../fixtures/export-reading.ts';
import { exportCommand, parseSelection } from '../../electron/cli/commands/export.ts';
import { UserError } from '../../shared/errors.ts';

let dir: string;
let out: string;

/** Runs the real CLI without blocking this process (an export takes seconds; the test runner must stay responsive). */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

async function cliJson(...args: string[]) {
  const r = await cli(...args, '--json');
  if (r.code !== 0) throw new Error(`exhibit-desk ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  const c = await exportCase();
  c.api.close();
  dir = c.dir;
  out = tempDir('cli-export-');
});

describe('exhibit-desk export', () => {
  it('writes a bundle and answers --json with the files, the manifest and the warnings', async () => {
    const result = await cliJson(
      'export', dir, 'bundle', '--out', out, '--bates-prefix', 'BES', '--bates-start', '10', '--bates-digits', '5',
      '--max-mb', '5', '--select', 'numbers:1,3-4', '--cover', 'Plaintiff’s exhibits', '--case-number', 'No. 24-1',
    );
    expect(Object.keys(result).sort()).toEqual(['files', 'manifest', 'warnings']);
    expect(result.files).toHaveLength(1);
    expect(Object.keys(result.files[0]).sort()).toEqual(['bytes', 'pages', 'path', 'sha256']);
    expect(fs.statSync(result.files[0].path).size).toBe(result.files[0].bytes);
    const manifest = JSON.parse(fs.readFileSync(result.manifest, 'utf8'));
    expect(manifest.exhibits.map((e: { exhibitNo: string; bates: { first: string } }) => [e.exhibitNo, e.bates.first])).toEqual([
      ['PX-001', 'BES00010'],
      ['PX-003', 'BES00013'],
      ['PX-004', 'BES00014'],
    ]);
    expect(manifest.settings).toMatchObject({ cover: 'Plaintiff’s exhibits', caseNumber: 'No. 24-1', maxMb: 5 });
    expect(result.warnings).toEqual([]);
  });

  it('writes a list in plain text mode, its Bates ranges those of the bundle above', async () => {
    const list = await cli('export', dir, 'list', '--format', 'csv', '--out', out);
    expect(list.code).toBe(0);
    const written = /^wrote\s+(.+\.csv) \(\d+ KB\)$/m.exec(list.stdout)![1]!;
    expect(list.stdout).toMatch(/^manifest\s+.+manifest\.json$/m);
    const rows = parseCsv(fs.readFileSync(written, 'utf8').slice(1));
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['PX-001', 'BES00010 – BES00012'],
      ['PX-002', ''],
      ['PX-003', 'BES00013'],
      ['PX-004', 'BES00014 – BES00015'],
      ['PX-005', ''],
      ['PX-006', ''],
    ]);
  });

  it('refuses bad usage plainly: one line on stderr, exit 2, nothing written', async () => {
    const target = tempDir('cli-export-refused-');
    const r = await cli('export', dir, 'binder', '--out', target);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['exhibit-desk export: "binder" is not an export; choose bundle, stamped, list, proof-chart, production, trial-list or jury.']);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  // The same checks, run in this process: each flag is validated before the case is even opened.
  it.each([
    [['bundle'], /Give the folder to export to with --out DIR/],
    [['list', '--out', 'X'], /Give the format with --format pdf\|docx\|csv/],
    [['list', '--format', 'xls', '--out', 'X'], /--format must be one of pdf, docx, csv, not "xls"/],
    [['proof-chart', '--format', 'csv', '--out', 'X'], /--format must be one of pdf, docx, not "csv"/],
    [['bundle', '--out', 'X', '--max-mb', '0'], /--max-mb takes a size in MB/],
    [['bundle', '--out', 'X', '--max-mb', 'lots'], /--max-mb takes a size in MB/],
    [['stamped', '--out', 'X', '--max-mb', '5'], /--max-mb does not apply to the stamped export/],
    [['proof-chart', '--format', 'pdf', '--out', 'X', '--select', 'all'], /--select does not apply to the proof-chart export/],
    [['bundle', '--out', 'X', '--select', 'everything'], /--select takes all, tag:NAME, paragraph:N or numbers:1,3-7/],
    [['bundle', '--out', 'X', '--select', 'numbers:7-3'], /The range 7-3 runs backwards; write it as 3-7\./],
    [['bundle', '--out', 'X', '--bates-digits', '0'], /--bates-digits takes a number from 1 to 15/],
    [['bundle', '--out', 'X', '--bates-start', 'one'], /--bates-start takes a whole number/],
    [['bundle', '--out', 'X', '--bates-position', 'top'], /--bates-position must be one of bottom-right, bottom-center, bottom-left/],
    [['bundle', '--out', 'X', '--colour', 'red'], /Unknown option '--colour'/],
    [['bundle', '--out', 'X', 'extra'], /Unexpected argument "extra"/],
  ])('refuses %j before opening the case', async (args, message) => {
    const target = tempDir('cli-export-refused-');
    const io = { out: () => {}, err: () => {}, interactive: false };
    const run = exportCommand.run(['/nonexistent/case', ...args.map((a) => (a === 'X' ? target : a))], io);
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(message);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('refuses what only the case can tell: an unknown tag, too few Bates digits for its pages', async () => {
    const io = { out: () => {}, err: () => {}, interactive: false };
    const target = tempDir('cli-export-refused-');
    await expect(exportCommand.run([dir, 'bundle', '--out', target, '--select', 'tag:Nope'], io)).rejects.toThrow('No tag "Nope".');
    await expect(exportCommand.run([dir, 'bundle', '--out', target, '--bates-digits', '1'], io)).rejects.toThrow(
      'These 13 pages would be numbered up to 13, more than 1 digits; use at least 2 Bates digits.',
    );
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('parses selections', () => {
    expect(parseSelection('all')).toEqual({ by: 'all' });
    expect(parseSelection('tag:Trade secrets/DES')).toEqual({ by: 'tag', tag: 'Trade secrets/DES' });
    expect(parseSelection('paragraph:¶ 12')).toEqual({ by: 'paragraph', paragraph: 12 });
    expect(parseSelection('numbers:1, 3-7,PX-004.2')).toEqual({ by: 'numbers', ranges: [{ from: 1, to: 1 }, { from: 3, to: 7 }], exhibits: ['PX-004.2'] });
  });

  it('documents every export and its flags in the help', () => {
    expect(exportCommand.usage).toContain('export CASE_DIR bundle --out DIR [--bates-prefix P] [--bates-start N] [--bates-digits N]');
    expect(exportCommand.usage).toContain('[--max-mb N] [--select all|tag:NAME|paragraph:N|numbers:1,3-7] [--cover TEXT]');
    expect(exportCommand.usage).toContain('export CASE_DIR stamped --out DIR');
    expect(exportCommand.usage).toContain('export CASE_DIR list --format pdf|docx|csv --out DIR');
    expect(exportCommand.usage).toContain('export CASE_DIR proof-chart --format pdf|docx --out DIR [--cite-by');
    expect(exportCommand.usage).toContain('export CASE_DIR trial-list --format pdf|docx --out DIR');
    expect(exportCommand.usage).toContain('export CASE_DIR jury --out DIR [--index]');
  });
});
