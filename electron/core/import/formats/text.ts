// Plain-text importer: text by name or by content, decoded by charset.ts, titled by its first line.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';
import { bomEncoding, decodeText, isUtf8Head } from './charset.ts';

const MAX_TEXT_MB = 200;

const TEXT_NAME = /\.(txt|text|md|csv|log)$/i;
const TITLE_MAX = 120;

/** Whether a file's first bytes look like text: a UTF-16 BOM, or UTF-8 without NULs or stray control bytes. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if (bomEncoding(head) !== null) return true;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) return false;
  }
  return isUtf8Head(head);
}

/** Refuses a text or HTML file that is empty, or too large to hold its text in memory. */
export function checkTextSize(bytes: Uint8Array, kind: 'text' | 'HTML'): void {
  if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
  if (bytes.length > MAX_TEXT_MB * 1024 * 1024) throw new UserError('too_large', `The ${kind} file is larger than ${MAX_TEXT_MB} MB.`);
}

/** Text cut to at most `max` characters (never inside one) for a title, or null when there is none. */
export function titleText(text: string, max: number): string | null {
  return Array.from(text.slice(0, max * 2)).slice(0, max).join('').trim() || null;
}

export const textExtractor: Extractor = {
  name: 'text',
  accepts(head, fileName) {
    return TEXT_NAME.test(fileName) || looksLikeText(head);
  },
  async extract(bytes) {
    checkTextSize(bytes, 'text');
    const { text, warnings } = decodeText(bytes);
    const body = text.replace(/\r\n?/g, '\n');
    const firstLine = /\S[^\n]*/.exec(body)?.[0] ?? '';
    return { ...emptyDocument('text', 'text/plain'), title: titleText(firstLine, TITLE_MAX), body, warnings };
  },
};
