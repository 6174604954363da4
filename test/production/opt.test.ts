import { describe, expect, it } from 'vitest';
import { batesRange, formatBates, parseBates } from '../../electron/core/production/bates.ts';
import { readOpt, writeOpt } from '../../electron/core/production/opt.ts';
import { UserError } from '../../shared/errors.ts';

describe('readOpt', () => {
  it('reads pages, document breaks and the page count on each document’s first page', () => {
    const text = [
      'ABC0000123,VOL001,IMAGES\\0001\\ABC0000123.tif,Y,,,3',
      'ABC0000124,VOL001,IMAGES\\0001\\ABC0000124.tif,,,,',
      'ABC0000125,VOL001,IMAGES\\0001\\ABC0000125.tif,,,,',
      '',
      'ABC0000126,VOL001,IMAGES\\0001\\ABC0000126.jpg,y,Y,Y,1',
    ].join('\r\n');
    const { pages, problems } = readOpt(text);
    expect(problems).toEqual([]);
    expect(pages).toEqual([
      { line: 1, key: 'ABC0000123', volume: 'VOL001', imagePath: 'IMAGES\\0001\\ABC0000123.tif', docBreak: true, folderBreak: false, boxBreak: false, pageCount: 3 },
      { line: 2, key: 'ABC0000124', volume: 'VOL001', imagePath: 'IMAGES\\0001\\ABC0000124.tif', docBreak: false, folderBreak: false, boxBreak: false, pageCount: null },
      { line: 3, key: 'ABC0000125', volume: 'VOL001', imagePath: 'IMAGES\\0001\\ABC0000125.tif', docBreak: false, folderBreak: false, boxBreak: false, pageCount: null },
      { line: 5, key: 'ABC0000126', volume: 'VOL001', imagePath: 'IMAGES\\0001\\ABC0000126.jpg', docBreak: true, folderBreak: true, boxBreak: true, pageCount: 1 },
    ]);
  });

  it('accepts lines without their trailing empty fields and paths holding a comma; reports lines that are not pages', () => {
    const text = ['K1,V,IMAGES\\K1.tif,Y', 'K2,V,IMAGES\\Smith, John\\K2.tif,Y,,,1', ',V,x.tif,Y,,,1', 'K4,V', 'K5,V,x.tif,Y,,,two', 'K6,V,,Y,,,1'].join('\n');
    const { pages, problems } = readOpt(text);
    expect(pages.map((p) => [p.line, p.key, p.imagePath, p.docBreak, p.pageCount])).toEqual([
      [1, 'K1', 'IMAGES\\K1.tif', true, null],
      [2, 'K2', 'IMAGES\\Smith, John\\K2.tif', true, 1],
    ]);
    expect(problems).toEqual([
      { line: 3, message: 'line 3: the image key is empty' },
      { line: 4, message: 'line 4: expected key, volume and image path separated by commas, found "K4,V"' },
      { line: 5, message: 'line 5: the page count of K5 is "two", not a number' },
      { line: 6, message: 'line 6: the image path of K6 is empty' },
    ]);
  });
});

describe('writeOpt', () => {
  it('writes CRLF lines with backslash paths, and reads back the same pages', () => {
    const pages = [
      { key: 'X0001', volume: 'VOL1', imagePath: 'IMAGES/0001/X0001.tif', docBreak: true, pageCount: 2 },
      { key: 'X0002', volume: 'VOL1', imagePath: 'IMAGES/0001/X0002.tif', docBreak: false, pageCount: null },
    ];
    const text = writeOpt(pages);
    expect(text).toBe('X0001,VOL1,IMAGES\\0001\\X0001.tif,Y,,,2\r\nX0002,VOL1,IMAGES\\0001\\X0002.tif,,,,\r\n');
    expect(readOpt(text).pages).toEqual(
      pages.map((p, i) => ({ ...p, line: i + 1, imagePath: p.imagePath.replaceAll('/', '\\'), folderBreak: false, boxBreak: false })),
    );
    expect(() => writeOpt([{ ...pages[0]!, imagePath: 'a,b.tif' }])).toThrow(/comma/);
  });
});

describe('Bates numbers', () => {
  it('splits a number into prefix, value and width, and puts it back', () => {
    expect(parseBates('ABC0000123')).toEqual({ prefix: 'ABC', number: 123, digits: 7 });
    expect(parseBates('SMITH-DEF_000010')).toEqual({ prefix: 'SMITH-DEF_', number: 10, digits: 6 });
    expect(parseBates('00042')).toEqual({ prefix: '', number: 42, digits: 5 });
    expect(parseBates('SYM-00011001_REV')).toBeNull();
    expect(formatBates('ABC', 123, 7)).toBe('ABC0000123');
    expect(formatBates('ABC', 12345678, 7)).toBe('ABC12345678');
  });

  it('counts out a range, and refuses one that mixes prefixes or runs backwards', () => {
    expect(batesRange('ABC0000098', 'ABC0000102')).toEqual(['ABC0000098', 'ABC0000099', 'ABC0000100', 'ABC0000101', 'ABC0000102']);
    expect(batesRange('A1', 'A1')).toEqual(['A1']);
    expect(() => batesRange('ABC0001', 'XYZ0003')).toThrow(UserError);
    expect(() => batesRange('ABC0001', 'ABC00003')).toThrow(/prefix and number of digits/);
    expect(() => batesRange('ABC0005', 'ABC0001')).toThrow(/backwards/);
    expect(() => batesRange('ABC', 'ABC0001')).toThrow(/not a Bates number/);
  });
});
