// Generates production volumes in a temp folder: a DAT in the encoding and dialect asked for, an OPT, tiny Group 4
// TIFF and JPEG page images, text files and natives, with the mistakes real volumes carry (a missing image, a row
// with the wrong number of fields, an ENDBATES the images do not reach, paths in another letter case).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { encodeG4Tiff } from '../../electron/core/production/g4-tiff.ts';

export type DatFormat = 'utf8-bom' | 'utf8' | 'utf16le-bom' | 'cp1252' | 'csv';

export const CONCORDANCE_HEADER = ['BEGBATES', 'ENDBATES', 'BEGATTACH', 'ENDATTACH', 'CUSTODIAN', 'DATESENT', 'FROM', 'SUBJECT', 'NOTES', 'TEXTPATH', 'NATIVEPATH'];
// The CSV variant names its columns the other ways producers do, to exercise the aliases.
export const CSV_HEADER = ['Beg Bates', 'PRODEND', 'Attach Begin', 'END_ATTACH', 'Custodian', 'Date Sent', 'Email From', 'Subject', 'Notes', 'Text Path', 'Native Link'];

interface Doc {
  beg: string;
  end: string;
  pages: string[];
  begAttach: string;
  endAttach: string;
  subject: string;
  notes: string;
  native: string;
  /** Write only this many values (a broken row). */
  truncate?: number;
}

export const SUBJECT_WITH_NEWLINE = 'Re: café “budget”\nsecond line';

const DOCS: Doc[] = [
  { beg: 'ABC0000001', end: 'ABC0000002', pages: ['ABC0000001', 'ABC0000002'], begAttach: 'ABC0000001', endAttach: 'ABC0000005', subject: 'Budget email', notes: '', native: '' },
  { beg: 'ABC0000003', end: 'ABC0000003', pages: ['ABC0000003'], begAttach: 'ABC0000001', endAttach: 'ABC0000005', subject: 'Attachment one', notes: '', native: '' },
  { beg: 'ABC0000004', end: 'ABC0000005', pages: ['ABC0000004', 'ABC0000005'], begAttach: 'ABC0000001', endAttach: 'ABC0000005', subject: 'Attachment two', notes: '', native: '' },
  // Its NOTES hold a raw line break inside the qualifier, so the row spans two physical lines.
  { beg: 'ABC0000006', end: 'ABC0000008', pages: ['ABC0000006', 'ABC0000007', 'ABC0000008'], begAttach: '', endAttach: '', subject: SUBJECT_WITH_NEWLINE, notes: 'first\r\nsecond', native: '' },
  { beg: 'ABC0000009', end: 'ABC0000009', pages: ['ABC0000009'], begAttach: '', endAttach: '', subject: 'Spreadsheet', notes: 'slip sheet', native: 'NATIVES\\0001\\ABC0000009.xlsx' },
  { beg: 'ABC0000010', end: 'ABC0000010', pages: ['ABC0000010'], begAttach: '', endAttach: '', subject: 'Image missing', notes: '', native: '' },
  { beg: 'ABC0000011', end: 'ABC0000011', pages: ['ABC0000011'], begAttach: '', endAttach: '', subject: 'Too few fields', notes: '', native: '', truncate: 9 },
  { beg: 'ABC0000012', end: 'ABC0000012', pages: [], begAttach: '', endAttach: '', subject: 'Native only', notes: '', native: '\\VOL001\\NATIVES\\0001\\ABC0000012.xlsx' },
  { beg: 'ABC0000013', end: 'ABC0000014', pages: ['ABC0000013'], begAttach: '', endAttach: '', subject: 'Ends short', notes: '', native: '' },
];

/** The page whose image the OPT names but the volume lacks. */
export const MISSING_IMAGE = 'ABC0000010';

export interface GeneratedVolume {
  root: string;
  datFile: string;
  optFile: string;
  /** The physical DAT line each document's row starts on, as written. */
  datLine: Record<string, number>;
  /** The OPT line each page is on. */
  optLine: Record<string, number>;
}

const created: string[] = [];

export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `exhibit-desk-${name}-`));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes the volume VOL001 under a new temp folder. */
export function writeVolume(format: DatFormat): GeneratedVolume {
  const root = path.join(tempDir(`production-${format}`), 'VOL001');
  // Folders on disk in other letter cases than the load files use, as a volume copied off Windows can be.
  const images = path.join(root, 'images', '0001');
  const text = path.join(root, 'Text', '0001');
  const natives = path.join(root, 'NATIVES', '0001');
  const data = path.join(root, 'DATA');
  for (const d of [images, text, natives, data]) fs.mkdirSync(d, { recursive: true });

  const optLine: Record<string, number> = {};
  const optLines: string[] = [];
  for (const doc of DOCS) {
    doc.pages.forEach((key, i) => {
      const file = key === 'ABC0000005' ? `${key}.jpg` : `${key}.tif`;
      if (key !== MISSING_IMAGE) fs.writeFileSync(path.join(images, file), key === 'ABC0000005' ? jpegPage() : tiffPage(Number(key.slice(3))));
      const written = i === 0 && doc.beg === 'ABC0000003' ? `.\\IMAGES\\0001\\${file}` : `IMAGES\\0001\\${file.toUpperCase()}`;
      optLines.push([key, 'VOL001', written, i === 0 ? 'Y' : '', '', '', i === 0 ? doc.pages.length : ''].join(','));
      optLine[key] = optLines.length;
    });
    fs.writeFileSync(path.join(text, `${doc.beg.toLowerCase()}.TXT`), `Text of ${doc.beg}\n`);
  }
  fs.writeFileSync(path.join(natives, 'ABC0000009.xlsx'), 'PK placeholder');
  fs.writeFileSync(path.join(natives, 'ABC0000012.xlsx'), 'PK placeholder');
  const optFile = path.join(data, 'VOL001.opt');
  fs.writeFileSync(optFile, optLines.join('\r\n') + '\r\n');

  const { bytes, datLine } = datBytes(format);
  const datFile = path.join(data, format === 'csv' ? 'VOL001.csv' : 'VOL001.dat');
  fs.writeFileSync(datFile, bytes);
  return { root, datFile, optFile, datLine, optLine };
}

function rowValues(doc: Doc): string[] {
  const values = [doc.beg, doc.end, doc.begAttach, doc.endAttach, 'Jane Roe', '2021-03-04', 'jane@example.com', doc.subject, doc.notes, `TEXT\\0001\\${doc.beg}.txt`, doc.native];
  return values.slice(0, doc.truncate ?? values.length);
}

function datBytes(format: DatFormat): { bytes: Buffer; datLine: Record<string, number> } {
  const csv = format === 'csv';
  const header = csv ? CSV_HEADER : CONCORDANCE_HEADER;
  const lines = [encodeRow(header, csv)];
  const datLine: Record<string, number> = {};
  let physical = 2;
  for (const doc of DOCS) {
    const line = encodeRow(rowValues(doc), csv);
    datLine[doc.beg] = physical;
    physical += line.split(/\r\n|\r|\n/).length;
    lines.push(line);
  }
  const text = lines.join('\r\n') + '\r\n';
  switch (format) {
    case 'utf8-bom':
      return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), datLine };
    case 'utf8':
    case 'csv':
      return { bytes: Buffer.from(text, 'utf8'), datLine };
    case 'utf16le-bom':
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), datLine };
    case 'cp1252':
      return { bytes: windows1252(text), datLine };
  }
}

// Concordance: þ around every value, DC4 between, ® for the subject's newline but a raw CRLF in NOTES (both happen).
function encodeRow(values: string[], csv: boolean): string {
  if (csv) return values.map((v) => `"${v.replaceAll('"', '""')}"`).join(',');
  return values.map((v, i) => `þ${i === 7 ? v.replaceAll('\n', '®') : v}þ`).join('\u0014');
}

const CP1252_EXTRA: Record<string, number> = { '“': 0x93, '”': 0x94, '€': 0x80 };

function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (CP1252_EXTRA[c] !== undefined) return CP1252_EXTRA[c];
      if (code < 0x100 && (code < 0x80 || code > 0x9f)) return code;
      throw new Error(`no windows-1252 byte for ${c}`);
    }),
  );
}

/** A 40×20 page with a black bar whose length tells pages apart. */
export function tiffPage(n: number): Uint8Array {
  const width = 40;
  const height = 20;
  const bits = new Uint8Array(5 * height);
  for (let y = 5; y < 10; y++) for (let x = 0; x < Math.min(width, 3 * n); x++) bits[y * 5 + (x >> 3)]! |= 0x80 >> (x & 7);
  return encodeG4Tiff({ width, height, bits, dpi: 300 });
}

function jpegPage(): Buffer {
  const width = 16;
  const height = 16;
  const data = Buffer.alloc(width * height * 4, 255);
  return jpeg.encode({ data, width, height }, 80).data;
}
