import { describe, expect, it } from 'vitest';
import { isIsoDateTime, isMetadataDate } from '../../electron/core/import/formats/iso-date.ts';

describe('ISO 8601 dates', () => {
  it.each(['2024-04-11', '2024-04-11T06:19', '2024-04-11T06:19:44Z', '2024-04-11 06:19:44.123+0200', '2024-04-11t06:19:44-05:00'])(
    'takes %s as a date and time',
    (text) => {
      expect(isIsoDateTime(text)).toBe(true);
      expect(isMetadataDate(text)).toBe(true);
    },
  );

  it('takes a bare year or month only as document metadata (W3C-DTF), never as an email date', () => {
    for (const text of ['2024', '2024-04']) {
      expect(isMetadataDate(text), text).toBe(true);
      expect(isIsoDateTime(text), text).toBe(false);
    }
  });

  it.each(['March 5th', '2024-4-11', '2024-04-11T6:19', '2024-04-11T06:19:44 GMT', ' 2024-04-11', '20240411'])('refuses %s', (text) => {
    expect(isIsoDateTime(text)).toBe(false);
    expect(isMetadataDate(text)).toBe(false);
  });
});
