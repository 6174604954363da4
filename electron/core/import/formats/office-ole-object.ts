// An OLE object as Office embeds it (word/embeddings/oleObject1.bin, an Outlook object attachment): a compound file
// wrapping the real file in an "Ole10Native" package, a CONTENTS stream (Acrobat's PDFs) or a Package stream (Office
// files). The wrapper is kept as an exhibit of its own and the file inside it handed on as its attachment.
import { createRequire } from 'node:module';
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type ExtractedAttachment, type Extractor } from '../extractor.ts';
import { checkCompoundFile } from './mail-cfb-guard.ts';
import { mediaTypeForName } from './mail-file-name.ts';
import { msgExtractor } from './msg.ts';
import { leadingEntryNames } from './zip-archive.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Names Office and Outlook give embedded objects; a compound file named otherwise is a document of its own.
const OBJECT_NAME = /(^oleObject\d*\.bin$|\.bin$|^[^.]+$)/i;
const LEGACY_STREAMS: [stream: string, what: string][] = [
  ['WordDocument', 'a Word 97–2003 document'],
  ['Workbook', 'an Excel 97–2003 workbook'],
  ['PowerPoint Document', 'a PowerPoint 97–2003 presentation'],
];

interface CFolder {
  fileNames(): string[];
  readFile(name: string): Uint8Array | null;
}
type ReaderClass = new (buffer: ArrayBuffer) => { parse(): void; rootFolder(): CFolder };
let reader: ReaderClass | null = null;
function readerClass(): ReaderClass {
  reader ??= (createRequire(import.meta.url)('@kenjiuno/msgreader/lib/Reader.js') as { Reader: ReaderClass }).Reader;
  return reader;
}

export const oleObjectExtractor: Extractor = {
  name: 'ole-object',
  accepts(head, fileName) {
    return OLE.every((b, i) => head[i] === b) && OBJECT_NAME.test(fileName);
  },
  async extract(bytes, ctx) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    try {
      checkCompoundFile(bytes);
    } catch (e) {
      if (e instanceof UserError) throw new UserError('damaged', 'The embedded object is damaged: its compound-file structure cannot be read.');
      throw e;
    }
    const r = new (readerClass())(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    r.parse();
    const root = r.rootFolder();
    const names = root.fileNames();
    // An Outlook message embedded as an object is stored as the message itself: it is read as one.
    if (names.includes('__properties_version1.0')) return msgExtractor.extract(bytes, ctx);
    const out = emptyDocument('other', 'application/x-oleobject');
    out.textLayer = false;
    const inner = unwrap(root, names, ctx.fileName);
    if (inner) {
      out.attachments.push(inner);
      out.warnings.push(`This is an embedded object; the file inside it (${inner.fileName}) was imported as its attachment.`);
      return out;
    }
    const legacy = LEGACY_STREAMS.find(([stream]) => names.includes(stream));
    out.warnings.push(
      legacy
        ? `This embedded object is ${legacy[1]}; its text cannot be read by this app. The original is kept in the vault.`
        : 'This embedded object is of a kind this app cannot unpack; the original is kept in the vault.',
    );
    return out;
  },
};

function unwrap(root: CFolder, names: string[], hostName: string): ExtractedAttachment | null {
  const base = hostName.replace(/\.[^.]*$/, '') || 'embedded';
  if (names.includes('\u0001Ole10Native')) {
    const native = root.readFile('\u0001Ole10Native');
    const packaged = native ? readOle10Native(native) : null;
    if (packaged) return { ...packaged, mediaType: mediaTypeForName(packaged.fileName), inline: false };
  }
  for (const stream of ['CONTENTS', 'Package', 'package']) {
    if (!names.includes(stream)) continue;
    const data = root.readFile(stream);
    if (!data || data.length === 0) continue;
    const fileName = `${base}.${sniffExtension(data)}`;
    return { fileName, bytes: data, mediaType: mediaTypeForName(fileName), inline: false };
  }
  return null;
}

/** [MS-OLEDS] 2.3.6-ish "Package" object: size, a label, the original path, a temp path, then the file's bytes. */
function readOle10Native(data: Uint8Array): { fileName: string; bytes: Uint8Array } | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const cstring = (at: number): [string, number] => {
    const end = data.indexOf(0, at);
    if (end < 0) throw new RangeError('unterminated');
    return [Buffer.from(data.subarray(at, end)).toString('latin1'), end + 1];
  };
  try {
    let at = 4;
    if (view.getUint16(at, true) !== 2) return rawNative(data);
    at += 2;
    const [label, a1] = cstring(at);
    const [originalPath, a2] = cstring(a1);
    at = a2 + 4; // two reserved words
    const tempLength = view.getUint32(at, true);
    at += 4 + tempLength;
    const size = view.getUint32(at, true);
    at += 4;
    if (at + size > data.length) return null;
    const fileName = (label || originalPath.split(/[\\/]/).pop() || 'embedded.bin').trim();
    return { fileName, bytes: data.subarray(at, at + size) };
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** An Ole10Native stream without a package header: a size, then the data (Equation Editor and older objects). */
function rawNative(data: Uint8Array): { fileName: string; bytes: Uint8Array } | null {
  const size = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0, true);
  if (size === 0 || 4 + size > data.length) return null;
  const bytes = data.subarray(4, 4 + size);
  return { fileName: `embedded.${sniffExtension(bytes)}`, bytes };
}

function sniffExtension(data: Uint8Array): string {
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (data[0] === 0x50 && data[1] === 0x4b) {
    const entries = leadingEntryNames(data.subarray(0, 4096));
    if (entries.some((n) => n.startsWith('word/'))) return 'docx';
    if (entries.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (entries.some((n) => n.startsWith('ppt/'))) return 'pptx';
    return 'zip';
  }
  if (OLE.every((b, i) => data[i] === b)) return 'bin';
  return 'bin';
}
