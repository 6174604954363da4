// Bates numbers as they arrive in a production: a prefix and a zero-padded number, split apart, put back together and
// counted out as ranges.
import { UserError } from '../../../shared/errors.ts';

export interface ParsedBates {
  prefix: string;
  number: number;
  digits: number;
}

/** Ranges longer than this are refused: no production volume numbers ten million pages in one document. */
const MAX_RANGE = 10_000_000;

/** Splits 'ABC0000123' into { prefix: 'ABC', number: 123, digits: 7 }; null when it does not end in digits. */
export function parseBates(bates: string): ParsedBates | null {
  const m = /^(.*?)(\d+)$/.exec(bates.trim());
  if (!m || m[2]!.length > 15) return null;
  return { prefix: m[1]!, number: Number(m[2]), digits: m[2]!.length };
}

export function formatBates(prefix: string, n: number, digits: number): string {
  return prefix + String(n).padStart(digits, '0');
}

/** Every Bates number from first to last, both included; they must share a prefix and width. */
export function batesRange(first: string, last: string): string[] {
  const a = parseBates(first);
  const b = parseBates(last);
  if (!a || !b) throw new UserError('bad_input', `${!a ? first : last} is not a Bates number (a prefix followed by digits).`);
  if (a.prefix !== b.prefix || a.digits !== b.digits) {
    throw new UserError('bad_input', `${first} and ${last} do not share a Bates prefix and number of digits.`);
  }
  if (b.number < a.number) throw new UserError('bad_input', `The Bates range ${first}–${last} runs backwards.`);
  if (b.number - a.number + 1 > MAX_RANGE) throw new UserError('too_large', `The Bates range ${first}–${last} is too long.`);
  const out: string[] = [];
  for (let n = a.number; n <= b.number; n++) out.push(formatBates(a.prefix, n, a.digits));
  return out;
}
