// Numbering schemes for the numbers an exhibit carries beyond its own: numbers (1, 2 … or PX 1, PX 2 …), letters as
// courts ask defendants for them (A–Z, then AA–AZ, BA–BZ … as S.D. Cal. Civ. L.R. 5.1 and many orders require),
// sub-numbers for attachments (PX 12.1), and which party a trial number belongs to.
import type { Party } from '../../../shared/model.ts';

export type LabelScheme = 'numbers' | 'letters';

/** 1 → A, 26 → Z, 27 → AA, 52 → AZ, 53 → BA … 702 → ZZ, 703 → AAA: bijective base 26, as the rules count. */
export function letterLabel(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`A letter label counts from 1, not ${n}.`);
  let label = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) label = String.fromCharCode(65 + ((rest - 1) % 26)) + label;
  return label;
}

/** A → 1, Z → 26, AA → 27, BA → 53; null for anything that is not letters alone. */
export function letterIndex(label: string): number | null {
  if (!/^[A-Za-z]+$/.test(label)) return null;
  let n = 0;
  for (const ch of label.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The n-th label of a scheme (from 1), after a prefix: ("PX ", numbers, 12) → "PX 12"; ("", letters, 27) → "AA". */
export function schemeLabel(scheme: LabelScheme, n: number, prefix = ''): string {
  return `${prefix}${scheme === 'letters' ? letterLabel(n) : String(n)}`;
}

/** Where a label stands in its scheme: the number after its prefix, or its letters' place; null when it has neither. */
export function labelOrdinal(label: string, prefix = ''): number | null {
  if (!label.startsWith(prefix)) return null;
  const rest = label.slice(prefix.length).trim();
  if (/^\d+$/.test(rest)) return Number(rest);
  return letterIndex(rest);
}

/** An attachment's number under its family's: ("PX 12", 1) → "PX 12.1". */
export function subNumber(parent: string, n: number): string {
  return `${parent}.${n}`;
}

/** The trial prefix each party's exhibits conventionally carry. */
export const PARTY_PREFIXES: Record<Party, string> = { plaintiff: 'PX ', defendant: 'DX ', joint: 'JX ' };

/**
 * Whose trial number a label is, by the prefixes courts use (PX, PTX, P-, Pl.; DX, DTX, D-, Def.; JX, JTX, J-); a label
 * of letters alone is a defendant's (plaintiffs number, defendants letter), and anything else is taken as the plaintiff's.
 */
export function partyOfLabel(label: string): Party {
  const t = label.trim().toUpperCase();
  if (/^(JX|JTX|J)\b|^(JX|JTX)\d|^J[-\s.]?\d/.test(t) || /^JOINT\b/.test(t)) return 'joint';
  if (/^(DX|DTX|D|DEF|DEFT)\b|^(DX|DTX)\d|^D[-\s.]?\d/.test(t) || /^DEFENDANT/.test(t) || /^[A-Z]{1,3}$/.test(t)) return 'defendant';
  return 'plaintiff';
}

/** The exhibit number a jury system files an exhibit under: the trial number without its party prefix ("PX 12" → "12"). */
export function bareTrialNumber(label: string): string {
  const t = label.trim();
  const m = /^(?:[A-Za-z]{1,4}\.?[\s-]*)?(\d+(?:[.-]\w+)*)$/.exec(t);
  if (m) return m[1]!.replace(/^0+(?=\d)/, '').replace(/\./g, '-');
  return t.replace(/^(?:PX|DX|JX|PTX|DTX|JTX)[\s-]*/i, '').replace(/[^A-Za-z0-9-]+/g, '-');
}
