// Finds on a page's text what Fed. R. Civ. P. 5.2(a) says a filing may show only in part: Social Security and
// taxpayer numbers, full birth dates and financial account numbers. Each finding is masked as the rule allows it
// (last four digits, year of birth), so preflight never prints a full number back.
import type { PreflightCode } from '../../../shared/preflight.ts';

export interface PrivacyFinding {
  code: Extract<PreflightCode, `privacy-${string}`>;
  /** What was found, masked: "XXX-XX-6789", "XX/XX/1980". */
  masked: string;
  what: string;
  rule: string;
  /** Where the number or date is in the text, and how long it is. */
  at: number;
  length: number;
}

// Digits glued to letters or hyphens are part of something else (a Bates number, a case number, a longer code).
const SSN = /(?<![\w-])(?!000)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g;
const SSN_NAMED = /\b(?:SSN|SS#|social security(?:\s+(?:number|no\.?))?)\W{0,20}?(?<![\w-])(\d{3}[ .]?\d{2}[ .]?\d{4})(?![\w-])/gi;
const TIN = /(?<![\w-])\d{2}-\d{7}(?![\w-])/g;

const BIRTH = /\b(?:born|DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date)/gi;
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A full date: day, month and year (a year alone, or a month and year, may be filed). */
const FULL_DATE = new RegExp(
  [
    '(?<!\\d)\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?!\\d)',
    '(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?!\\d)',
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}(?!\\d)`,
    `(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}(?!\\d)`,
  ].join('|'),
  'i',
);
/** How far after "born" or "DOB" a date still belongs to it: 40 characters, within the sentence. */
const BIRTH_WINDOW = 40;
const SENTENCE_END = /[.;!?]\s+(?=[A-Z])|\n\s*\n/;

const ACCOUNT = /\b(?:account|acct|a\/c)\b\.?/gi;
const ACCOUNT_NUMBER = /(?<![\w-])\d(?:[ -]?\d)+(?![\w-])/;
const ACCOUNT_WINDOW = 40;
const ACCOUNT_MIN_DIGITS = 8;

/** A payment card number, named or not: 15 or 16 digits (in groups of four, or run together), a card network's first
 * digit, and a valid Luhn check digit, which few other numbers of that length have by chance. */
const CARD = /(?<![\w-])[3-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{3,4}(?![\w-])/g;

const RULE_NUMBERS = 'Fed. R. Civ. P. 5.2(a)';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1 && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Every digit but the last four becomes X; separators stay, so the shape is recognisable. */
export function maskDigits(text: string, keep = 4): string {
  let digits = (text.match(/\d/g) ?? []).length;
  return text.replace(/\d/g, (d) => (digits-- > keep ? 'X' : d));
}

/** A date with only its year left: the year of birth is what the rule allows. */
function maskDate(text: string): string {
  const year = /\d{4}/.exec(text);
  return text.replace(/\d|[A-Za-z]+\.?/g, (m, at: number) => {
    if (year && at >= year.index && at < year.index + 4) return m;
    return /\d/.test(m) ? 'X' : /^(of|st|nd|rd|th)$/i.test(m) ? m : 'XXX';
  });
}

export function scanPrivacy(text: string): PrivacyFinding[] {
  const found: { at: number; finding: PrivacyFinding }[] = [];
  const taken = new Set<number>();
  const add = (at: number, finding: Omit<PrivacyFinding, 'at'>) => {
    if (taken.has(at)) return;
    taken.add(at);
    found.push({ at, finding: { ...finding, at } });
  };

  for (const m of text.matchAll(SSN)) {
    add(m.index, { code: 'privacy-ssn', masked: maskDigits(m[0]), what: 'a Social Security number', rule: `${RULE_NUMBERS}(1)`, length: m[0].length });
  }
  for (const m of text.matchAll(SSN_NAMED)) {
    const at = m.index + m[0].length - m[1]!.length;
    add(at, { code: 'privacy-ssn', masked: maskDigits(m[1]!), what: 'a Social Security number', rule: `${RULE_NUMBERS}(1)`, length: m[1]!.length });
  }
  for (const m of text.matchAll(TIN)) {
    add(m.index, { code: 'privacy-tin', masked: maskDigits(m[0]), what: 'a taxpayer-identification number', rule: `${RULE_NUMBERS}(1)`, length: m[0].length });
  }
  for (const m of text.matchAll(BIRTH)) {
    const start = m.index + m[0].length;
    const window = text.slice(start, start + BIRTH_WINDOW);
    const date = FULL_DATE.exec(window.slice(0, SENTENCE_END.exec(window)?.index ?? window.length));
    if (!date) continue;
    add(start + date.index, { code: 'privacy-birth-date', masked: maskDate(date[0]), what: 'a full date of birth', rule: `${RULE_NUMBERS}(2)`, length: date[0].length });
  }
  for (const m of text.matchAll(CARD)) {
    if (!luhn(m[0].replace(/\D/g, ''))) continue;
    add(m.index, { code: 'privacy-account', masked: maskDigits(m[0]), what: 'a payment card number', rule: `${RULE_NUMBERS}(4)`, length: m[0].length });
  }
  for (const m of text.matchAll(ACCOUNT)) {
    const start = m.index + m[0].length;
    const window = text.slice(start, start + ACCOUNT_WINDOW);
    const number = ACCOUNT_NUMBER.exec(window);
    if (!number || (number[0].match(/\d/g) ?? []).length < ACCOUNT_MIN_DIGITS) continue;
    const at = start + number.index;
    if (taken.has(at)) continue; // already reported as an SSN or a taxpayer number
    add(at, { code: 'privacy-account', masked: maskDigits(number[0]), what: 'a financial account number', rule: `${RULE_NUMBERS}(4)`, length: number[0].length });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.finding);
}
