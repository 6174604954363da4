// Turns HTML into the text a reader sees, in one forward pass (no tree, no recursion), so hostile markup stays linear.
// Used for web pages, Word documents (through mammoth's HTML) and the HTML of emails.
import { fixC1 } from './charset.ts';

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
// The markup characters, which browsers (like the Latin-1 names) also read without their ';'.
const BASIC = { amp: 38, lt: 60, gt: 62, quot: 34 };

const ENTITIES = new Map<string, string>([
  ...LATIN1_NAMES.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(160 + i)]),
  ...Object.entries({
    ...BASIC, apos: 39, OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376,
    fnof: 402, circ: 710, tilde: 732, ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206,
    rlm: 8207, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221,
    bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242, Prime: 8243,
    lsaquo: 8249, rsaquo: 8250, euro: 8364, trade: 8482, larr: 8592, uarr: 8593, rarr: 8594, darr: 8595,
    harr: 8596, minus: 8722, infin: 8734, asymp: 8776, ne: 8800, le: 8804, ge: 8805,
  }).map(([name, code]): [string, string] => [name, String.fromCharCode(code)]),
]);
// Read without ';' (as in "&nbsp" or "&copy 2024") unless a longer word or an '=' follows, as browsers do in attributes.
const LEGACY_NAMES = new Set([...LATIN1_NAMES.split(' '), ...Object.keys(BASIC)]);
const REFERENCE = /&(?:#(\d+);?|#[xX]([0-9a-fA-F]+);?|([A-Za-z][A-Za-z0-9]{1,31});|([A-Za-z][A-Za-z0-9]{1,5})(?![A-Za-z0-9=]))/g;

/** Decodes named (HTML 4 set) and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (ref, dec?: string, hex?: string, name?: string, legacy?: string) => {
    if (name !== undefined) return ENTITIES.get(name) ?? ref;
    if (legacy !== undefined) return LEGACY_NAMES.has(legacy) ? ENTITIES.get(legacy)! : ref;
    return fromCodePoint(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16));
  });
}

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  // HTML reads references in the C1 range as the windows-1252 characters their writers meant.
  if (code >= 0x80 && code <= 0x9f) return fixC1(String.fromCharCode(code));
  return String.fromCodePoint(code);
}

// Blocks set apart by a blank line (their default margins), and blocks that only start a line of their own.
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl', 'hr', 'figure']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'caption', 'center', 'dd', 'details', 'div', 'dt', 'fieldset', 'figcaption', 'footer',
  'form', 'header', 'legend', 'li', 'main', 'nav', 'section', 'summary', 'tbody', 'tfoot', 'thead', 'tr', 'body', 'html',
]);
const SKIPPED_RAW = new Set(['script', 'style', 'noscript', 'title', 'iframe', 'noembed', 'noframes']);
// Elements whose content is never shown: templates, and the XML data islands Office writes into HTML.
const HIDDEN = new Set(['template', 'xml']);
// Outlook and Word write each line of a message as a <p class=MsoNormal> (or another Mso… class) with no margins,
// and a blank line as a paragraph holding only &nbsp;.
const OFFICE_LINE = /(?:^|\s)Mso/;

/**
 * The text a reader sees: blocks and <br> break lines, list items get their bullet or number, a table row's cells
 * are separated by tabs, whitespace collapses, hidden content is dropped.
 */
export function htmlToText(html: string): string {
  const out = new TextSink();
  // One entry per open list: the next number of an <ol>, null for a <ul>.
  const lists: (number | null)[] = [];
  let pre = 0;
  let hidden = 0;
  let paragraphLines = 2;
  let afterPreStart = false;
  scanHtml(html, (token) => {
    if (token.kind === 'text' || token.kind === 'raw') {
      // As in browsers, a line break right after <pre> or <textarea> opens is not part of the text.
      const text = afterPreStart ? token.text.replace(/^\r?\n/, '') : token.text;
      afterPreStart = false;
      if (hidden > 0 || (token.kind === 'raw' && SKIPPED_RAW.has(token.name))) return;
      out.text(decodeEntities(text), token.kind === 'raw' || pre > 0);
      return;
    }
    afterPreStart = token.kind === 'start' && (token.name === 'pre' || token.name === 'textarea');
    const { name } = token;
    const opening = token.kind === 'start';
    if (HIDDEN.has(name) && !(opening && token.attrs.endsWith('/'))) hidden = Math.max(0, hidden + (opening ? 1 : -1));
    if (hidden > 0) return;
    if (name === 'pre') pre = Math.max(0, pre + (opening ? 1 : -1));
    if (name === 'p' && opening) paragraphLines = OFFICE_LINE.test(parseAttributes(token.attrs).get('class') ?? '') ? 1 : 2;
    let listLines: number | undefined;
    if (name === 'ul' || name === 'ol') {
      // A list inside a list has no margins of its own.
      listLines = lists.length > (opening ? 0 : 1) ? 1 : 2;
      if (opening) lists.push(name === 'ol' ? listStart(token.attrs) : null);
      else lists.pop();
    }
    const lines = name === 'p' ? paragraphLines : listLines ?? (PARAGRAPHS.has(name) ? 2 : BLOCKS.has(name) ? 1 : 0);
    if (name === 'br') out.lineBreak(); // browsers read a stray </br> as <br> too
    else if (!opening) out.closeBlock(lines);
    else if (name === 'li') out.startItem(itemMarker(lists));
    else if (name === 'tr') out.startRow();
    else if (name === 'td' || name === 'th') out.startCell();
    else out.openBlock(lines, name === 'table');
  });
  return out.toString();
}

function listStart(attrs: string): number {
  const start = Number.parseInt(parseAttributes(attrs).get('start') ?? '', 10);
  return Number.isSafeInteger(start) ? start : 1;
}

function itemMarker(lists: (number | null)[]): string {
  const last = lists.length - 1;
  const next = lists[last];
  if (next == null) return '• ';
  lists[last] = next + 1;
  return `${next}. `;
}

// Spaces that collapse: HTML's whitespace, and no-break spaces (kept as written they would stop phrase searches).
const COLLAPSIBLE = /[\t\n\f\r \u00a0]+/g;
// An invisible soft hyphen left in a word would stop the word from being found.
const SOFT_HYPHEN = /\u00ad/g;

/**
 * Collects text, holding line breaks and separators back until real text follows, so none pile up: at most one
 * blank line, never a break or separator at the start or the end.
 */
class TextSink {
  private readonly parts: string[] = [];
  private newlines = 0;
  private separator: '' | ' ' | '\t' = '';
  // A list item's marker, written before its first text.
  private marker = '';
  // A list item or table cell has started: the blocks opening inside it do not break the line it is on.
  private holding = false;
  // The current line holds nothing but no-break spaces, which a browser shows as an empty line.
  private blankLine = false;
  private rowHasText = false;

  text(raw: string, preformatted: boolean): void {
    const text = raw.replace(SOFT_HYPHEN, '');
    if (preformatted) {
      const normalised = text.replace(/\r\n?/g, '\n');
      if (normalised) this.emit(normalised);
      return;
    }
    const collapsed = text.replace(COLLAPSIBLE, ' ');
    const leading = collapsed.startsWith(' ') ? 1 : 0;
    const trailing = collapsed.length > leading && collapsed.endsWith(' ') ? 1 : 0;
    const core = collapsed.slice(leading, collapsed.length - trailing);
    if (leading) this.space();
    if (!core) {
      if (text.includes('\u00a0') && (this.newlines > 0 || this.parts.length === 0)) this.blankLine = true;
      return;
    }
    this.emit(core);
    if (trailing) this.space();
  }

  lineBreak(): void {
    this.newlines = Math.min(this.newlines + 1, 2);
    this.blankLine = false;
  }

  openBlock(lines: number, table = false): void {
    if (!this.holding && lines > 0) this.blockBreak(lines);
    if (table) this.rowHasText = false;
  }

  closeBlock(lines: number): void {
    if (lines === 0) return;
    this.holding = false;
    this.marker = '';
    this.blockBreak(lines);
  }

  startItem(marker: string): void {
    this.closeBlock(1);
    this.marker = marker;
    this.holding = true;
  }

  startRow(): void {
    // A paragraph ending the previous row's last cell does not set the rows apart.
    if (this.rowHasText) this.newlines = 0;
    this.closeBlock(1);
    this.rowHasText = false;
  }

  startCell(): void {
    this.marker = '';
    if (this.rowHasText) {
      this.newlines = 0;
      this.separator = '\t';
    }
    this.holding = true;
  }

  toString(): string {
    // Only preformatted text can end a line in spaces, or start or end the text with blank lines.
    const lines = this.parts.join('').split('\n').map((line) => line.trimEnd());
    let start = 0;
    let end = lines.length;
    while (start < end && lines[start] === '') start++;
    while (end > start && lines[end - 1] === '') end--;
    return lines.slice(start, end).join('\n');
  }

  private space(): void {
    if (this.separator === '') this.separator = ' ';
  }

  private blockBreak(lines: number): void {
    if (this.blankLine) this.lineBreak();
    this.newlines = Math.max(this.newlines, lines);
  }

  private emit(text: string): void {
    if (this.parts.length > 0) {
      if (this.newlines > 0) this.parts.push('\n'.repeat(this.newlines));
      else if (this.separator) this.parts.push(this.separator);
    }
    this.parts.push(this.marker, text);
    this.newlines = 0;
    this.separator = '';
    this.marker = '';
    this.holding = false;
    this.blankLine = false;
    this.rowHasText = true;
  }
}
