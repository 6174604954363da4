// What search-and-redact looks for on a page's text: a preset (the privacy rule's numbers and dates, e-mail
// addresses, phone numbers), a term, or the user's own regular expression. Each hit is the part of the text to
// remove; for `frcp52` that is only what Fed. R. Civ. P. 5.2(a) does not allow to be filed (the last four digits of a
// number and the year of a birth date stay).
import { UserError } from '../../../shared/errors.ts';
import type { RedactionPreset } from '../../../shared/model.ts';
import { scanPrivacy, type PrivacyFinding } from '../preflight/privacy-scan.ts';

export interface Span {
  start: number;
  end: number;
}

export type Finder = (text: string) => Span[];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// North American numbers with or without a country code, and international ones written +CC …
const PHONE = /(?<![\w+-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])|(?<![\w+])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}(?![\w-])/g;

const PRESET_CODES: Record<Exclude<RedactionPreset, 'frcp52' | 'email' | 'phone'>, PrivacyFinding['code']> = {
  ssn: 'privacy-ssn',
  tin: 'privacy-tin',
  account: 'privacy-account',
  dob: 'privacy-birth-date',
};

/** The reason a preset's redactions are given unless the user names another. */
export function presetReason(preset: RedactionPreset | undefined): string {
  if (preset === 'email' || preset === 'phone') return 'Third-party PII';
  return preset ? 'FRCP 5.2' : 'Redacted';
}

export function presetFinder(preset: RedactionPreset): Finder {
  switch (preset) {
    case 'frcp52':
      return (text) => [...scanPrivacy(text).flatMap((f) => partial(text, f)), ...minorsNames(text)].sort((a, b) => a.start - b.start);
    case 'email':
      return (text) => matches(text, EMAIL);
    case 'phone':
      return (text) => matches(text, PHONE);
    default: {
      const code = PRESET_CODES[preset];
      return (text) => scanPrivacy(text).filter((f) => f.code === code).map((f) => ({ start: f.at, end: f.at + f.length }));
    }
  }
}

export function termFinder(term: string): Finder {
  const pattern = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'giu');
  return (text) => matches(text, pattern);
}

export function patternFinder(source: string): Finder {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'gu');
  } catch (e) {
    throw new UserError('bad_input', `The pattern is not a regular expression JavaScript reads (${(e as Error).message}).`);
  }
  return (text) => matches(text, pattern);
}

function matches(text: string, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(pattern)) if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

// A minor named right after a word that says so ("the minor Jane Roe", "her daughter, Jane Roe", "a child named Tom
// J. Doe"): a name is two or three capitalised words, the middle one perhaps an initial.
const MINOR =
  /\b(?:minor(?:\s+child)?|child|daughter|son|juvenile)(?:,?\s+(?:named|called|is|was))?,?\s+(\p{Lu}\p{Ll}+)(?:\s+(\p{Lu}\.|\p{Lu}\p{Ll}+))?\s+(\p{Lu}\p{Ll}+)\b/dgu;

/** A minor's name but its initials (Fed. R. Civ. P. 5.2(a)(3)): "Jane Roe" keeps "J" and "R". */
function minorsNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(MINOR)) {
    for (const g of [1, 2, 3]) {
      const at = m.indices?.[g];
      if (at && at[1] - at[0] > 1 && !m[g]!.endsWith('.')) spans.push({ start: at[0] + 1, end: at[1] });
    }
  }
  return spans;
}

/** The part of a finding the rule does not allow: a number but its last four digits, a birth date but its year. */
function partial(text: string, f: PrivacyFinding): Span[] {
  const found = text.slice(f.at, f.at + f.length);
  if (f.code === 'privacy-birth-date') {
    const year = /\d{4}/.exec(found);
    if (!year) return [{ start: f.at, end: f.at + f.length }];
    const before = found.slice(0, year.index).replace(/[\s,]+$/, '');
    const after = found.slice(year.index + 4).replace(/^[\s,]+/, '');
    const spans: Span[] = [];
    if (before) spans.push({ start: f.at, end: f.at + before.length });
    if (after) spans.push({ start: f.at + f.length - after.length, end: f.at + f.length });
    return spans;
  }
  const digits = [...found.matchAll(/\d/g)].map((m) => m.index);
  if (digits.length <= 4) return [];
  // Up to the last digit removed: the separator before the kept four stays, so "XXX-XX-6789" still reads as a number.
  return [{ start: f.at, end: f.at + digits[digits.length - 5]! + 1 }];
}
