import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { cli } from '../fixtures/cli.ts';
import { oversizePdf, textPdf, writeDoc } from '../fixtures/court-pdfs.ts';

const dir = tempDir('cli-preflight-');
const big = path.join(dir, 'big exhibit.pdf');
const ssn = path.join(dir, 'personnel.pdf');

beforeAll(async () => {
  oversizePdf(big, 40);
  await writeDoc(ssn, await textPdf(['Personnel file.', 'Employee SSN: 123-45-6789']));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('exhibit-desk preflight', () => {
  it('fails a 40 MB file for cacd with the size problem: exit 1, and --json in the documented shape', async () => {
    const run = await cli('preflight', big, ssn, '--court', 'cacd', '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      files: [
        {
          path: big,
          ok: false,
          problems: [
            {
              code: 'too-large',
              message: 'The file is 40.0 MB, over the 35 MB limit (C.D. Cal. L.R. 5-4.3.1); divide it into volumes.',
              page: null,
            },
          ],
        },
        {
          path: ssn,
          ok: false,
          problems: [
            {
              code: 'privacy-ssn',
              message: 'Page 2 shows what looks like a Social Security number (XXX-XX-6789); redact it as Fed. R. Civ. P. 5.2(a)(1) requires before filing.',
              page: 2,
            },
          ],
        },
      ],
    });
    expect(run.stdout).not.toContain('123-45-6789');
  }, 180_000);

  it('prints one line per problem without --json, and lets --max-mb override the court cap', async () => {
    const run = await cli('preflight', big, '--court', 'cacd', '--max-mb', '45');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([`ok       ${big}`, 'All 1 file(s) pass for cacd.', '']);
  }, 180_000);

  it('refuses bad input in one line with exit 2', async () => {
    const missing = await cli('preflight', path.join(dir, 'nope.pdf'), '--court', 'cacd');
    expect([missing.code, missing.stderr]).toEqual([2, `exhibit-desk preflight: There is no file ${path.join(dir, 'nope.pdf')}.\n`]);
    const court = await cli('preflight', ssn, '--court', 'sdny');
    expect([court.code, court.stderr]).toEqual([2, 'exhibit-desk preflight: --court takes one of cacd, cand, mdd, generic, not "sdny".\n']);
  }, 180_000);
});
