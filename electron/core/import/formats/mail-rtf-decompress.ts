// Decompresses an Outlook message's RTF body (PidTagRtfCompressed, the LZFu format of [MS-OXRTFCP]).

const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"
const HEADER_SIZE = 16;
const DICTIONARY_SIZE = 4096;
// [MS-OXRTFCP] 2.1.2.1: the dictionary starts out holding this text, so common RTF openings compress to nothing.
const INITIAL_DICTIONARY =
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans ' +
  'SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx';
// One control byte and eight two-byte references can produce at most 8 × 17 bytes, so output stays within
// this multiple of the input whatever size the header claims.
const MAX_EXPANSION = 8;

/** The RTF text, or null when the data is not compressed RTF. Never reads past the input or writes past its bound. */
export function decompressRtf(data: Uint8Array): Uint8Array | null {
  if (data.length < HEADER_SIZE) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const compressedSize = view.getUint32(0, true);
  const rawSize = view.getUint32(4, true);
  const type = view.getUint32(8, true);
  if (type === UNCOMPRESSED) return data.slice(HEADER_SIZE, HEADER_SIZE + rawSize);
  if (type !== COMPRESSED) return null;
  const end = Math.min(data.length, compressedSize + 4);
  const out = new Uint8Array(Math.min(rawSize, (end - HEADER_SIZE) * MAX_EXPANSION + 256));
  const dictionary = new Uint8Array(DICTIONARY_SIZE);
  for (let i = 0; i < INITIAL_DICTIONARY.length; i++) dictionary[i] = INITIAL_DICTIONARY.charCodeAt(i);
  let write = INITIAL_DICTIONARY.length;
  let size = 0;
  let pos = HEADER_SIZE;
  const emit = (byte: number): void => {
    dictionary[write] = byte;
    write = (write + 1) % DICTIONARY_SIZE;
    out[size++] = byte;
  };
  while (pos < end && size < out.length) {
    const control = data[pos++]!;
    for (let bit = 0; bit < 8 && pos < end && size < out.length; bit++) {
      if ((control & (1 << bit)) === 0) {
        emit(data[pos++]!);
        continue;
      }
      if (pos + 1 >= end) return out.slice(0, size);
      const reference = (data[pos]! << 8) | data[pos + 1]!;
      pos += 2;
      let read = reference >> 4;
      // A reference to the current write position marks the end of the data.
      if (read === write) return out.slice(0, size);
      for (let n = (reference & 0xf) + 2; n > 0 && size < out.length; n--) {
        emit(dictionary[read]!);
        read = (read + 1) % DICTIONARY_SIZE;
      }
    }
  }
  return out.slice(0, size);
}
