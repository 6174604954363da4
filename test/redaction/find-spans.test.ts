// What search-and-redact proposes to remove from a page's text, preset by preset.
import { describe, expect, it } from 'vitest';
import { patternFinder, presetFinder, termFinder } from '../../electron/core/redaction/find-spans.ts';

const hits = (find: (t: string) => { start: number; end: number }[], text: string) => find(text).map((s) => text.slice(s.start, s.end));

describe('search-and-redact patterns', () => {
  it('frcp52 leaves what the rule allows: the last four digits, the year of birth, a minor\'s initials', () => {
    const text = [
      'SSN: 123-45-6789. TIN 12-3456789.',
      'Date of birth: March 14, 1980. Account no. 0012 3456 7890 1234.',
      'The minor Jane Roe and her son Tom J. Doe attended; the child care budget was approved by Board Members.',
    ].join('\n');
    expect(hits(presetFinder('frcp52'), text)).toEqual(['123-45', '12-345', 'March 14', '0012 3456 7890', 'ane', 'oe', 'om', 'oe']);
  });

  it('the named presets remove the whole number or date', () => {
    expect(hits(presetFinder('ssn'), 'SSN 123-45-6789, not 123-45-67890')).toEqual(['123-45-6789']);
    expect(hits(presetFinder('dob'), 'born on 1980-03-14 in Lahore')).toEqual(['1980-03-14']);
  });

  it('finds e-mail addresses and phone numbers, not Bates or case numbers', () => {
    const text = 'Write to jane.roe@example.com or call (555) 123-4567, +44 20 7946 0958; see BES000123 and 2:17-cv-01234.';
    expect(hits(presetFinder('email'), text)).toEqual(['jane.roe@example.com']);
    expect(hits(presetFinder('phone'), text)).toEqual(['(555) 123-4567', '+44 20 7946 0958']);
  });

  it('takes a term case-insensitively across line breaks, and the user\'s own pattern as written', () => {
    expect(hits(termFinder('Data Exchange  System'), 'the data exchange\nsystem and the DATA EXCHANGE SYSTEM')).toEqual(['data exchange\nsystem', 'DATA EXCHANGE SYSTEM']);
    expect(hits(patternFinder('Project [A-Z]+'), 'Project FALCON and project owl')).toEqual(['Project FALCON']);
    expect(() => patternFinder('(unclosed')).toThrow(/not a regular expression/);
  });
});
