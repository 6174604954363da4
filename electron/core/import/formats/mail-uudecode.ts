// Decodes a uuencoded attachment (Content-Transfer-Encoding: x-uuencode, from mail software of the 1990s).

const BEGIN = /^\s*begin [0-7]{3,4} ([^\r\n]+)\r?\n/;

export interface Uudecoded {
  fileName: string;
  bytes: Uint8Array;
}

/** The file inside a `begin … end` block at the start of `data`, or null when `data` is not uuencoded. */
export function uudecode(data: Uint8Array): Uudecoded | null {
  const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const begin = BEGIN.exec(raw.subarray(0, 1024).toString('latin1'));
  if (!begin) return null;
  const chunks: Uint8Array[] = [];
  for (const line of raw.subarray(begin[0].length).toString('latin1').split(/\r?\n/)) {
    if (line.trimEnd() === 'end') break;
    if (line.length === 0) continue;
    // The length character is not trusted beyond what the line can hold.
    const count = Math.min((line.charCodeAt(0) - 32) & 63, Math.ceil((line.length - 1) / 4) * 3);
    const chunk = new Uint8Array(count);
    for (let i = 1, written = 0; written < count; i += 4) {
      const a = sixBits(line, i);
      const b = sixBits(line, i + 1);
      const c = sixBits(line, i + 2);
      const d = sixBits(line, i + 3);
      for (const byte of [(a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2), ((c & 3) << 6) | d]) {
        if (written < count) chunk[written++] = byte & 0xff;
      }
    }
    chunks.push(chunk);
  }
  return { fileName: begin[1]!.trim(), bytes: new Uint8Array(Buffer.concat(chunks)) };
}

// Missing characters at the end of a line (trailing spaces stripped in transit) read as zero.
function sixBits(line: string, i: number): number {
  return i < line.length ? (line.charCodeAt(i) - 32) & 63 : 0;
}
