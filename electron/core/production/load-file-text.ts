// Turns a load file's bytes (DAT, OPT, CSV) into text, naming the encoding it was read in: review platforms write
// UTF-8 or UTF-16 with a byte-order mark, older tools write Windows-1252 without one.
import { bomEncoding, decodeBytes, decodeStrict } from '../import/formats/charset.ts';

export type LoadFileEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'windows-1252';

export interface LoadFileText {
  text: string;
  encoding: LoadFileEncoding;
}

const BOM_ENCODINGS: Record<string, LoadFileEncoding> = {
  'utf-8': 'utf-8-bom',
  'utf-16le': 'utf-16le-bom',
  'utf-16be': 'utf-16be-bom',
};

/**
 * Decodes a load file: by its byte-order mark, else as UTF-16 LE when it looks like one (ASCII field names with a zero
 * byte after every character), else as UTF-8 when the bytes are valid UTF-8, else as Windows-1252. Windows-1252 is
 * decoded by the app's charset module, which maps 0x80–0x9F to the characters Windows means (curly quotes, €, …)
 * rather than the C1 controls Node's decoder yields; the five bytes Windows leaves undefined read as Latin-1.
 */
export function decodeLoadFile(bytes: Uint8Array): LoadFileText {
  const bom = bomEncoding(bytes);
  if (bom !== null) return { text: decodeBytes(bytes, bom), encoding: BOM_ENCODINGS[bom]! };
  if (looksLikeUtf16Le(bytes)) return { text: decodeBytes(bytes, 'utf-16le'), encoding: 'utf-16le' };
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeBytes(bytes, 'windows-1252'), encoding: 'windows-1252' };
}

// A load file's header is ASCII field names: as UTF-16 LE without a BOM most odd bytes are zero and hardly any even
// one is, which no 8-bit text (where zero bytes do not occur) looks like.
function looksLikeUtf16Le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return oddZeros >= (n / 2) * 0.5 && evenZeros * 10 < oddZeros;
}
