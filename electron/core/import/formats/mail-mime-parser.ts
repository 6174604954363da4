// postal-mime, with the message text assembled from the parts as written and HTML parts read by our own converter.
import PostalMime, { type Email, type PostalMimeOptions } from 'postal-mime';
import { UserError } from '../../../../shared/errors.ts';
import { htmlToText } from './html-text.ts';

// postal-mime joins adjacent encoded words by growing one string, which costs (words × header length); 10^8 is a
// few tens of milliseconds, while a real subject of 60 words in 4 KB costs 2.4 × 10^5.
const MAX_ENCODED_WORD_LOAD = 1e8;

// When a message mixes plain and HTML parts, postal-mime converts between them with regular expressions that take
// minutes on crafted HTML (`<a href=` repeated 100,000 times). Replacing that step needs two of postal-mime 4's
// internal fields; the mixed-parts test in test/import/eml.test.ts fails if a new version renames them.
interface TextEntry {
  type: string;
  value: unknown;
}
interface Internals {
  textMap: Map<unknown, { plain?: TextEntry[]; html?: TextEntry[] }>;
  textContent: Record<string, string>;
}

class PlainTextParser extends PostalMime {
  renderTextContent(): void {
    const self = this as unknown as Internals;
    if (!(self.textMap instanceof Map)) throw new Error('postal-mime internals changed: textMap is missing');
    const parts: string[] = [];
    for (const entry of self.textMap.values()) {
      const own = entry.plain?.length ? entry.plain : null;
      for (const item of own ?? entry.html ?? []) {
        if (item.type !== 'text' || typeof item.value !== 'string') continue;
        parts.push(own ? item.value : htmlToText(item.value));
      }
    }
    self.textContent = parts.length > 0 ? { plain: parts.join('\n') } : {};
  }
}

/** Parses a message; its `text` holds every text part (HTML ones converted), and `html` is never set. */
export function parseMime(bytes: Uint8Array, options: PostalMimeOptions): Promise<Email> {
  checkEncodedWordLoad(bytes);
  return new PlainTextParser(options).parse(bytes);
}

/** Refuses a message with a line (with its continuation lines) stuffed with base64 encoded words. */
function checkEncodedWordLoad(bytes: Uint8Array): void {
  let start = 0;
  let words = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const lineEnds = i === bytes.length || (bytes[i] === 0x0a && bytes[i + 1] !== 0x20 && bytes[i + 1] !== 0x09);
    if (!lineEnds) {
      if (bytes[i] === 0x3d && bytes[i + 1] === 0x3f && isBase64WordStart(bytes, i + 2)) words++;
      continue;
    }
    if (words * (i - start) > MAX_ENCODED_WORD_LOAD) {
      throw new UserError('too_large', 'The email has a header stuffed with so many encoded words it cannot be read in time.');
    }
    start = i + 1;
    words = 0;
  }
}

/** Whether `charset?B?` starts at `at`: the opening of an RFC 2047 word in base64 (only those are joined slowly). */
function isBase64WordStart(bytes: Uint8Array, at: number): boolean {
  for (let i = at; i < Math.min(bytes.length, at + 64); i++) {
    const c = bytes[i]!;
    if (c === 0x3f) return i > at && (bytes[i + 1] === 0x42 || bytes[i + 1] === 0x62) && bytes[i + 2] === 0x3f;
    if (c <= 0x20) return false;
  }
  return false;
}
