import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseApi } from '../../electron/core/api.ts';
import { writeDat } from '../../electron/core/production/dat.ts';
import { CORPUS_DIR } from '../fixtures/corpus.ts';
import { newCase } from '../fixtures/case.ts';
import { removeTempDirs, tempDir } from './volume-fixture.ts';

// Relativity's public import samples, read where they lie (never copied into the repository).
const SAMPLES = path.join(CORPUS_DIR, 'production', 'relativity-import-samples', 'SampleDataSources');
const HAS_SAMPLES = fs.existsSync(SAMPLES);
if (!HAS_SAMPLES) console.warn(`the production samples are not at ${SAMPLES}; production import corpus tests skipped`);

const opened: CaseApi[] = [];
afterAll(() => {
  for (const api of opened) api.close();
  removeTempDirs();
});

describe.skipIf(!HAS_SAMPLES)('importing the Relativity production samples', () => {
  const { api } = newCase();
  opened.push(api);

  it('imports what each DAT of the sample folder describes, and reports the rest by line, without crashing', async () => {
    const summary: string[] = [];
    for (const dat of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.dat')).sort()) {
      const report = await api.importProduction({ path: path.join(SAMPLES, dat) });
      summary.push(`${dat}: ${report.imported.length} imported, ${report.duplicates.length} duplicate(s), ${report.failed.length} problem(s)`);
      for (const f of report.failed) expect(f.error, dat).not.toMatch(/unexpected/i);
    }
    console.log(`production samples imported:\n  ${summary.join('\n  ')}`);
    const first = summary.find((s) => s.startsWith('load_file_01.dat'))!;
    // Four natives: a PDF, a Word 97 document, a workbook and an Outlook message; each its usual kind, its row kept.
    expect(first).toMatch(/^load_file_01\.dat: 4 imported/);
    const pdf = await api.getExhibit({ exhibit: 'PX-001' });
    expect(pdf.exhibit).toMatchObject({ kind: 'pdf', sourceName: 'EDRM-Sample1.pdf' });
    expect(pdf.production).toMatchObject({ begBates: 'Sample_0000001', volume: 'SampleDataSources' });
    expect(pdf.production!.fields['Custodian']).toBe('Sample John');
  });

  it('assembles the sample’s real Group 4 pages into a five-page PDF, one-strip pages’ code as it is', async () => {
    const dat = path.join(tempDir('production-corpus-import'), 'claims.dat');
    fs.writeFileSync(dat, writeDat(['BEGBATES', 'ENDBATES'], [['SYM-00011001_REV', 'SYM-00011001_0004_REV']]));
    // The DAT lies outside the volume, so the volume is read from its folder with that DAT named: through the core.
    const { readProductionVolume } = await import('../../electron/core/production/volume.ts');
    const v = readProductionVolume(SAMPLES, {}, { datFile: dat, optFile: 'Opticon_01.opt' });
    const { assembleImagePdf } = await import('../../electron/core/production/image-pdf.ts');
    const pdf = await assembleImagePdf(v.documents[0]!.pages.map((p) => ({ bytes: fs.readFileSync(p.path), name: p.key })));
    expect(pdf.pages).toBe(5);
    // Four are one strip with their bits lowest first (FillOrder 2): the code goes in with each byte reversed, not
    // decoded. The first is written in 135 strips, which PDF cannot take as one image: it is decoded, losslessly.
    const text = Buffer.from(pdf.bytes).toString('latin1');
    expect(text.match(/\/CCITTFaxDecode/g)).toHaveLength(4);
    expect(text.match(/\/BitsPerComponent 1\n\/Filter \/FlateDecode/g)).toHaveLength(1);
    expect(text.match(/\/MediaBox \[ 0 0 792 612 \]/g)).toHaveLength(4);
  });
});
