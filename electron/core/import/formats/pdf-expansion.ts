// Refuses a PDF whose compressed streams expand far beyond any real document's ("compression bombs") before pdf.js,
// which keeps each decoded stream whole in memory, is given it.
import { constants, createInflate, inflateSync } from 'node:zlib';
import { UserError } from '../../../../shared/errors.ts';

// Real content streams, fonts and object streams expand a few times over; a bomb, about a thousand times.
const MAX_EXPANSION_RATIO = 100;
const MIN_ALLOWANCE_BYTES = 256 * 2 ** 20;
// A stream dictionary is shorter than this; looking further back would only find other objects.
const DICT_WINDOW = 4096;
// Deflate expands at most about 1032 times: data this short is inflated in one call, longer data as a stream whose
// output is counted and dropped, so that counting a bomb never holds what it expands to.
const INFLATE_AT_ONCE_BYTES = 16 * 1024;

/** Throws a plain `too_large` refusal when the Flate streams pdf.js would decode expand beyond the allowance. */
export async function checkPdfExpansion(bytes: Uint8Array): Promise<void> {
  const allowance = Math.max(MIN_ALLOWANCE_BYTES, bytes.length * MAX_EXPANSION_RATIO);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let expanded = 0;
  for (let at = buf.indexOf('stream', 0, 'latin1'); at !== -1; at = buf.indexOf('stream', at + 6, 'latin1')) {
    if (buf[at - 1] === 0x64 /* d of endstream */) continue;
    const start = dataStart(buf, at + 6);
    if (start === null) continue;
    const dict = buf.toString('latin1', Math.max(0, at - DICT_WINDOW), at);
    const own = dict.slice(dict.lastIndexOf(' obj') + 1);
    // Pictures are never decoded to read text, so they cost nothing here, however large.
    if (!/\/(FlateDecode|Fl)\b/.test(own) || /\/Subtype\s*\/Image\b/.test(own)) continue;
    const end = buf.indexOf('endstream', start, 'latin1');
    expanded += await inflatedSize(buf.subarray(start, end === -1 ? buf.length : end), allowance - expanded + 1);
    if (expanded > allowance) {
      throw new UserError(
        'too_large',
        `The PDF's compressed content expands to more than ${Math.round(allowance / 2 ** 20)} MB, far beyond what its size suggests; it was not read.`,
      );
    }
  }
}

/** Where a stream's data begins: after `stream` and its end of line; null when the word is not a stream keyword. */
function dataStart(buf: Buffer, after: number): number | null {
  if (buf[after] === 0x0d && buf[after + 1] === 0x0a) return after + 2;
  if (buf[after] === 0x0a || buf[after] === 0x0d) return after + 1;
  return null;
}

/** Bytes the stream inflates to, counting no further than `limit`; data zlib cannot decode counts as nothing. */
async function inflatedSize(data: Buffer, limit: number): Promise<number> {
  if (data.length <= INFLATE_AT_ONCE_BYTES) {
    try {
      return inflateSync(data, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? limit : 0;
    }
  }
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let count = 0;
    inflate.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count >= limit) {
        inflate.destroy();
        resolve(limit);
      }
    });
    inflate.on('end', () => resolve(count));
    inflate.on('error', () => resolve(count));
    inflate.end(data);
  });
}
