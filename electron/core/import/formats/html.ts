// HTML page importer: charset by BOM or <meta>, title/author/date from the head, body text via html-text.
import { emptyDocument, type Extractor } from '../extractor.ts';
import { decodeText } from './charset.ts';
import { decodeEntities, htmlToText, parseAttributes, scanHtml } from './html-text.ts';
import { isMetadataDate } from './iso-date.ts';
import { checkTextSize, titleText } from './text.ts';

const HTML_NAME = /\.html?$/i;
const TITLE_MAX = 200;
// The HTML spec's encoding prescan looks only this far for a <meta> charset.
const PRESCAN_BYTES = 1024;
const DATE_META = ['article:published_time', 'date', 'dc.date', 'dcterms.created', 'dcterms.date'];

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Whether the head starts, after any BOM and whitespace, with `<!doctype html` or `<html`. */
function looksLikeHtml(head: Uint8Array): boolean {
  const start = decodeText(head.subarray(0, 512)).text;
  return /^\s*<(!doctype\s+html|html[\s>])/i.test(start);
}

function declaredCharset(bytes: Uint8Array): string | null {
  let charset: string | null = null;
  scanHtml(latin1(bytes.subarray(0, PRESCAN_BYTES)), (token) => {
    if (token.kind !== 'start' || token.name !== 'meta') return;
    const attrs = parseAttributes(token.attrs);
    const content = attrs.get('http-equiv')?.toLowerCase() === 'content-type' ? attrs.get('content') : undefined;
    charset = attrs.get('charset') ?? /charset\s*=\s*["']?([^\s"';]+)/i.exec(content ?? '')?.[1] ?? null;
    return charset === null;
  });
  return charset;
}

interface HeadFields {
  title: string | null;
  author: string | null;
  date: string | null;
}

function readHead(html: string): HeadFields {
  const head: HeadFields = { title: null, author: null, date: null };
  let datePriority = DATE_META.length;
  scanHtml(html, (token) => {
    if (token.kind === 'raw' && token.name === 'title' && head.title === null) head.title = cleanText(token.text, TITLE_MAX);
    if (token.kind === 'start' && token.name === 'body') return false;
    if (token.kind !== 'start' || token.name !== 'meta') return;
    const attrs = parseAttributes(token.attrs);
    const key = (attrs.get('name') ?? attrs.get('property') ?? '').toLowerCase();
    const content = cleanText(attrs.get('content') ?? '', TITLE_MAX);
    if (key === 'author' && head.author === null) head.author = content;
    const priority = DATE_META.indexOf(key);
    if (priority >= 0 && priority < datePriority && content !== null && isMetadataDate(content)) {
      head.date = content;
      datePriority = priority;
    }
  });
  return head;
}

function cleanText(raw: string, max: number): string | null {
  return titleText(decodeEntities(raw.slice(0, max * 8)).replace(/\s+/g, ' ').trim(), max);
}

export const htmlExtractor: Extractor = {
  name: 'html',
  accepts(head, fileName) {
    return HTML_NAME.test(fileName) || looksLikeHtml(head);
  },
  async extract(bytes) {
    checkTextSize(bytes, 'HTML');
    const { text: html, warnings } = decodeText(bytes, declaredCharset(bytes));
    const body = htmlToText(html);
    return { ...emptyDocument('html', 'text/html'), ...readHead(html), body: body || null, warnings };
  },
};
