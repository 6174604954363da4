import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDat } from '../../electron/core/production/dat.ts';
import { writeOpt } from '../../electron/core/production/opt.ts';
import { readProductionVolume, type ProductionVolume } from '../../electron/core/production/volume.ts';
import { isProductionVolume } from '../../electron/core/production/volume-files.ts';
import { UserError } from '../../shared/errors.ts';
import { MISSING_IMAGE, SUBJECT_WITH_NEWLINE, removeTempDirs, tempDir, tiffPage, writeVolume, type DatFormat } from './volume-fixture.ts';

afterAll(removeTempDirs);

const FORMATS: DatFormat[] = ['utf8-bom', 'utf8', 'utf16le-bom', 'cp1252', 'csv'];
const ENCODING_READ: Record<DatFormat, string> = {
  'utf8-bom': 'utf-8-bom',
  utf8: 'utf-8',
  'utf16le-bom': 'utf-16le-bom',
  cp1252: 'windows-1252',
  csv: 'utf-8',
};

function docsByBates(v: ProductionVolume): Map<string, ProductionVolume['documents'][number]> {
  return new Map(v.documents.map((d) => [d.begBates, d]));
}

describe('readProductionVolume on generated volumes', () => {
  it.each(FORMATS)('reads the %s DAT into whole documents and reports the broken ones by line', (format) => {
    const gen = writeVolume(format);
    const v = readProductionVolume(gen.root);
    const datRel = path.relative(gen.root, gen.datFile).split(path.sep).join('/');
    expect(v.volumeName).toBe('VOL001');
    expect(v.datFormat).toEqual({
      encoding: ENCODING_READ[format],
      dialect: format === 'csv' ? 'csv' : 'concordance',
      delimiter: format === 'csv' ? ',' : '\u0014',
      qualifier: format === 'csv' ? '"' : 'þ',
    });
    expect(v.datFile).toBe(gen.datFile);
    expect(v.optFile).toBe(gen.optFile);
    expect(v.fieldMap.begBates).toBe(format === 'csv' ? 'Beg Bates' : 'BEGBATES');
    expect(v.fieldMap.endBates).toBe(format === 'csv' ? 'PRODEND' : 'ENDBATES');
    expect(v.fieldMap.begAttach).toBe(format === 'csv' ? 'Attach Begin' : 'BEGATTACH');
    expect(v.fieldMap.nativePath).toBe(format === 'csv' ? 'Native Link' : 'NATIVEPATH');

    expect(v.documents.map((d) => d.begBates)).toEqual(['ABC0000001', 'ABC0000003', 'ABC0000004', 'ABC0000006', 'ABC0000009', 'ABC0000012']);
    const docs = docsByBates(v);
    const pagesOf = (b: string): string[] => docs.get(b)!.pages.map((p) => p.key);
    expect(pagesOf('ABC0000001')).toEqual(['ABC0000001', 'ABC0000002']);
    expect(pagesOf('ABC0000006')).toEqual(['ABC0000006', 'ABC0000007', 'ABC0000008']);
    expect(pagesOf('ABC0000012')).toEqual([]);
    for (const d of v.documents) {
      expect(d.datLine).toBe(gen.datLine[d.begBates]);
      for (const p of d.pages) {
        expect(path.isAbsolute(p.path)).toBe(true);
        expect(fs.existsSync(p.path), p.path).toBe(true);
      }
      expect(d.textPath).toBe(path.join(gen.root, 'Text', '0001', `${d.begBates.toLowerCase()}.TXT`));
    }
    expect(docs.get('ABC0000004')!.pages[1]!.path).toBe(path.join(gen.root, 'images', '0001', 'ABC0000005.jpg'));
    expect(docs.get('ABC0000006')!.endBates).toBe('ABC0000008');

    // The family: an email and two attachments sharing BEGATTACH..ENDATTACH.
    expect(docs.get('ABC0000001')).toMatchObject({ familyId: 'ABC0000001', parentBegBates: null });
    expect(docs.get('ABC0000003')).toMatchObject({ familyId: 'ABC0000001', parentBegBates: 'ABC0000001' });
    expect(docs.get('ABC0000004')).toMatchObject({ familyId: 'ABC0000001', parentBegBates: 'ABC0000001' });
    expect(docs.get('ABC0000006')).toMatchObject({ familyId: null, parentBegBates: null });

    // The spreadsheet: a slip-sheet image and its native; and a native-only row, named from the volume folder down.
    expect(docs.get('ABC0000009')!.nativePath).toBe(path.join(gen.root, 'NATIVES', '0001', 'ABC0000009.xlsx'));
    expect(docs.get('ABC0000012')!.nativePath).toBe(path.join(gen.root, 'NATIVES', '0001', 'ABC0000012.xlsx'));

    // Mapped columns under our names, the rest under their own, text decoded whatever the encoding.
    const six = docs.get('ABC0000006')!.fields;
    expect(six.subject).toBe(SUBJECT_WITH_NEWLINE);
    expect(six[format === 'csv' ? 'Notes' : 'NOTES']).toBe('first\nsecond');
    expect(six).toMatchObject({ custodian: 'Jane Roe', date: '2021-03-04', from: 'jane@example.com', begBates: 'ABC0000006' });
    expect(six.textPath).toBe('TEXT\\0001\\ABC0000006.txt');

    const optRel = 'DATA/VOL001.opt';
    expect(v.problems).toEqual([
      {
        line: gen.datLine[MISSING_IMAGE],
        file: datRel,
        message: `line ${gen.datLine[MISSING_IMAGE]}: the page image IMAGES\\0001\\ABC0000010.TIF of ABC0000010 (OPT line ${gen.optLine[MISSING_IMAGE]}) is missing`,
      },
      { line: gen.datLine.ABC0000011, file: datRel, message: `line ${gen.datLine.ABC0000011} has 9 fields; the header names 11` },
      {
        line: gen.datLine.ABC0000013,
        file: datRel,
        message: `line ${gen.datLine.ABC0000013}: ${format === 'csv' ? 'PRODEND' : 'ENDBATES'} ABC0000014 but the images end at ABC0000013`,
      },
      { line: gen.optLine.ABC0000011, file: optRel, message: `line ${gen.optLine.ABC0000011}: the images of ABC0000011 (1 page) have no row in the DAT` },
    ].sort((a, b) => (a.file === b.file ? a.line! - b.line! : a.file === datRel ? -1 : 1)));
  });

  it('counts physical lines: a value spanning two lines moves every later row down', () => {
    const gen = writeVolume('utf8-bom');
    // Header on line 1; ABC0000006's NOTES hold a raw line break, so the rows after it start one line later.
    expect(gen.datLine).toMatchObject({ ABC0000001: 2, ABC0000006: 5, ABC0000009: 7, ABC0000010: 8, ABC0000011: 9, ABC0000013: 11 });
    const v = readProductionVolume(gen.root);
    expect(v.problems.map((p) => [p.file, p.line])).toEqual([
      ['DATA/VOL001.dat', 8],
      ['DATA/VOL001.dat', 9],
      ['DATA/VOL001.dat', 11],
      ['DATA/VOL001.opt', 11],
    ]);
    expect(v.problems[1]!.message).toBe('line 9 has 9 fields; the header names 11');
    expect(v.problems[2]!.message).toBe('line 11: ENDBATES ABC0000014 but the images end at ABC0000013');
  });

  it('takes a field map that names the columns, case and spaces aside', () => {
    const root = tempDir('production-map');
    fs.mkdirSync(path.join(root, 'IMAGES'));
    fs.writeFileSync(path.join(root, 'IMAGES', 'X1.tif'), tiffPage(1));
    fs.writeFileSync(path.join(root, 'prod.dat'), writeDat(['FIRST PAGE', 'LAST PAGE', 'WHO'], [['X1', 'X1', 'Pat']]));
    fs.writeFileSync(path.join(root, 'prod.opt'), writeOpt([{ key: 'X1', volume: 'V', imagePath: 'IMAGES/X1.tif', docBreak: true, pageCount: 1 }]));
    const none = readProductionVolume(root);
    expect(none.documents).toEqual([]);
    expect(none.problems.map((p) => p.message).join('\n')).toMatch(/no column holds the first Bates number/);
    const v = readProductionVolume(root, { begBates: 'first page', endBates: 'LASTPAGE', custodian: 'who', author: 'WRITER' });
    expect(v.fieldMap).toEqual({ begBates: 'FIRST PAGE', endBates: 'LAST PAGE', custodian: 'WHO' });
    expect(v.documents).toHaveLength(1);
    expect(v.documents[0]!.fields).toEqual({ begBates: 'X1', endBates: 'X1', custodian: 'Pat' });
    expect(v.problems).toEqual([{ line: 1, file: 'prod.dat', message: 'the field map names the column WRITER for author, but the DAT has no such column' }]);
  });

  it('chooses the DAT and OPT that share a name, and reports a volume it cannot choose in', () => {
    const root = tempDir('production-pairs');
    const dat = writeDat(['BEGBATES', 'ENDBATES', 'NATIVE'], [['N1', 'N1', 'n1.txt']]);
    fs.writeFileSync(path.join(root, 'n1.txt'), 'native');
    fs.writeFileSync(path.join(root, 'VOL002.DAT'), dat);
    fs.writeFileSync(path.join(root, 'other.dat'), dat);
    const ambiguous = readProductionVolume(root);
    expect(ambiguous.documents).toEqual([]);
    expect(ambiguous.problems).toHaveLength(1);
    expect(ambiguous.problems[0]!.message).toMatch(/found 2 DAT and 0 OPT load files \(VOL002\.DAT, other\.dat\)/);

    const chosen = readProductionVolume(root, {}, { datFile: 'VOL002.DAT' });
    expect(chosen.documents.map((d) => [d.begBates, d.pages.length, path.basename(d.nativePath!)])).toEqual([['N1', 0, 'n1.txt']]);

    expect(readProductionVolume(root, {}, { optFile: 'x.opt' }).problems[0]!.message).toMatch(/none shares a name with x\.opt; choose the one to read/);

    fs.writeFileSync(path.join(root, 'vol002.opt'), '');
    expect(readProductionVolume(root, {}, { optFile: 'vol002.opt' }).datFile).toBe(path.join(root, 'VOL002.DAT'));
    const paired = readProductionVolume(root);
    expect(paired.datFile).toBe(path.join(root, 'VOL002.DAT'));
    expect(paired.optFile).toBe(path.join(root, 'vol002.opt'));
    expect(paired.documents).toHaveLength(1);
    expect(paired.problems).toEqual([{ line: null, file: '.', message: 'read VOL002.DAT and vol002.opt; also found other.dat, not read' }]);
  });

  it('leaves out a document whose text or native is missing, or whose images and OPT disagree', () => {
    const root = tempDir('production-missing');
    fs.mkdirSync(path.join(root, 'IMAGES'));
    for (const k of ['P1', 'P2', 'P3', 'P4']) fs.writeFileSync(path.join(root, 'IMAGES', `${k}.tif`), tiffPage(1));
    const fields = ['BEGBATES', 'ENDBATES', 'TEXT PATH', 'NATIVE FILE'];
    fs.writeFileSync(
      path.join(root, 'v.dat'),
      writeDat(fields, [
        ['P1', 'P1', 'TEXT\\P1.txt', ''],
        ['P2', 'P2', '', '..\\..\\etc\\passwd'],
        ['P3', 'P4', '', ''],
        ['P3', 'P4', '', ''],
        ['Q1', 'Q1', '', ''],
      ]),
    );
    fs.writeFileSync(
      path.join(root, 'v.opt'),
      writeOpt([
        { key: 'P1', volume: 'V', imagePath: 'IMAGES\\P1.tif', docBreak: true, pageCount: 1 },
        { key: 'P2', volume: 'V', imagePath: 'IMAGES\\P2.tif', docBreak: true, pageCount: 2 },
        { key: 'P3', volume: 'V', imagePath: 'IMAGES\\P3.tif', docBreak: true, pageCount: 2 },
        { key: 'P4', volume: 'V', imagePath: 'IMAGES\\P4.tif', docBreak: false, pageCount: null },
      ]),
    );
    const v = readProductionVolume(root);
    expect(v.documents).toEqual([]);
    expect(v.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'v.dat:2 line 2: the extracted text TEXT\\P1.txt is missing',
      'v.dat:3 line 3: OPT line 2 gives 2 pages for P2 but lists 1',
      'v.dat:3 line 3: the native file ..\\..\\etc\\passwd points outside the volume',
      'v.dat:4 line 4: BEGBATES P3 is also on line 5',
      'v.dat:5 line 5: BEGBATES P3 is also on line 4',
      'v.dat:6 line 6: no page images in the OPT start at Q1 and the row names no native file',
    ]);
  });

  it('resolves a path relative to the DAT’s folder that climbs back into the volume, and none that climbs out', () => {
    const root = tempDir('production-relative');
    fs.mkdirSync(path.join(root, 'DATA'));
    fs.mkdirSync(path.join(root, 'Natives'));
    fs.writeFileSync(path.join(root, 'Natives', 'r1.XLSX'), 'PK');
    const rows = [
      ['R1', 'R1', '..\\NATIVES\\R1.xlsx'],
      ['R2', 'R2', '..\\..\\NATIVES\\R1.xlsx'],
    ];
    fs.writeFileSync(path.join(root, 'DATA', 'v.dat'), writeDat(['BEGBATES', 'ENDBATES', 'NATIVE FILE'], rows));
    const v = readProductionVolume(root);
    expect(v.documents.map((d) => [d.begBates, d.nativePath])).toEqual([['R1', path.join(root, 'Natives', 'r1.XLSX')]]);
    expect(v.problems.map((p) => p.message)).toEqual(['line 3: the native file ..\\..\\NATIVES\\R1.xlsx points outside the volume']);
  });

  it('names the first three missing page images of a document and counts the rest', () => {
    const root = tempDir('production-many-missing');
    const keys = ['M01', 'M02', 'M03', 'M04', 'M05'];
    fs.writeFileSync(path.join(root, 'v.dat'), writeDat(['BEGBATES', 'ENDBATES'], [['M01', 'M05']]));
    fs.writeFileSync(
      path.join(root, 'v.opt'),
      writeOpt(keys.map((key, i) => ({ key, volume: 'V', imagePath: `IMAGES\\${key}.tif`, docBreak: i === 0, pageCount: i === 0 ? 5 : null }))),
    );
    const v = readProductionVolume(root);
    expect(v.documents).toEqual([]);
    expect(v.problems.map((p) => p.message)).toEqual([
      'line 2: the page image IMAGES\\M01.tif of M01 (OPT line 1) is missing',
      'line 2: the page image IMAGES\\M02.tif of M02 (OPT line 2) is missing',
      'line 2: the page image IMAGES\\M03.tif of M03 (OPT line 3) is missing',
      'line 2: 2 more of its 5 page images cannot be used either',
    ]);
  });

  it('refuses a folder that is not a production volume', () => {
    const root = tempDir('production-none');
    expect(() => readProductionVolume(root)).toThrow(UserError);
    expect(() => readProductionVolume(path.join(root, 'absent'))).toThrow(/does not exist/);
  });
});

describe('isProductionVolume (a folder dropped on the window)', () => {
  it('recognises a folder with a DAT or an OPT in it or in DATA/, not a folder of documents with a spreadsheet', () => {
    const gen = writeVolume('utf8');
    expect(isProductionVolume(gen.root)).toBe(true);
    expect(isProductionVolume(path.join(gen.root, 'images'))).toBe(false);
    fs.rmSync(gen.datFile);
    expect(isProductionVolume(gen.root)).toBe(true);
    fs.rmSync(gen.optFile);
    expect(isProductionVolume(gen.root)).toBe(false);
    const papers = tempDir('papers');
    fs.writeFileSync(path.join(papers, 'ledger.csv'), 'Invoice,Amount\r\n');
    expect(isProductionVolume(papers)).toBe(false);
    expect(isProductionVolume(path.join(papers, 'ledger.csv'))).toBe(false);
    expect(isProductionVolume(path.join(papers, 'gone'))).toBe(false);
  });
});
