import { describe, expect, it } from 'vitest';
import {
  bomEncoding,
  decodeBytes,
  decodeStrict,
  decodeText,
  encodingFor,
  fixC1,
  isUtf8Head,
  latin1Bytes,
} from '../../electron/core/import/formats/charset.ts';
import { charsetLabel, decodeWithFallback, repairMojibake } from '../../electron/core/import/formats/mail-codepage.ts';

function bytes(...parts: (string | number[])[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));
}

// 0x80 €, 0x93 “, 0x94 ”, 0x96 –, 0x9D (undefined in windows-1252, so it stays a control character), 0xE9 é
const CP1252 = [0x80, 0x93, 0x94, 0x96, 0x9d, 0xe9];
const CP1252_TEXT = '€“”–\u009dé';

describe('decoding bytes by encoding name', () => {
  it('reads windows-1252 under every label that means it, although Node decodes it as Latin-1', () => {
    for (const label of ['windows-1252', 'cp1252', 'ISO-8859-1', 'latin1', 'us-ascii']) {
      expect(decodeBytes(bytes(CP1252), label), label).toBe(CP1252_TEXT);
      expect(decodeStrict(bytes(CP1252), label), label).toBe(CP1252_TEXT);
    }
    expect(fixC1('\u0093quoted\u0094 \u0080')).toBe('“quoted” €');
  });

  it('replaces what is not valid, or refuses it when strict; an unknown label reads as UTF-8 or not at all', () => {
    expect(decodeBytes(bytes('caf', [0xe9]), 'utf-8')).toBe('caf\ufffd');
    expect(decodeStrict(bytes('caf', [0xe9]), 'utf-8')).toBeNull();
    expect(decodeStrict(bytes([0x82, 0xa0]), 'shift_jis')).toBe('あ');
    expect(decodeBytes(bytes('é'), 'x-klingon')).toBe('é');
    expect(decodeStrict(bytes('é'), 'x-klingon')).toBeNull();
    expect([encodingFor(' Latin1 '), encodingFor('sjis'), encodingFor('iso-2022-kr'), encodingFor('x-klingon')]).toEqual([
      'windows-1252',
      'shift_jis',
      null,
      null,
    ]);
  });

  it('finds byte-order marks, tells a UTF-8 head cut inside a character from one that is not UTF-8, and maps strings to bytes', () => {
    expect([bomEncoding(bytes([0xef, 0xbb, 0xbf])), bomEncoding(bytes([0xff, 0xfe])), bomEncoding(bytes([0xfe, 0xff])), bomEncoding(bytes('x'))]).toEqual([
      'utf-8',
      'utf-16le',
      'utf-16be',
      null,
    ]);
    expect(isUtf8Head(bytes('caf', [0xc3]))).toBe(true);
    expect(isUtf8Head(bytes('caf', [0xe9], ' au lait'))).toBe(false);
    expect(latin1Bytes('\u00a4j')).toEqual(bytes([0xa4, 0x6a]));
    expect(latin1Bytes('大')).toBeNull();
  });
});

describe('decodeText', () => {
  it('honours a declared charset, maps Latin-1 labels to windows-1252, and warns about unknown ones', () => {
    expect(decodeText(bytes([0xb1]), 'iso-8859-2').text).toBe('ą');
    expect(decodeText(bytes([0x93, 0x41, 0x94]), 'ISO-8859-1')).toEqual({ text: '“A”', warnings: [] });
    const unknown = decodeText(bytes('plain'), 'x-klingon');
    expect(unknown.text).toBe('plain');
    expect(unknown.warnings).toEqual(['The file declares a character set this app does not know ("x-klingon"); its encoding was guessed.']);
  });

  it('lets a BOM win over a declared charset', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'é'), 'windows-1252')).toEqual({ text: 'é', warnings: [] });
  });

  it('reads a declared UTF-16 without a BOM as UTF-8, as browsers do', () => {
    expect(decodeText(bytes('naïve'), 'utf-16')).toEqual({ text: 'naïve', warnings: [] });
  });
});

describe('mail code pages, decoded by the same decoder', () => {
  it('names Windows code pages the way mail writes them, and refuses charsets TextDecoder cannot read', () => {
    expect([charsetLabel('CP1252'), charsetLabel('windows-932'), charsetLabel(' Big5 '), charsetLabel('iso-2022-kr'), charsetLabel(null)]).toEqual([
      'windows-1252',
      'shift_jis',
      'big5',
      null,
      null,
    ]);
  });

  it('reads windows-1252 text with its curly quotes, and falls back to a common encoding the bytes fit', () => {
    expect(decodeWithFallback(bytes(CP1252), 'windows-1252')).toEqual({ text: CP1252_TEXT, label: 'windows-1252', fellBack: false });
    expect(decodeWithFallback(bytes([0x82, 0xa0]), 'utf-8')).toEqual({ text: 'あ', label: 'shift_jis', fellBack: true });
    expect(repairMojibake('\u00a4j\u00b8\u00c9', 'big5')).toBe('大補');
  });
});
