import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDat, writeDat } from '../../electron/core/production/dat.ts';
import { decodeLoadFile } from '../../electron/core/production/load-file-text.ts';
import { readOpt } from '../../electron/core/production/opt.ts';
import { readProductionVolume } from '../../electron/core/production/volume.ts';
import { CORPUS_DIR } from '../fixtures/corpus.ts';
import { removeTempDirs, tempDir } from './volume-fixture.ts';

afterAll(removeTempDirs);

// Relativity's public import samples, read where they lie (never copied into the repository).
const PRODUCTION = path.join(CORPUS_DIR, 'production');
const SAMPLES = path.join(PRODUCTION, 'relativity-import-samples', 'SampleDataSources');
const HAS_SAMPLES = fs.existsSync(SAMPLES);
if (!HAS_SAMPLES) console.warn(`the production samples are not at ${SAMPLES}; production corpus tests skipped`);

function loadFiles(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.extname(f).toLowerCase() === ext)
    .map((f) => path.join(dir, f))
    .sort();
}

// What each sample is, as read by eye (bytes in a hex dump): encoding, separator, qualifier, header or not.
const EXPECTED_DATS: Record<string, { encoding: string; delimiter: string; qualifier: string | null; header: boolean; rows: number }> = {
  'load_file_01.dat': { encoding: 'utf-8-bom', delimiter: '|', qualifier: null, header: true, rows: 4 },
  'load_file_02.dat': { encoding: 'utf-8-bom', delimiter: '|', qualifier: null, header: false, rows: 2 },
  'load_file_03.dat': { encoding: 'utf-8-bom', delimiter: '\u0014', qualifier: 'þ', header: false, rows: 2 },
  'load_file_04.dat': { encoding: 'utf-8', delimiter: '|', qualifier: '^', header: true, rows: 2 },
  'load_file_05.dat': { encoding: 'utf-8-bom', delimiter: '|', qualifier: null, header: true, rows: 4 },
  'load_file_07_0.dat': { encoding: 'utf-8-bom', delimiter: '\u0014', qualifier: 'þ', header: false, rows: 12 },
  'load_file_07_1.dat': { encoding: 'utf-8-bom', delimiter: '\u0014', qualifier: 'þ', header: false, rows: 12 },
};

describe.skipIf(!HAS_SAMPLES)('the Relativity production samples', () => {
  it('parses every DAT, finding its encoding, separator, qualifier and whether it has a header', () => {
    const dats = loadFiles(PRODUCTION, '.dat');
    expect(dats.length).toBeGreaterThanOrEqual(1);
    const summary: string[] = [];
    for (const file of dats) {
      const dat = readDat(fs.readFileSync(file));
      const name = path.basename(file);
      summary.push(`${name}: ${dat.encoding}, ${dat.dialect}, separator ${JSON.stringify(dat.delimiter)}, qualifier ${dat.qualifier ?? 'none'}, ${dat.fields.length} columns, ${dat.rows.length} rows, ${dat.problems.length} problems`);
      expect(dat.fields.length, name).toBeGreaterThan(0);
      expect(dat.rows.length, name).toBeGreaterThan(0);
      // No sample has a row with the wrong number of fields; the only problem any has is a missing header.
      for (const p of dat.problems) expect(p.message, name).toMatch(/holds data, not the field names/);
      const expected = EXPECTED_DATS[name];
      if (!expected) continue;
      expect({ encoding: dat.encoding, delimiter: dat.delimiter, qualifier: dat.qualifier, header: dat.problems.length === 0, rows: dat.rows.length }, name).toEqual(expected);
      expect(dat.fields, name).toHaveLength(23);
    }
    console.log(`production DATs:\n  ${summary.join('\n  ')}`);
  });

  it('reads the header names, and a control number holding the separator inside ^ qualifiers', () => {
    const one = readDat(fs.readFileSync(path.join(SAMPLES, 'load_file_01.dat')));
    expect(one.fields.slice(0, 6)).toEqual(['Control Number', 'Custodian', 'Date Created', 'Date Last Modified', 'Date Received', 'Date Sent']);
    expect(one.fields.at(-1)).toBe('FILE_PATH');
    const four = readDat(fs.readFileSync(path.join(SAMPLES, 'load_file_04.dat')));
    expect(four.rows.map((r) => r.values[0])).toEqual(['Sample_|_00000013', 'Sample_|_00000014']);
    // Written back in our dialect, the same values come back.
    const again = readDat(writeDat(four.fields, four.rows.map((r) => r.values)));
    expect(again.rows.map((r) => r.values)).toEqual(four.rows.map((r) => r.values));
  });

  it('parses every OPT: one five-page document with its page count on the first line', () => {
    const opts = loadFiles(PRODUCTION, '.opt');
    expect(opts.length).toBeGreaterThanOrEqual(1);
    for (const file of opts) {
      const opt = readOpt(decodeLoadFile(fs.readFileSync(file)).text);
      expect(opt.problems, file).toEqual([]);
      expect(opt.pages.length, file).toBeGreaterThan(0);
      expect(opt.pages[0]!.docBreak, file).toBe(true);
      if (path.basename(file).toLowerCase().startsWith('opticon_0')) {
        expect(opt.pages.map((p) => [p.docBreak, p.pageCount, p.volume])).toEqual([[true, 5, 'VOL01'], ...Array(4).fill([false, null, 'VOL01'])]);
        expect(opt.pages[0]!.imagePath).toBe('.\\VOL01\\IMAGES\\IMG001\\SYM-00011001_REV.tif');
      }
      console.log(`${path.basename(file)}: ${opt.pages.length} pages, ${opt.pages.filter((p) => p.docBreak).length} document(s)`);
    }
  });

  it('will not guess between the folder’s seven DATs and two OPTs', () => {
    const v = readProductionVolume(SAMPLES);
    expect(v.documents).toEqual([]);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]!.message).toMatch(/^found 7 DAT and 2 OPT load files/);
  });

  it('reads load_file_01 with Opticon_01: four natives with their text, and images no row claims', () => {
    const v = readProductionVolume(SAMPLES, {}, { datFile: 'load_file_01.dat', optFile: 'Opticon_01.opt' });
    expect(v.fieldMap).toMatchObject({
      begBates: 'Control Number',
      custodian: 'Custodian',
      date: 'Date Sent',
      from: 'Email From',
      subject: 'Email Subject',
      textPath: 'Extracted Text',
      nativePath: 'FILE_PATH',
      md5: 'MD5 Hash',
    });
    expect(v.documents.map((d) => [d.begBates, d.pages.length, path.basename(d.nativePath!), path.basename(d.textPath!)])).toEqual([
      ['Sample_0000001', 0, 'EDRM-Sample1.pdf', 'EDRM-Sample1.txt'],
      ['Sample_0000002', 0, 'EDRM-Sample2.doc', 'EDRM-Sample2.txt'],
      ['Sample_0000003', 0, 'EDRM-Sample3.xlsx', 'EDRM-Sample3.txt'],
      ['Sample_0000004', 0, 'EDRM-Sample4.msg', 'EDRM-Sample4.txt'],
    ]);
    expect(v.documents[0]!.fields).toMatchObject({ subject: 'RE: Import samples', custodian: 'Sample John', md5: '6F1D87ACFDB01ABE109AA5DA3F24031D' });
    expect(v.problems).toEqual([{ line: 1, file: 'Opticon_01.opt', message: 'line 1: the images of SYM-00011001_REV (5 pages) have no row in the DAT' }]);
  });

  it('finds the files load_file_07_0 names that are not in the volume, and its repeated control number', () => {
    const map = { begBates: 'Column 1', textPath: 'Column 13', nativePath: 'Column 23' };
    const v = readProductionVolume(SAMPLES, map, { datFile: 'load_file_07_0.dat', optFile: 'Opticon_01.opt' });
    expect(v.documents.map((d) => d.begBates)).toEqual(['Sample_0000079']);
    const dat = v.problems.filter((p) => p.file === 'load_file_07_0.dat');
    expect(dat.filter((p) => /is missing/.test(p.message))).toHaveLength(13);
    expect(dat.filter((p) => /is also on line/.test(p.message)).map((p) => p.line)).toEqual([3, 4]);
    expect(dat).toContainEqual({ line: 10, file: 'load_file_07_0.dat', message: 'line 10: the extracted text .\\VOL01\\TEXT\\TEXT00001\\EDRM-Sampl0.txt is missing' });
    const good = readProductionVolume(SAMPLES, map, { datFile: 'load_file_07_1.dat', optFile: 'Opticon_01.opt' });
    expect(good.documents).toHaveLength(10);
  });

  it('matches the sample OPT’s real Group 4 page images to a DAT row that claims them', () => {
    const dat = path.join(tempDir('production-corpus'), 'claims.dat');
    fs.writeFileSync(dat, writeDat(['BEGBATES', 'ENDBATES'], [['SYM-00011001_REV', 'SYM-00011001_0004_REV']]));
    const v = readProductionVolume(SAMPLES, {}, { datFile: dat, optFile: 'Opticon_01.opt' });
    expect(v.problems).toEqual([]);
    expect(v.volumeName).toBe('VOL01');
    const [doc] = v.documents;
    expect(doc!.pages.map((p) => p.key)).toEqual(['SYM-00011001_REV', 'SYM-00011001_0001_REV', 'SYM-00011001_0002_REV', 'SYM-00011001_0003_REV', 'SYM-00011001_0004_REV']);
    for (const p of doc!.pages) {
      expect(p.path.startsWith(path.join(SAMPLES, 'VOL01', 'IMAGES', 'IMG001'))).toBe(true);
      expect(fs.readFileSync(p.path).subarray(0, 4)).toEqual(Buffer.from([0x49, 0x49, 42, 0]));
    }
  });
});
