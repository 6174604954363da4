import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/model.ts';
import { cli } from '../fixtures/cli.ts';
import { xlsx } from '../fixtures/sheets.ts';
import { removeTempDirs, tempDir, writeVolume } from './volume-fixture.ts';

afterAll(removeTempDirs);

describe('exhibit-desk import --production', () => {
  const caseDir = path.join(tempDir('production-cli'), 'case');
  const v = writeVolume('utf8-bom');
  for (const beg of ['ABC0000009', 'ABC0000012']) fs.writeFileSync(path.join(v.root, 'NATIVES', '0001', `${beg}.xlsx`), xlsx([{ name: beg, rows: [[beg]] }]));

  it('imports a volume, reporting the bad rows by line, with a field map and producing party', async () => {
    expect((await cli('init', caseDir)).code).toBe(0);
    const r = await cli('import', caseDir, v.root, '--production', '--field', 'custodian=NOTES', '--producing-party', 'Acme Corp.', '--no-ocr', '--json');
    // Bad rows are a check that failed: exit 1, with the report.
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report.imported.map((i) => i.exhibitNo)).toEqual(['PX-001', 'PX-001.1', 'PX-001.2', 'PX-002', 'PX-003', 'PX-004']);
    expect(report.failed.map((f) => /^line (\d+)/.exec(f.error)?.[1])).toEqual(['8', '9', '11', '11']);
    const shown = await cli('show', caseDir, 'PX-003', '--json');
    expect(JSON.parse(shown.stdout).production).toMatchObject({ begBates: 'ABC0000009', producingParty: 'Acme Corp.', volume: 'VOL001' });

    const again = await cli('import', caseDir, v.root, '--production', '--no-ocr');
    expect(again.stdout).toMatch(/0 imported, 6 duplicate\(s\), 4 failed/);
    expect(again.stdout).toMatch(/failed {4}.*VOL001\.dat: line 9 has 9 fields/);
  });

  it('takes one volume folder, and a field map as FIELD=COLUMN', async () => {
    const two = await cli('import', caseDir, v.root, v.root, '--production');
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/one volume folder at a time/);
    const bad = await cli('import', caseDir, v.root, '--production', '--field', 'begBates');
    expect(bad.stderr).toMatch(/FIELD=COLUMN/);
  });
});
