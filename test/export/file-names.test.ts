import { describe, expect, it } from 'vitest';
import type { Exhibit } from '../../shared/model.ts';
import { safeFileName, stampedFileName } from '../../electron/core/export/file-names.ts';

const exhibit = (fields: Partial<Exhibit>) => ({ exhibitNo: 'PX-001', title: 'Title', date: null, ...fields }) as Exhibit;

describe('file names of exports', () => {
  it('names a stamped exhibit by its cite, date and title', () => {
    expect(stampedFileName(exhibit({ exhibitNo: '012', date: '2017-03-28T10:00:00Z', title: 'Award notice' }))).toBe('Ex. 012 – 2017-03-28 – Award notice.pdf');
    expect(stampedFileName(exhibit({ exhibitNo: 'PX-012', title: 'Award notice' }))).toBe('PX-012 – Award notice.pdf');
  });

  it('keeps titles safe on every system: no separators or reserved characters, no reserved names, not too long', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j');
    expect(safeFileName('line\nbreak\u200Bzero\u0007bell')).toBe('linebreakzerobell');
    expect(safeFileName(' ..hidden.. ')).toBe('hidden');
    expect(safeFileName('CON')).toBe('export CON');
    expect(safeFileName('lpt1.txt')).toBe('export lpt1.txt');
    expect(safeFileName('///')).toBe('export');
    const long = safeFileName(`${'Very long title '.repeat(20)}end`);
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.length).toBeGreaterThan(120);
    expect(long.split(' ').every((word) => ['Very', 'long', 'title'].includes(word))).toBe(true); // cut between words
    expect(stampedFileName(exhibit({ title: '../../etc/passwd' }))).toBe('PX-001 – .. .. etc passwd.pdf');
  });
});
