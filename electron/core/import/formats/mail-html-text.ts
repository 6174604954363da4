// Turns an HTML email body into readable text in one forward pass: no DOM, no recursion, no backtracking, linear time.
import { fixC1 } from './mail-codepage.ts';

// Elements that start and end a line of their own.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
// Elements whose content is never shown as text.
const HIDDEN = ['script', 'style', 'title', 'template', 'xml'];
const HIDDEN_END = new Map(HIDDEN.map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'gi')]));

// U+00A0 … U+00FF in order, so the Latin-1 entity names need no table of code points.
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ');
const ENTITIES = new Map<string, string>([
  ...LATIN1_NAMES.map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
  ['ndash', '–'], ['mdash', '—'], ['lsquo', '‘'], ['rsquo', '’'], ['sbquo', '‚'], ['ldquo', '“'], ['rdquo', '”'],
  ['bdquo', '„'], ['dagger', '†'], ['Dagger', '‡'], ['bull', '•'], ['hellip', '…'], ['permil', '‰'], ['prime', '′'],
  ['Prime', '″'], ['lsaquo', '‹'], ['rsaquo', '›'], ['euro', '€'], ['trade', '™'], ['larr', '←'], ['rarr', '→'],
  ['uarr', '↑'], ['darr', '↓'], ['harr', '↔'], ['minus', '−'], ['le', '≤'], ['ge', '≥'], ['ne', '≠'], ['asymp', '≈'],
  ['infin', '∞'], ['ensp', ' '], ['emsp', ' '], ['thinsp', ' '], ['zwnj', '\u200c'], ['zwj', '\u200d'],
  ['lrm', '\u200e'], ['rlm', '\u200f'], ['OElig', 'Œ'], ['oelig', 'œ'], ['Scaron', 'Š'], ['scaron', 'š'],
  ['Yuml', 'Ÿ'], ['fnof', 'ƒ'], ['circ', 'ˆ'], ['tilde', '˜'],
  // A soft hyphen is invisible, and left in a word it would stop the word from being found.
  ['shy', ''],
]);
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

export function htmlToText(html: string): string {
  return new HtmlScanner(html).run();
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return ENTITIES.get(name) ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    // HTML reads numeric references in the C1 range as the Windows-1252 characters their senders meant.
    if (code >= 0x80 && code <= 0x9f) return fixC1(String.fromCharCode(code));
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

class TextWriter {
  private readonly parts: string[] = [];
  private atLineStart = true;
  private pendingSpace = false;

  word(s: string): void {
    if (!s) return;
    if (this.pendingSpace && !this.atLineStart) this.parts.push(' ');
    this.pendingSpace = false;
    this.parts.push(s);
    this.atLineStart = false;
  }

  space(): void {
    this.pendingSpace = true;
  }

  verbatim(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.pendingSpace = false;
    this.atLineStart = s.endsWith('\n');
  }

  lineBreak(): void {
    this.parts.push('\n');
    this.atLineStart = true;
    this.pendingSpace = false;
  }

  endLine(): void {
    if (this.atLineStart) this.pendingSpace = false;
    else this.lineBreak();
  }

  cell(): void {
    if (!this.atLineStart) this.verbatim('\t');
  }

  result(): string {
    const lines = this.parts.join('').replace(/\u00a0/g, ' ').split('\n');
    const kept: string[] = [];
    for (const line of lines) {
      const trimmed = line.trimEnd();
      // At most one blank line in a row: mail HTML stacks empty paragraphs for spacing.
      if (trimmed === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
      kept.push(trimmed);
    }
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    return kept.join('\n');
  }
}

class HtmlScanner {
  private readonly out = new TextWriter();
  private pos = 0;
  private preDepth = 0;
  // Where the next '>' is; each search starts past the previous one, so all searches together read the text once.
  private nextGt = -2;
  // After one tag runs to the end of the text inside quotes, quotes are ignored: rescanning would be quadratic.
  private quotesTrusted = true;

  constructor(private readonly html: string) {}

  run(): string {
    const { html } = this;
    while (this.pos < html.length) {
      const lt = html.indexOf('<', this.pos);
      const textEnd = lt < 0 ? html.length : lt;
      if (textEnd > this.pos) this.writeText(html.slice(this.pos, textEnd));
      this.pos = textEnd;
      if (lt >= 0) this.readMarkup(lt);
    }
    return this.out.result();
  }

  private writeText(raw: string): void {
    if (this.preDepth > 0) {
      this.out.verbatim(decodeEntities(raw.replace(/\r\n?/g, '\n')));
      return;
    }
    const words = raw.split(/[ \t\n\r\f]+/);
    for (let i = 0; i < words.length; i++) {
      if (i > 0) this.out.space();
      this.out.word(decodeEntities(words[i]!));
    }
  }

  private readMarkup(lt: number): void {
    const { html } = this;
    const next = html.charAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      this.pos = end < 0 ? html.length : end + 3;
    } else if (next === '!' || next === '?') {
      this.skipTo(this.gtAfter(lt + 2), lt);
    } else if (next === '/' && isLetter(html.charCodeAt(lt + 2))) {
      const nameEnd = this.nameEnd(lt + 2);
      const gt = this.gtAfter(nameEnd);
      if (this.skipTo(gt, lt)) this.endTag(html.slice(lt + 2, nameEnd).toLowerCase());
    } else if (isLetter(html.charCodeAt(lt + 1))) {
      const nameEnd = this.nameEnd(lt + 1);
      const gt = this.tagEnd(nameEnd);
      if (this.skipTo(gt, lt)) this.startTag(html.slice(lt + 1, nameEnd).toLowerCase(), html.charAt(gt - 1) === '/');
    } else {
      this.literalLt(lt);
    }
  }

  /** Moves past a tag ending at `gt`; a '<' that never closes is kept as text instead of swallowing the rest. */
  private skipTo(gt: number, lt: number): boolean {
    if (gt < 0) {
      this.literalLt(lt);
      return false;
    }
    this.pos = gt + 1;
    return true;
  }

  private literalLt(lt: number): void {
    if (this.preDepth > 0) this.out.verbatim('<');
    else this.out.word('<');
    this.pos = lt + 1;
  }

  private startTag(name: string, selfClosing: boolean): void {
    const hiddenEnd = HIDDEN_END.get(name);
    if (hiddenEnd && !selfClosing) {
      hiddenEnd.lastIndex = this.pos;
      const close = hiddenEnd.exec(this.html);
      this.pos = close ? close.index : this.html.length;
      return;
    }
    if (name === 'br') this.out.lineBreak();
    else if (name === 'td' || name === 'th') this.out.cell();
    else if (BLOCKS.has(name)) {
      this.out.endLine();
      if (name === 'li') {
        this.out.word('•');
        this.out.space();
      }
      if (name === 'pre') this.preDepth++;
    }
  }

  private endTag(name: string): void {
    if (BLOCKS.has(name)) this.out.endLine();
    if (name === 'pre' && this.preDepth > 0) this.preDepth--;
  }

  private nameEnd(from: number): number {
    let i = from;
    while (i < this.html.length && isNameChar(this.html.charCodeAt(i))) i++;
    return i;
  }

  private gtAfter(from: number): number {
    if (this.nextGt === -1) return -1;
    if (this.nextGt < from) this.nextGt = this.html.indexOf('>', from);
    return this.nextGt;
  }

  /** The '>' closing a start tag, skipping any inside quoted attribute values. */
  private tagEnd(from: number): number {
    if (!this.quotesTrusted) return this.gtAfter(from);
    const { html } = this;
    let quote = 0;
    let afterEquals = false;
    for (let i = from; i < html.length; i++) {
      const c = html.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if ((c === 0x22 || c === 0x27) && afterEquals) {
        quote = c;
      } else if (c === 0x3e) {
        return i;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
        afterEquals = c === 0x3d;
      }
    }
    this.quotesTrusted = false;
    return this.gtAfter(from);
  }
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;
}
