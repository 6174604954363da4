// Reads a ZIP archive's directory and unpacks entries without trusting their sizes; writes plain stored ZIPs.
import { crc32, inflateRawSync } from 'node:zlib';

export type ZipProblem = 'damaged' | 'too_large' | 'encrypted' | 'unsupported';

/** Why an archive could not be read; the importer turns `problem` into words for the user. */
export class ZipError extends Error {
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem, detail: string) {
    super(detail);
    this.name = 'ZipError';
    this.problem = problem;
  }
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number; // as the central directory declares it
  dataOffset: number;
}

const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const LOCAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries listed in the central directory, each checked against its local header and the file's bounds. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const zip = asBuffer(bytes);
  const eocd = zip.length < EOCD_SIZE ? -1 : zip.lastIndexOf(EOCD_SIGNATURE, zip.length - EOCD_SIZE);
  if (eocd < 0 || eocd < zip.length - EOCD_SIZE - MAX_COMMENT) throw new ZipError('damaged', 'no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === ZIP64_MARK) throw new ZipError('unsupported', 'ZIP64 archive');
  const cdEnd = cdOffset + cdSize;
  if (zip.readUInt16LE(eocd + 4) !== 0 || cdEnd > eocd) throw new ZipError('damaged', 'central directory out of bounds');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdEnd || zip.readUInt32LE(p) !== CENTRAL) throw new ZipError('damaged', `central directory record ${k}`);
    const nameLength = zip.readUInt16LE(p + 28);
    const recordEnd = p + 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (recordEnd > cdEnd) throw new ZipError('damaged', `central directory record ${k}`);
    const entry = {
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
      flags: zip.readUInt16LE(p + 8),
      method: zip.readUInt16LE(p + 10),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      dataOffset: localDataOffset(zip, zip.readUInt32LE(p + 42)),
    };
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) throw new ZipError('unsupported', 'ZIP64 entry');
    if (entry.dataOffset + entry.compressedSize > zip.length) throw new ZipError('damaged', `${entry.name} runs past the end`);
    entries.push(entry);
    p = recordEnd;
  }
  return entries;
}

function localDataOffset(zip: Buffer, offset: number): number {
  if (offset + 30 > zip.length || zip.readUInt32LE(offset) !== LOCAL) throw new ZipError('damaged', 'local header');
  return offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
}

/** Names of the entries whose local headers lie within `head`, front to back: enough to sniff what a ZIP holds. */
export function leadingEntryNames(head: Uint8Array): string[] {
  const buffer = asBuffer(head);
  const names: string[] = [];
  for (let at = 0; at + 30 <= head.length && buffer.readUInt32LE(at) === LOCAL; ) {
    const nameLength = buffer.readUInt16LE(at + 26);
    const dataStart = at + 30 + nameLength + buffer.readUInt16LE(at + 28);
    if (at + 30 + nameLength > head.length) break;
    names.push(buffer.toString('utf8', at + 30, at + 30 + nameLength));
    const compressedSize = buffer.readUInt32LE(at + 18);
    // With a data descriptor (flag bit 3) the size follows the data: look for the next header's signature instead.
    at = buffer.readUInt16LE(at + 6) & 8 && compressedSize === 0 ? buffer.indexOf(LOCAL_SIGNATURE, dataStart) : dataStart + compressedSize;
    if (at < 0) break;
  }
  return names;
}

/** Unpacks one entry, refusing to produce more than it declares or more than `maxBytes`, and checking its CRC. */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.flags & 1) throw new ZipError('encrypted', entry.name);
  if (entry.size > maxBytes) throw new ZipError('too_large', entry.name);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      if (isInflateFailure(e)) throw new ZipError('damaged', `${entry.name}: ${e.message}`);
      throw e;
    }
  } else {
    throw new ZipError('unsupported', `${entry.name}: compression method ${entry.method}`);
  }
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw new ZipError('damaged', `${entry.name}: size or CRC mismatch`);
  return out;
}

/** A corrupt deflate stream (Z_*), or one that would outgrow the size its entry declares. */
function isInflateFailure(e: unknown): e is Error & { code: string } {
  const code = e instanceof Error && 'code' in e ? e.code : undefined;
  return typeof code === 'string' && (code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE');
}

/** A ZIP of uncompressed entries with UTF-8 names. */
export function writeStoredZip(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    // The fields from "version needed" to "extra length" are the same in both headers.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(20, 0);
    shared.writeUInt16LE(0x800, 2);
    shared.writeUInt32LE(crc32(file.data), 10);
    shared.writeUInt32LE(file.data.length, 14);
    shared.writeUInt32LE(file.data.length, 18);
    shared.writeUInt16LE(name.length, 22);
    shared.copy(local, 4);
    shared.copy(central, 6);
    locals.push(local, name, asBuffer(file.data));
    centrals.push(central, name);
    offset += 30 + name.length + file.data.length;
  }
  const cdSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const eocd = Buffer.alloc(EOCD_SIZE);
  EOCD_SIGNATURE.copy(eocd, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, eocd]);
}
