// OpenDocument files (.odt, .ods, .odp, LibreOffice's own): a text document's body with its tracked deletions shown
// in place and its comments with authors and dates; a spreadsheet's sheets and a presentation's slides (with notes)
// as one page each.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type ExtractedDocument, type Extractor } from '../extractor.ts';
import { decodeEntities } from './html-text.ts';
import { attr, openPackage } from './office-package.ts';

const ODF = 'application/vnd.oasis.opendocument.';
const NAME = /\.(odt|ods|odp|ott|ots|otp)$/i;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// An empty cell repeated to the sheet's edge is written once with a count; text repeated more than this is not prose.
const MAX_REPEAT = 64;

export const odfExtractor: Extractor = {
  name: 'odf',
  accepts(head, fileName) {
    if (!ZIP.every((b, i) => head[i] === b)) return false;
    return NAME.test(fileName) || Buffer.from(head.subarray(0, 120)).toString('latin1').includes(`mimetype${ODF}`);
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const pkg = openPackage(bytes, 'OpenDocument file');
    const content = pkg.parts.get('content.xml');
    if (!content) throw new UserError('unsupported_format', 'This ZIP archive is not an OpenDocument file (it has no content.xml).');
    const meta = pkg.parts.get('meta.xml') ?? '';
    let out: ExtractedDocument;
    if (/<office:spreadsheet\b/.test(content)) out = spreadsheet(content);
    else if (/<office:presentation\b/.test(content)) out = presentation(content);
    else out = textDocument(content);
    out.title = element(meta, 'dc:title');
    out.author = element(meta, 'meta:initial-creator') ?? element(meta, 'dc:creator');
    const date = element(meta, 'meta:creation-date') ?? element(meta, 'dc:date');
    out.date = date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date : null;
    return out;
  },
};

function element(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return decodeEntities(m?.[1] ?? '').trim() || null;
}

/** Paragraph text of an ODF fragment: spaces, tabs and line breaks as written, every other element's text in order. */
function odfText(xml: string): string {
  return decodeEntities(
    xml
      .replace(/<text:tab\b[^>]*\/>/g, '\t')
      .replace(/<text:line-break\b[^>]*\/>/g, '\n')
      .replace(/<text:s\b([^>]*)\/>/g, (_, a: string) => ' '.repeat(Math.min(MAX_REPEAT, Number(attr(`<s${a}>`, 'c') ?? 1) || 1)))
      .replace(/<\/text:(p|h)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function textDocument(content: string): ExtractedDocument {
  const out = emptyDocument('document', 'application/vnd.oasis.opendocument.text');
  const deleted = new Map<string, string>();
  let regions = 0;
  for (const [, tag, inner] of content.matchAll(/<text:changed-region\b([^>]*)>([\s\S]*?)<\/text:changed-region>/g)) {
    regions++;
    const id = attr(`<r${tag}>`, 'id');
    const deletion = /<text:deletion>([\s\S]*?)<\/text:deletion>/.exec(inner!)?.[1];
    if (id && deletion) deleted.set(id, odfText(deletion.replace(/<office:change-info>[\s\S]*?<\/office:change-info>/g, '')));
  }
  const comments: string[] = [];
  let body = /<office:text\b[^>]*>([\s\S]*)<\/office:text>/.exec(content)?.[1] ?? '';
  body = body.replace(/<text:tracked-changes\b[\s\S]*?<\/text:tracked-changes>/g, '');
  body = body.replace(/<office:annotation\b[^>]*>([\s\S]*?)<\/office:annotation>/g, (_, note: string) => {
    const who = [element(note, 'dc:creator'), element(note, 'dc:date')].filter(Boolean).join(', ');
    const text = odfText(note.replace(/<dc:(creator|date)>[^<]*<\/dc:\1>/g, '')).replace(/\n+/g, ' ');
    comments.push(`${who ? `[${who}] ` : ''}${text}`);
    return '';
  });
  body = body.replace(/<office:annotation-end\b[^>]*\/>/g, '');
  body = body.replace(/<text:change\b([^>]*)\/>/g, (_, a: string) => {
    const text = deleted.get(attr(`<c${a}>`, 'change-id') ?? '');
    return text ? `[deleted: ${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}]` : '';
  });
  out.body = [odfText(body), comments.length > 0 ? `Comments:\n${comments.join('\n')}` : ''].filter(Boolean).join('\n\n') || null;
  if (regions > 0) out.warnings.push(`The document carries tracked changes (${regions} changed region${regions === 1 ? '' : 's'}); deleted text is kept in its text, marked "[deleted: …]".`);
  if (comments.length > 0) out.warnings.push(`The document carries ${comments.length} comment${comments.length === 1 ? '' : 's'}; they are kept at the end of its text with their authors and dates.`);
  return out;
}

function spreadsheet(content: string): ExtractedDocument {
  const out = emptyDocument('document', 'application/vnd.oasis.opendocument.spreadsheet');
  let n = 0;
  for (const [, tag, inner] of content.matchAll(/<table:table\b([^>]*)>([\s\S]*?)<\/table:table>/g)) {
    n++;
    const rows: string[] = [];
    for (const [, row] of inner!.matchAll(/<table:table-row\b[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
      const cells: string[] = [];
      for (const [, cellTag, cell] of (row ?? '').matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
        const text = odfText(cell ?? '').replace(/\n/g, ' ');
        const repeat = Math.min(MAX_REPEAT, Number(attr(`<c${cellTag}>`, 'number-columns-repeated') ?? 1) || 1);
        for (let i = 0; i < repeat; i++) cells.push(text);
      }
      const line = cells.join('\t').trimEnd();
      if (line) rows.push(line);
    }
    out.pages.push({ page: n, text: [`Sheet ${n}: ${attr(`<t${tag}>`, 'name') ?? ''}`, rows.join('\n')].filter(Boolean).join('\n\n') });
  }
  if (n === 0) throw new UserError('damaged', 'The spreadsheet holds no sheets.');
  out.pageCount = n;
  return out;
}

function presentation(content: string): ExtractedDocument {
  const out = emptyDocument('document', 'application/vnd.oasis.opendocument.presentation');
  let n = 0;
  for (const [, inner] of content.matchAll(/<draw:page\b[^>]*>([\s\S]*?)<\/draw:page>/g)) {
    n++;
    const notesXml = /<presentation:notes\b[^>]*>([\s\S]*?)<\/presentation:notes>/.exec(inner!)?.[1] ?? '';
    const notes = odfText(notesXml.replace(/<draw:page-thumbnail\b[^>]*\/>/g, ''));
    const slide = odfText(inner!.replace(/<presentation:notes\b[\s\S]*?<\/presentation:notes>/g, ''));
    out.pages.push({ page: n, text: [`Slide ${n}`, slide, notes && `Notes:\n${notes}`].filter(Boolean).join('\n\n') });
  }
  if (n === 0) throw new UserError('damaged', 'The presentation holds no slides.');
  out.pageCount = n;
  return out;
}
