// Word, Excel and PowerPoint 97–2003 files (.doc, .xls, .ppt): recognised and kept as originals with a plain warning.
// No well-kept JavaScript library reads their text offline (the binary formats need a reader of their own), so they
// are not guessed at: an exhibit whose text is missing says so rather than holding fragments.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// The stream each program keeps its content in, as the compound file's directory names it (UTF-16).
const PROGRAMS: [stream: string, name: string, mediaType: string, ext: RegExp][] = [
  ['WordDocument', 'a Word 97–2003 document', 'application/msword', /\.(doc|dot)$/i],
  ['Workbook', 'an Excel 97–2003 workbook', 'application/vnd.ms-excel', /\.(xls|xlt)$/i],
  ['Book', 'an Excel 5 workbook', 'application/vnd.ms-excel', /\.(xls|xlt)$/i],
  ['PowerPoint Document', 'a PowerPoint 97–2003 presentation', 'application/vnd.ms-powerpoint', /\.(ppt|pps|pot)$/i],
];

export const legacyOfficeExtractor: Extractor = {
  name: 'office-legacy',
  accepts(head, fileName) {
    return OLE.every((b, i) => head[i] === b) && PROGRAMS.some(([, , , ext]) => ext.test(fileName));
  },
  async extract(bytes, ctx) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // By name first: a workbook that embeds a Word document holds a WordDocument stream too.
    const program = PROGRAMS.find(([, , , ext]) => ext.test(ctx.fileName)) ?? PROGRAMS.find(([stream]) => buf.includes(Buffer.from(stream, 'utf16le')));
    if (!program) throw new UserError('unsupported_format', 'The file is an Office compound file of a kind this app does not know.');
    const [, name, mediaType] = program;
    const out = emptyDocument('document', mediaType);
    out.textLayer = false;
    out.warnings.push(`This is ${name}; its text cannot be read by this app, so it is not searchable. The original is kept in the vault; save it in the current format (.docx, .xlsx, .pptx) to import its text.`);
    if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) || buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) out.encrypted = true;
    return out;
  },
};
