import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import { WINDOWS_1252_FALLBACK_WARNING } from '../../electron/core/import/formats/charset.ts';
import { textExtractor } from '../../electron/core/import/formats/text.ts';

const ctx = { fileName: 'notes.txt', passwords: [] };

function bytes(...parts: (string | number[])[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));
}

describe('text importer', () => {
  it('reads UTF-8, drops the BOM, normalises line ends and titles the file by its first non-empty line', async () => {
    const doc = await textExtractor.extract(bytes([0xef, 0xbb, 0xbf], '\r\n  \r\n  Memo to file – café  \r\nSecond line\r'), ctx);
    expect(doc).toMatchObject({ kind: 'text', mediaType: 'text/plain', title: 'Memo to file – café', pageCount: null, warnings: [] });
    expect(doc.body).toBe('\n  \n  Memo to file – café  \nSecond line\n');
  });

  it('reads UTF-16 in either byte order by its BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ünïcode line\nnext', 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect((await textExtractor.extract(new Uint8Array(le), ctx)).body).toBe('Ünïcode line\nnext');
    expect((await textExtractor.extract(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), ctx)).title).toBe('Ünïcode line');
  });

  it('falls back to windows-1252 with a warning when the bytes are not UTF-8', async () => {
    // “Price” – 5 € for the café  (0x93/0x94 quotes, 0x96 dash, 0x80 euro, 0xE9 é)
    const doc = await textExtractor.extract(bytes([0x93], 'Price', [0x94, 0x20, 0x96, 0x20], '5 ', [0x80], ' for the caf', [0xe9]), ctx);
    expect(doc.body).toBe('“Price” – 5 € for the café');
    expect(doc.warnings).toEqual([WINDOWS_1252_FALLBACK_WARNING]);
  });

  it('cuts the title at 120 characters without splitting a character, and has none for blank text', async () => {
    const long = '😀'.repeat(130);
    const doc = await textExtractor.extract(bytes(long), ctx);
    expect(Array.from(doc.title ?? '')).toHaveLength(120);
    expect(doc.title).toBe('😀'.repeat(120));
    expect((await textExtractor.extract(bytes(' \n\t\n'), ctx)).title).toBeNull();
  });

  it('refuses an empty file', async () => {
    await expect(textExtractor.extract(new Uint8Array(), ctx)).rejects.toMatchObject({ code: 'empty' });
    await expect(textExtractor.extract(new Uint8Array(), ctx)).rejects.toBeInstanceOf(UserError);
  });

  it('accepts text by name or by content, and refuses binary heads without a text name', () => {
    expect(textExtractor.accepts(bytes([0, 1, 2]), 'export.CSV')).toBe(true);
    expect(textExtractor.accepts(bytes('plain words\n'), 'README')).toBe(true);
    expect(textExtractor.accepts(bytes([0xff, 0xfe, 0x41, 0x00]), 'utf16')).toBe(true);
    // A head that ends inside a multi-byte character is still text.
    expect(textExtractor.accepts(bytes('caf', [0xc3]), 'cut')).toBe(true);
    expect(textExtractor.accepts(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0]), 'image')).toBe(false);
    expect(textExtractor.accepts(bytes('abc', [0], 'def'), 'data.bin')).toBe(false);
    expect(textExtractor.accepts(bytes('caf', [0xe9], ' au lait'), 'latin1')).toBe(false);
    expect(textExtractor.accepts(new Uint8Array(), 'empty')).toBe(false);
  });
});
