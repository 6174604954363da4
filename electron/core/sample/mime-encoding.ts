// The encodings an RFC 5322 / MIME message is written in: header folding, RFC 2047 encoded words, quoted-printable,
// base64 lines and the Date header's form.

export const CRLF = '\r\n';
const MAX_LINE = 76;
const MAX_ENCODED_WORD = 75;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** "Name: value", folded before 78 characters at spaces; a non-ASCII value becomes RFC 2047 encoded words. */
export function header(name: string, value: string): string {
  if (!isPlainAscii(value)) return `${name}: ${encodedWords(value, name.length + 2).join(`${CRLF} `)}`;
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(' ')) {
    if (line.length + 1 + word.length > 78 && line.trim() !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/**
 * An address list ("Name <a@b>, …") in ASCII, ready for `header`: display names outside ASCII become encoded words,
 * and names with characters special in addresses are quoted.
 */
export function mailboxList(value: string): string {
  const mailboxes = [...value.matchAll(/\s*(?:"([^"]*)"|([^<,]*?))\s*<([^<>\s]+)>\s*(?:,|$)/g)];
  if (mailboxes.map((m) => m[0]).join('') !== value) throw new Error(`"${value}" is not a list of Name <address>.`);
  return mailboxes
    .map(([, quoted, plain, address]) => {
      const name = (quoted ?? plain ?? '').trim();
      if (name === '') return `<${address}>`;
      if (!isPlainAscii(name)) return `${encodedWords(name).join(' ')} <${address}>`;
      return /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}" <${address}>` : `${name} <${address}>`;
    })
    .join(', ');
}

/**
 * "Q" encoded words of at most 75 characters, the first shortened by what precedes it on its line. Each character's
 * bytes stay in one word, and spaces are encoded, since the space between two encoded words is not part of the text.
 */
export function encodedWords(text: string, firstLineUsed = 0): string[] {
  const prefix = '=?UTF-8?Q?';
  const suffix = '?=';
  const words: string[] = [];
  let current = '';
  let room = MAX_ENCODED_WORD - prefix.length - suffix.length - firstLineUsed;
  for (const char of text) {
    const encoded = qEncode(char);
    if (current.length + encoded.length > room) {
      words.push(prefix + current + suffix);
      current = '';
      room = MAX_ENCODED_WORD - prefix.length - suffix.length - 1;
    }
    current += encoded;
  }
  words.push(prefix + current + suffix);
  return words;
}

function qEncode(char: string): string {
  if (char === ' ') return '_';
  if (/^[A-Za-z0-9!*+\-/]$/.test(char)) return char;
  return [...Buffer.from(char, 'utf8')].map(hexByte).join('');
}

function hexByte(byte: number): string {
  return `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, with CRLF line ends and soft breaks before 76 characters. */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const tokens: string[] = [];
      for (const char of line) {
        const code = char.codePointAt(0)!;
        const literal = (code >= 33 && code <= 126 && char !== '=') || char === ' ' || char === '\t';
        tokens.push(literal ? char : [...Buffer.from(char, 'utf8')].map(hexByte).join(''));
      }
      // Whitespace at the end of a line would be lost in transport.
      const last = tokens.at(-1);
      if (last === ' ' || last === '\t') tokens[tokens.length - 1] = hexByte(last.charCodeAt(0));
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > MAX_LINE - 1) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

export function base64Lines(bytes: Uint8Array): string {
  const encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return (encoded.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** "2017-03-28T09:42:00-07:00" as an RFC 5322 date, in the sender's own offset: "Tue, 28 Mar 2017 09:42:00 -0700". */
export function mailDate(iso: string): string {
  const m = ISO_WITH_OFFSET.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a date-time with an offset (2017-03-28T09:42:00-07:00).`);
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  return `${weekday}, ${Number(d)} ${MONTHS[Number(mo) - 1]} ${y} ${h}:${mi}:${s} ${sign}${oh}${om}`;
}
