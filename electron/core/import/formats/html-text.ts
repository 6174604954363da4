// Turns HTML into readable plain text with one forward pass (no tree, no recursion), so hostile markup stays linear.
import { windows1252Char } from './text.ts';

export type HtmlToken =
  | { kind: 'text'; text: string } // entities not yet decoded
  | { kind: 'start'; name: string; attrs: string }
  | { kind: 'end'; name: string }
  | { kind: 'raw'; name: string; text: string }; // the content of script, style, title, textarea …

/** Elements whose content is not markup: everything up to the matching end tag is one raw token. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);

const rawEndTags = new Map<string, RegExp>();

/** Calls `visit` for each token in document order; `visit` returns false to stop early. */
export function scanHtml(html: string, visit: (token: HtmlToken) => boolean | void): void {
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      visit({ kind: 'text', text: html.slice(i) });
      return;
    }
    if (lt > i && visit({ kind: 'text', text: html.slice(i, lt) }) === false) return;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return;
      i = end + 3;
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || (next === 0x2f /* / */ && !isLetter(html.charCodeAt(lt + 2)))) {
      // Doctype, processing instruction, CDATA or a malformed end tag: browsers skip it like a comment.
      const end = html.indexOf('>', lt + 2);
      if (end < 0) return;
      i = end + 1;
    } else if (next === 0x2f) {
      const nameEnd = tagNameEnd(html, lt + 2);
      const end = tagEnd(html, nameEnd);
      if (end < 0) return;
      if (visit({ kind: 'end', name: html.slice(lt + 2, nameEnd).toLowerCase() }) === false) return;
      i = end + 1;
    } else if (isLetter(next)) {
      const nameEnd = tagNameEnd(html, lt + 1);
      const end = tagEnd(html, nameEnd);
      if (end < 0) return;
      const name = html.slice(lt + 1, nameEnd).toLowerCase();
      if (visit({ kind: 'start', name, attrs: html.slice(nameEnd, end) }) === false) return;
      i = end + 1;
      if (RAW_TEXT.has(name)) {
        const close = findRawEnd(html, name, i);
        if (visit({ kind: 'raw', name, text: html.slice(i, close) }) === false) return;
        const gt = html.indexOf('>', close);
        i = gt < 0 ? n : gt + 1;
      }
    } else {
      if (visit({ kind: 'text', text: '<' }) === false) return;
      i = lt + 1;
    }
  }
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function tagNameEnd(html: string, from: number): number {
  let j = from;
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (isSpace(c) || c === 0x2f || c === 0x3e) break;
    j++;
  }
  return j;
}

/** Index of the '>' closing a tag, skipping quoted attribute values; -1 when the document ends inside the tag. */
function tagEnd(html: string, from: number): number {
  const n = html.length;
  let j = from;
  while (j < n) {
    const c = html.charCodeAt(j);
    if (c === 0x3e) return j;
    j++;
    if (c !== 0x3d /* = */) continue;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 0x22 || q === 0x27) {
      const close = html.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close < 0) return -1;
      j = close + 1;
    }
  }
  return -1;
}

function findRawEnd(html: string, name: string, from: number): number {
  let re = rawEndTags.get(name);
  if (!re) {
    re = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
    rawEndTags.set(name, re);
  }
  re.lastIndex = from;
  return re.exec(html)?.index ?? html.length;
}

/** Attribute names (lower-cased) to raw values, first occurrence winning, as browsers do. */
export function parseAttributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;
  for (const m of attrs.matchAll(re)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

// HTML 4's entity set (Latin-1 from &nbsp; at 160, plus the common symbols); rarer HTML5 names stay as written.
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const ENTITIES = new Map<string, string>([
  ...LATIN1_NAMES.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(160 + i)]),
  ...Object.entries({
    amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376,
    fnof: 402, circ: 710, tilde: 732, ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206,
    rlm: 8207, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221,
    bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242, Prime: 8243,
    lsaquo: 8249, rsaquo: 8250, euro: 8364, trade: 8482, larr: 8592, uarr: 8593, rarr: 8594, darr: 8595,
    harr: 8596, minus: 8722, ne: 8800, le: 8804, ge: 8805,
  }).map(([name, code]): [string, string] => [name, String.fromCharCode(code)]),
]);

/** Decodes named (HTML 4 set) and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([A-Za-z][A-Za-z0-9]{1,31});)/g, (ref, dec, hex, name) => {
    if (name !== undefined) return ENTITIES.get(name) ?? ref;
    return fromCodePoint(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16));
  });
}

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  if (code >= 0x80 && code <= 0x9f) return windows1252Char(code);
  return String.fromCodePoint(code);
}

const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl', 'hr', 'figure']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'caption', 'dd', 'details', 'div', 'dt', 'fieldset', 'figcaption', 'footer', 'form',
  'header', 'legend', 'li', 'main', 'nav', 'section', 'summary', 'tbody', 'tfoot', 'thead', 'tr', 'body', 'html',
]);
const SKIPPED_RAW = new Set(['script', 'style', 'noscript', 'title', 'iframe', 'noembed', 'noframes']);

/** The text a reader sees: block elements and <br> break lines, whitespace collapses, hidden content is dropped. */
export function htmlToText(html: string): string {
  const out = new TextSink();
  let pre = 0;
  let template = 0;
  scanHtml(html, (token) => {
    if (token.kind === 'text') {
      if (template === 0) out.text(decodeEntities(token.text), pre > 0);
    } else if (token.kind === 'raw') {
      if (template === 0 && !SKIPPED_RAW.has(token.name)) out.text(decodeEntities(token.text), true);
    } else {
      const opening = token.kind === 'start';
      if (token.name === 'template') template = Math.max(0, template + (opening ? 1 : -1));
      if (template > 0) return;
      if (token.name === 'pre') pre = Math.max(0, pre + (opening ? 1 : -1));
      // Browsers read a stray </br> as <br> too.
      if (token.name === 'br') out.lineBreak();
      else if (PARAGRAPHS.has(token.name)) out.blockBreak(2);
      else if (BLOCKS.has(token.name)) out.blockBreak(1);
      else if (token.name === 'td' || token.name === 'th') out.space();
    }
  });
  return out.toString();
}

/** Collects text, holding spaces and line breaks back until real text follows, so none pile up. */
class TextSink {
  private readonly parts: string[] = [];
  private newlines = 0;
  private pendingSpace = false;

  text(text: string, preformatted: boolean): void {
    if (preformatted) {
      const normalised = text.replace(/\r\n?/g, '\n');
      if (normalised) this.emit(normalised);
      return;
    }
    const collapsed = text.replace(/\s+/g, ' ');
    const core = collapsed.trim();
    if (collapsed.startsWith(' ')) this.pendingSpace = true;
    if (!core) return;
    this.emit(core);
    this.pendingSpace = collapsed.endsWith(' ');
  }

  space(): void {
    this.pendingSpace = true;
  }

  lineBreak(): void {
    this.newlines = Math.min(this.newlines + 1, 2);
  }

  blockBreak(lines: number): void {
    this.newlines = Math.max(this.newlines, lines);
  }

  toString(): string {
    return this.parts.join('');
  }

  private emit(text: string): void {
    if (this.parts.length > 0) {
      if (this.newlines > 0) this.parts.push('\n'.repeat(this.newlines));
      else if (this.pendingSpace) this.parts.push(' ');
    }
    this.parts.push(text);
    this.newlines = 0;
    this.pendingSpace = false;
  }
}
