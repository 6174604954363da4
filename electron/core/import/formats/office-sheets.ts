// Excel workbooks (.xlsx, .xlsm): every sheet's cell text as one page per sheet, in workbook order, with its name,
// whether Excel hides it, and its cell comments; embedded files become attachments. Formulas are not recalculated:
// a cell reads as the value Excel last saved.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';
import { decodeEntities } from './html-text.ts';
import { attr, embeddedFiles, relId, openPackage, relationships, type OfficePackage } from './office-package.ts';
import { leadingEntryNames } from './zip-archive.ts';

const MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NAME = /\.(xlsx|xlsm|xltx|xltm)$/i;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// A sheet's text stops here: a million rows of numbers are data, not prose, and the page must stay searchable.
const MAX_SHEET_CHARS = 20 * 2 ** 20;

export const sheetsExtractor: Extractor = {
  name: 'xlsx',
  accepts(head, fileName) {
    if (!ZIP.every((b, i) => head[i] === b)) return false;
    return NAME.test(fileName) || leadingEntryNames(head).some((n) => n.startsWith('xl/'));
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const pkg = openPackage(bytes, 'workbook');
    const workbook = pkg.parts.get('xl/workbook.xml');
    if (!workbook) throw new UserError('unsupported_format', 'This ZIP archive is not an Excel workbook (it has no xl/workbook.xml).');
    const warnings: string[] = [];
    const shared = sharedStrings(pkg.parts.get('xl/sharedStrings.xml') ?? '');
    const rels = relationships(pkg, 'xl/workbook.xml');
    const out = emptyDocument('document', MEDIA_TYPE);
    const hidden: string[] = [];
    const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map(([tag]) => ({
      name: attr(tag, 'name') ?? 'Sheet',
      state: attr(tag, 'state'),
      part: rels.get(relId(tag) ?? '')?.target ?? null,
    }));
    sheets.forEach((sheet, i) => {
      if (sheet.state === 'hidden' || sheet.state === 'veryHidden') hidden.push(sheet.name);
      const xml = sheet.part ? pkg.parts.get(sheet.part) : undefined;
      const heading = `Sheet ${i + 1}: ${sheet.name}${sheet.state === 'hidden' || sheet.state === 'veryHidden' ? ' (hidden)' : ''}`;
      const cells = xml === undefined ? '' : sheetText(xml, shared, sheet.name, warnings);
      const notes = sheet.part ? comments(pkg, sheet.part) : '';
      out.pages.push({ page: i + 1, text: [heading, cells, notes].filter(Boolean).join('\n\n') });
    });
    if (out.pages.length === 0) throw new UserError('damaged', 'The workbook lists no sheets.');
    out.pageCount = out.pages.length;
    if (hidden.length > 0) warnings.push(`Sheets hidden in Excel were imported too: ${hidden.join(', ')}.`);
    if (pkg.entries.some((e) => /^xl\/vbaProject\.bin$/i.test(e.name))) warnings.push('The workbook contains macros (VBA); they were neither run nor read.');
    out.attachments = embeddedFiles(pkg, 'xl/embeddings/', warnings);
    const core = pkg.parts.get('docProps/core.xml') ?? '';
    out.title = coreValue(core, 'title');
    out.author = coreValue(core, 'creator');
    out.warnings = warnings;
    return out;
  },
};

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map(([, si]) => cellRuns(si!));
}

/** The text of <t> runs, leaving out phonetic guides (<rPh>), which repeat the text in kana. */
function cellRuns(xml: string): string {
  const visible = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  return [...visible.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)].map((m) => decodeEntities(m[1]!)).join('');
}

/** Rows as lines, cells separated by tabs, empty cells kept so columns line up. */
function sheetText(xml: string, shared: string[], name: string, warnings: string[]): string {
  const lines: string[] = [];
  let size = 0;
  for (const [, row] of xml.matchAll(/<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const cells: string[] = [];
    for (const [, tag, inner] of (row ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const column = columnIndex(attr(`<c${tag}>`, 'r'));
      while (column !== null && cells.length < column) cells.push('');
      cells.push(cellValue(attr(`<c${tag}>`, 't'), inner ?? '', shared));
    }
    const line = cells.join('\t').trimEnd();
    if (!line) continue;
    size += line.length;
    if (size > MAX_SHEET_CHARS) {
      warnings.push(`The sheet "${name}" holds more than ${MAX_SHEET_CHARS / 2 ** 20} million characters; only its first rows were imported as text.`);
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function columnIndex(ref: string | null): number | null {
  const letters = ref ? /^[A-Z]+/i.exec(ref)?.[0] : undefined;
  if (!letters) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return Math.min(n - 1, 16383);
}

function cellValue(type: string | null, inner: string, shared: string[]): string {
  const value = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (type === 'inlineStr') return cellRuns(inner);
  if (type === 's') return shared[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : '';
  return decodeEntities(value ?? '');
}

/** The sheet's cell comments (and threaded comments' plain copies), as "Comment on A1 (Author): text". */
function comments(pkg: OfficePackage, sheetPart: string): string {
  const lines: string[] = [];
  for (const { target, type } of relationships(pkg, sheetPart).values()) {
    if (!type.endsWith('/comments')) continue;
    const xml = pkg.parts.get(target) ?? '';
    const authors = [...xml.matchAll(/<(?:\w+:)?author>([^<]*)<\/(?:\w+:)?author>/g)].map((m) => decodeEntities(m[1]!));
    for (const [, tag, body] of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
      const author = authors[Number(attr(`<c${tag}>`, 'authorId'))];
      lines.push(`Comment on ${attr(`<c${tag}>`, 'ref') ?? '?'}${author ? ` (${author})` : ''}: ${cellRuns(body!).trim()}`);
    }
  }
  return lines.join('\n');
}

function coreValue(core: string, localName: string): string | null {
  const match = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?(?<!/)>([^<]*)</`).exec(core);
  return decodeEntities(match?.[1] ?? '').trim() || null;
}
