import { describe, expect, it } from 'vitest';
import { parseDatText, readDat, writeDat } from '../../electron/core/production/dat.ts';

const D = '\u0014';
const q = (values: string[]): string => values.map((v) => `þ${v}þ`).join(D);

describe('readDat', () => {
  it('reads the Concordance dialect: þ qualifiers, DC4 separators, ® newlines, raw line breaks inside values', () => {
    const text = [
      q(['BEGBATES', 'ENDBATES', 'SUBJECT']),
      q(['A1', 'A2', 'one®two']),
      q(['A3', 'A3', 'raw\r\nbreak\r\nacross lines']),
      q(['A4', 'A4', '']),
    ].join('\r\n');
    const dat = readDat(Buffer.from('\ufeff' + text, 'utf8'));
    expect(dat).toMatchObject({ encoding: 'utf-8-bom', dialect: 'concordance', delimiter: D, qualifier: 'þ', problems: [] });
    expect(dat.fields).toEqual(['BEGBATES', 'ENDBATES', 'SUBJECT']);
    expect(dat.rows).toEqual([
      { line: 2, values: ['A1', 'A2', 'one\ntwo'] },
      { line: 3, values: ['A3', 'A3', 'raw\nbreak\nacross lines'] },
      { line: 6, values: ['A4', 'A4', ''] },
    ]);
  });

  it('reports a row with the wrong number of fields by the line it starts on, and keeps the rest', () => {
    const text = [q(['A', 'B', 'C']), q(['1', '2', 'multi\nline']), q(['3', '4']), '', q(['5', '6', '7']), q(['8', '9', '10', '11'])].join('\n');
    const dat = parseDatText(text);
    expect(dat.rows.map((r) => [r.line, r.values[0]])).toEqual([[2, '1'], [6, '5']]);
    expect(dat.problems).toEqual([
      { line: 4, message: 'line 4 has 2 fields; the header names 3' },
      { line: 7, message: 'line 7 has 4 fields; the header names 3' },
    ]);
  });

  it('reads values left unqualified, a þ inside a value, and a qualifier never closed', () => {
    const dat = parseDatText(`þAþ${D}B${D}þCþ\nx${D}þsaid þhiþ þþ okþ${D}þlast\n`);
    expect(dat.fields).toEqual(['A', 'B', 'C']);
    expect(dat.rows).toEqual([]);
    expect(dat.problems).toEqual([{ line: 2, message: 'line 2: a value opened with þ is not closed before the end of the file' }]);
    const ok = parseDatText(`þAþ${D}B${D}þCþ\nx${D}þsaid þhiþ þþ okþ${D}þlastþ\n`);
    expect(ok.rows).toEqual([{ line: 2, values: ['x', 'said þhiþ þ ok', 'last'] }]);
  });

  it('reads CSV with a header, "" escapes and quoted line breaks', () => {
    const csv = 'BEGBATES,ENDBATES,SUBJECT\r\nA1,A1,"He said ""hi"", twice"\r\n"A2","A3","two\r\nlines"\r\n\r\n';
    const dat = readDat(Buffer.from(csv));
    expect(dat).toMatchObject({ encoding: 'utf-8', dialect: 'csv', delimiter: ',', qualifier: '"', problems: [] });
    expect(dat.rows).toEqual([
      { line: 2, values: ['A1', 'A1', 'He said "hi", twice'] },
      { line: 3, values: ['A2', 'A3', 'two\nlines'] },
    ]);
  });

  it('reads tab- and pipe-delimited files qualified with þ, where ® still means a newline', () => {
    for (const d of ['\t', '|']) {
      const dat = parseDatText([['þBEGBATESþ', 'þNOTEþ'].join(d), ['þX1þ', 'þa|b\tc®dþ'].join(d)].join('\r\n'));
      expect(dat).toMatchObject({ dialect: 'concordance', delimiter: d, qualifier: 'þ', fields: ['BEGBATES', 'NOTE'] });
      expect(dat.rows[0]!.values).toEqual(['X1', 'a|b\tc\nd']);
    }
  });

  it('reads a pipe file whose header is bare and only some values are qualified with ^ (as Relativity writes)', () => {
    const dat = parseDatText('Control Number|Custodian\r\n^Sample_|_0013^|Pat\r\n^Plain^|Lee\r\n');
    expect(dat).toMatchObject({ dialect: 'csv', delimiter: '|', qualifier: '^', problems: [] });
    expect(dat.rows.map((r) => r.values)).toEqual([['Sample_|_0013', 'Pat'], ['Plain', 'Lee']]);
  });

  it('numbers the columns of a DAT whose first line is data, and says so', () => {
    const dat = parseDatText(`þS1þ${D}þJohnþ${D}${D}${D}.\\VOL01\\TEXT\\S1.txt\r\nþS2þ${D}þAnnþ${D}${D}${D}.\\VOL01\\TEXT\\S2.txt\r\n`);
    expect(dat.fields).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4', 'Column 5']);
    expect(dat.rows.map((r) => [r.line, r.values[0]])).toEqual([[1, 'S1'], [2, 'S2']]);
    expect(dat.problems).toEqual([{ line: 1, message: 'line 1 holds data, not the field names, so the columns are numbered (Column 1, Column 2, …)' }]);
    expect(parseDatText(`þS1þ${D}þJohnþ\r\nþS2þ${D}þAnnþ`, { hasHeader: false }).rows).toHaveLength(2);
  });

  it('drops the empty last column of a DAT that ends every line with the separator', () => {
    const dat = parseDatText(`þAþ${D}þBþ${D}\r\nþ1þ${D}þ2þ${D}\r\n`);
    expect(dat.fields).toEqual(['A', 'B']);
    expect(dat.rows).toEqual([{ line: 2, values: ['1', '2'] }]);
  });

  it('decodes Windows-1252 and UTF-16 DATs', () => {
    // þ is 0xFE, ® 0xAE, “ ” 0x93 0x94, é 0xE9, DC4 0x14 in Windows-1252.
    const cp1252 = Buffer.from([0xfe, 0x41, 0xfe, 0x14, 0xfe, 0x42, 0xfe, 0x0d, 0x0a, 0xfe, 0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0xfe, 0x14, 0xfe, 0x31, 0xae, 0x32, 0xfe]);
    const a = readDat(cp1252);
    expect(a.encoding).toBe('windows-1252');
    expect(a.rows[0]!.values).toEqual(['“café”', '1\n2']);
    const text = `${q(['A', 'B'])}\r\n${q(['é', '☃'])}\r\n`;
    const be = Buffer.from('\ufeff' + text, 'utf16le').swap16();
    expect(readDat(be)).toMatchObject({ encoding: 'utf-16be-bom', rows: [{ line: 2, values: ['é', '☃'] }] });
    expect(readDat(Buffer.from(text, 'utf16le'))).toMatchObject({ encoding: 'utf-16le', rows: [{ line: 2, values: ['é', '☃'] }] });
  });

  it('reports an empty file and a header naming a field twice', () => {
    expect(parseDatText('').problems).toEqual([{ line: 1, message: 'the load file is empty' }]);
    expect(parseDatText(q(['A', 'a'])).problems).toEqual([{ line: 1, message: 'line 1 names the field a twice' }]);
  });
});

describe('writeDat', () => {
  it('writes UTF-8 with a BOM, þ around every value, DC4 between, CRLF between rows and ® for a newline', () => {
    const bytes = writeDat(['BEGBATES', 'NOTE'], [['X1', 'a\nb']]);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8')).toBe(`þBEGBATESþ${D}þNOTEþ\r\nþX1þ${D}þa®bþ\r\n`);
  });

  it('round-trips exactly, qualifiers, separators and empty values included', () => {
    const fields = ['BEGBATES', 'ENDBATES', 'SUBJECT', 'NOTES', 'EMPTY'];
    const rows = [
      ['ABC0001', 'ABC0002', 'þ', 'þþ inside þ and at the end þ', ''],
      ['ABC0003', 'ABC0003', `a${D}b|c,d"e^f`, 'line one\nline two\n\nfour', ''],
      ['ABC0004', 'ABC0004', '“quoted” é 漢字 🙂', '', ''],
      ['', '', '', '', ''],
    ];
    const dat = readDat(writeDat(fields, rows));
    expect(dat.problems).toEqual([]);
    expect(dat.fields).toEqual(fields);
    expect(dat.rows.map((r) => r.values)).toEqual(rows);
    expect(dat.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
  });

  it('refuses a row whose length does not match the header', () => {
    expect(() => writeDat(['A', 'B'], [['1']])).toThrow(/1 values for 2 fields/);
  });
});
