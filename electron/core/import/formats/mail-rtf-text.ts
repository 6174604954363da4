// Reads the text of an RTF message body in one pass with an explicit group stack (no recursion); for Outlook's
// encapsulated HTML ([MS-OXRTFEX], \fromhtml1) it returns the original HTML instead, for the HTML converter.
import { decodeBytes } from './charset.ts';
import { codepageLabel, fontCharsetCodepage } from './mail-codepage.ts';

// Destinations whose text is never shown (font names, colours, metadata, pictures, field codes …).
const HIDDEN = new Set([
  'author', 'bkmkend', 'bkmkstart', 'blipuid', 'colorschememapping', 'colortbl', 'datastore', 'docvar', 'fldinst',
  'filetbl', 'footer', 'footerf', 'footerl', 'footerr', 'generator', 'header', 'headerf', 'headerl', 'headerr', 'info',
  'latentstyles', 'listoverridetable', 'listtable', 'mmathPr', 'nonshppict', 'object', 'objdata', 'operator',
  'pgdsctbl', 'pict', 'pntext', 'pntxta', 'pntxtb', 'private', 'revtbl', 'rsidtbl', 'stylesheet', 'tc', 'themedata',
  'title', 'txe', 'userprops', 'xe', 'xmlnstbl',
]);
const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', tab: '\t', cell: '\t', emdash: '—', endash: '–',
  bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ', qmspace: ' ',
};
const ESCAPED_SYMBOLS: Record<string, string> = { '\\': '\\', '{': '{', '}': '}', '~': ' ', _: '-', '\r': '\n', '\n': '\n' };

export interface RtfContent {
  /** True when `text` is the HTML an Outlook message was written in, rather than plain text. */
  html: boolean;
  text: string;
}

interface Group {
  hidden: boolean;
  fontTable: boolean;
  htmlTag: boolean;
  // \htmlrtf marks RTF written only to display encapsulated HTML; that text is not part of the original.
  htmlRtf: boolean;
  font: number;
  uc: number;
}

export function readRtf(rtf: Uint8Array): RtfContent {
  return new RtfReader(rtf).read();
}

class RtfReader {
  private readonly out: string[] = [];
  private readonly stack: Group[] = [];
  private group: Group = { hidden: false, fontTable: false, htmlTag: false, htmlRtf: false, font: -1, uc: 1 };
  private readonly fontCodepages = new Map<number, number>();
  private definingFont = -1;
  private defaultFont = -1;
  private ansiCodepage = 1252;
  private fromHtml = false;
  private pending: number[] = [];
  private skipAfterUnicode = 0;
  private atGroupStart = false;
  private ignorable = false;
  private pos = 0;

  constructor(private readonly rtf: Uint8Array) {}

  read(): RtfContent {
    const { rtf } = this;
    while (this.pos < rtf.length) {
      const c = rtf[this.pos]!;
      if (c === 0x7b) this.openGroup();
      else if (c === 0x7d) this.closeGroup();
      else if (c === 0x5c) this.readControl();
      else {
        if (c !== 0x0d && c !== 0x0a) this.byte(c);
        this.pos++;
      }
    }
    this.flush();
    return { html: this.fromHtml, text: this.out.join('') };
  }

  private openGroup(): void {
    this.flush();
    this.stack.push(this.group);
    this.group = { ...this.group };
    this.atGroupStart = true;
    this.ignorable = false;
    this.skipAfterUnicode = 0;
    this.pos++;
  }

  private closeGroup(): void {
    this.flush();
    this.group = this.stack.pop() ?? this.group;
    this.atGroupStart = false;
    this.skipAfterUnicode = 0;
    this.pos++;
  }

  private readControl(): void {
    const { rtf } = this;
    const next = rtf[this.pos + 1];
    if (next === undefined) {
      this.pos++;
      return;
    }
    if (next === 0x27) {
      const hex = String.fromCharCode(rtf[this.pos + 2] ?? 0, rtf[this.pos + 3] ?? 0);
      this.pos += 4;
      if (/^[0-9a-f]{2}$/i.test(hex)) this.byte(parseInt(hex, 16));
      return;
    }
    if (!isLetter(next)) {
      this.flush();
      this.pos += 2;
      if (next === 0x2a) {
        this.ignorable = true;
        return;
      }
      this.atGroupStart = false;
      const symbol = ESCAPED_SYMBOLS[String.fromCharCode(next)];
      if (symbol !== undefined) this.emit(symbol);
      return;
    }
    let end = this.pos + 1;
    while (end < rtf.length && isLetter(rtf[end]!)) end++;
    const word = String.fromCharCode(...rtf.subarray(this.pos + 1, Math.min(end, this.pos + 33)));
    let paramEnd = end;
    if (rtf[paramEnd] === 0x2d) paramEnd++;
    while (paramEnd < rtf.length && isDigit(rtf[paramEnd]!)) paramEnd++;
    const digits = String.fromCharCode(...rtf.subarray(end, Math.min(paramEnd, end + 11)));
    const param = /\d/.test(digits) ? Number(digits) : null;
    this.pos = rtf[paramEnd] === 0x20 ? paramEnd + 1 : paramEnd;
    this.flush();
    this.controlWord(word, param);
  }

  private controlWord(word: string, param: number | null): void {
    const g = this.group;
    if (this.atGroupStart) {
      this.atGroupStart = false;
      if (word === 'htmltag' && this.fromHtml) {
        g.htmlTag = true;
        g.htmlRtf = false;
      } else if (this.ignorable || HIDDEN.has(word)) {
        g.hidden = true;
      } else if (word === 'fonttbl') {
        g.fontTable = true;
      }
      this.ignorable = false;
    }
    if (word !== 'u') this.skipAfterUnicode = 0;
    switch (word) {
      case 'ansicpg':
        if (param !== null) this.ansiCodepage = param;
        return;
      case 'deff':
        if (param !== null) this.defaultFont = param;
        return;
      case 'fromhtml':
        this.fromHtml = param !== 0;
        return;
      case 'htmlrtf':
        g.htmlRtf = param !== 0;
        return;
      case 'f':
        if (g.fontTable) this.definingFont = param ?? -1;
        else g.font = param ?? -1;
        return;
      case 'fcharset': {
        const codepage = param === null ? null : fontCharsetCodepage(param);
        if (g.fontTable && codepage !== null) this.fontCodepages.set(this.definingFont, codepage);
        return;
      }
      case 'cpg':
        if (g.fontTable && param !== null) this.fontCodepages.set(this.definingFont, param);
        return;
      case 'plain':
        g.font = this.defaultFont;
        return;
      case 'uc':
        g.uc = Math.max(0, param ?? 1);
        return;
      case 'u':
        if (param !== null) this.emit(String.fromCharCode(param < 0 ? param + 65536 : param));
        this.skipAfterUnicode = g.uc;
        return;
      case 'bin':
        // Binary data follows; it may hold anything, braces included.
        this.pos += Math.max(0, param ?? 0);
        return;
    }
    const symbol = SYMBOLS[word];
    if (symbol !== undefined) this.emit(symbol);
  }

  /** A byte of text in the current font's code page; kept until a run of them can be decoded together. */
  private byte(b: number): void {
    this.atGroupStart = false;
    if (this.skipAfterUnicode > 0) {
      this.skipAfterUnicode--;
      return;
    }
    if (this.shown()) this.pending.push(b);
  }

  private emit(text: string): void {
    if (this.shown()) this.out.push(text);
  }

  private shown(): boolean {
    const g = this.group;
    return !g.hidden && !g.fontTable && (g.htmlTag || !g.htmlRtf);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const g = this.group;
    // Inside HTML tags the document's code page applies; elsewhere the current font's (as [MS-OXRTFEX] says).
    const codepage = g.htmlTag ? this.ansiCodepage : (this.fontCodepages.get(g.font) ?? this.ansiCodepage);
    this.out.push(decodeBytes(Uint8Array.from(this.pending), codepageLabel(codepage) ?? 'windows-1252'));
    this.pending = [];
  }
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
