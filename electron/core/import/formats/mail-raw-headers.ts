// Mends an email's top header block before MIME parsing: raw 8-bit text that is not UTF-8, encoded words continued
// on a new line without the folding space, leading blank lines (all found in real mail, all lost by strict parsers).
import { bomEncoding, decodeBytes, decodeStrict } from './charset.ts';
import { charsetLabel } from './mail-codepage.ts';

const ENCODED_WORDS_ONLY = /^(?:=\?[^?\s]+\?[bq]\?[^?]*\?=[ \t]*)+$/i;
const CHARSET_PARAM = /charset\s*=\s*"?([^";\s]+)/i;
const encoder = new TextEncoder();

export interface RepairedMessage {
  bytes: Uint8Array;
  warnings: string[];
}

interface Line {
  start: number;
  end: number; // excluding the line break
}

export function repairHeaderBlock(bytes: Uint8Array): RepairedMessage {
  const start = skipBlankLines(bytes);
  const lines = headerLines(bytes, start);
  const headerEnd = lines.length > 0 ? lines[lines.length - 1]!.end : start;
  const texts = lines.map((l) => decodeStrict(bytes.subarray(l.start, l.end), 'utf-8'));
  const unfolded = texts.map((t, i) => i > 0 && t !== null && ENCODED_WORDS_ONLY.test(t));
  const raw8bit = texts.some((t) => t === null);
  if (start === 0 && !raw8bit && !unfolded.includes(true)) return { bytes, warnings: [] };

  const warnings: string[] = [];
  const label = raw8bit ? fallbackLabel(texts) : 'utf-8';
  if (raw8bit) warnings.push(`Some header lines were not in UTF-8 and were read as ${label}.`);
  const repaired = lines.map((l, i) => {
    const text = texts[i] ?? decodeBytes(bytes.subarray(l.start, l.end), label);
    return unfolded[i] ? ` ${text}` : text;
  });
  const head = encoder.encode(repaired.join('\r\n'));
  const rest = bytes.subarray(headerEnd);
  const out = new Uint8Array(head.length + rest.length);
  out.set(head, 0);
  out.set(rest, head.length);
  return { bytes: out, warnings };
}

// A byte-order mark or blank lines before the headers would end the header block before it starts.
function skipBlankLines(bytes: Uint8Array): number {
  let i = bomEncoding(bytes) === 'utf-8' ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  return i;
}

function headerLines(bytes: Uint8Array, from: number): Line[] {
  const lines: Line[] = [];
  let pos = from;
  while (pos < bytes.length) {
    const nl = bytes.indexOf(0x0a, pos);
    const next = nl < 0 ? bytes.length : nl + 1;
    let end = nl < 0 ? bytes.length : nl;
    while (end > pos && bytes[end - 1] === 0x0d) end--;
    if (end === pos) break;
    lines.push({ start: pos, end });
    pos = next;
  }
  return lines;
}

// Raw 8-bit headers are usually in the charset the body declares; failing that, in Windows-1252.
function fallbackLabel(texts: (string | null)[]): string {
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text == null || !/^content-type\s*:/i.test(text)) continue;
    let value = text;
    for (let j = i + 1; j < texts.length && /^[ \t]/.test(texts[j] ?? ''); j++) value += texts[j];
    const label = charsetLabel(CHARSET_PARAM.exec(value)?.[1]);
    if (label && label !== 'utf-8') return label;
  }
  return 'windows-1252';
}
