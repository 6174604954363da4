import { describe, expect, it } from 'vitest';
import { decodeLoadFile } from '../../electron/core/production/load-file-text.ts';

const SAMPLE = 'BEGBATES\u0014SUBJECT\r\nþé “x” €þ';

describe('decodeLoadFile', () => {
  it('reads the byte-order marks of UTF-8, UTF-16 LE and UTF-16 BE, and drops them', () => {
    expect(decodeLoadFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]))).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
    expect(decodeLoadFile(Buffer.from('\ufeff' + SAMPLE, 'utf16le'))).toEqual({ text: SAMPLE, encoding: 'utf-16le-bom' });
    expect(decodeLoadFile(Buffer.from('\ufeff' + SAMPLE, 'utf16le').swap16())).toEqual({ text: SAMPLE, encoding: 'utf-16be-bom' });
  });

  it('reads UTF-8 without a BOM, and UTF-16 LE without one by its zero bytes', () => {
    expect(decodeLoadFile(Buffer.from(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeLoadFile(Buffer.from(SAMPLE, 'utf16le'))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252, with its characters at 0x80–0x9F and Latin-1 elsewhere', () => {
    const bytes = Buffer.from([0x80, 0x85, 0x8a, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f, 0x81, 0x8d, 0xa9, 0xae, 0xe9, 0xfe, 0xff]);
    expect(decodeLoadFile(bytes)).toEqual({ text: '€…Š‘’“”–—™Ÿ\u0081\u008d©®éþÿ', encoding: 'windows-1252' });
  });
});
