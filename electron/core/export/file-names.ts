// File names for what an export writes, safe on Windows, macOS and Linux whatever titles the exhibits carry.
import { citeName, dayOf } from './display.ts';
import type { Exhibit } from '../../../shared/model.ts';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME = 150;

/** A title made fit for a file name: no path separators, no characters Windows forbids, not too long. */
export function safeFileName(name: string, fallback = 'export'): string {
  let safe = name
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (safe.length > MAX_NAME) {
    const cut = safe.slice(0, MAX_NAME);
    // At a word break when there is one near the end.
    const space = cut.lastIndexOf(' ');
    safe = (space > MAX_NAME - 30 ? cut.slice(0, space) : cut).replace(/[\s.–-]+$/, '');
  }
  if (safe === '' || RESERVED.test(safe)) safe = `${fallback}${safe ? ` ${safe}` : ''}`;
  return safe;
}

/** "Ex. 012 – 2017-03-28 – Award notice.pdf" (the date left out when the exhibit has none). */
export function stampedFileName(e: Exhibit): string {
  const parts = [citeName(e.exhibitNo), dayOf(e.date), e.title].filter((p) => p !== '');
  return `${safeFileName(parts.join(' – '), citeName(e.exhibitNo))}.pdf`;
}
