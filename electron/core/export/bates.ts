// Bates numbers: formatting them, and giving every page of the exported families its number, in order, with none
// skipped or repeated; the ranges per exhibit are what the manifest, the audit log and later exhibit lists record.
import type { BatesSettings } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { BatesAssignment } from './export-job.ts';
import type { Family } from './rendition.ts';

export interface BatesRange {
  exhibitId: number;
  exhibitNo: string;
  first: string;
  last: string;
  pages: number;
}

/** A family's numbers: the whole family's range, and each member's. */
export interface FamilyBates {
  family: BatesRange;
  members: BatesRange[];
  /** The number of the family's first page; its page i has number start + i. */
  start: number;
}

export function batesNumber(settings: BatesSettings, n: number): string {
  return `${settings.prefix}${String(n).padStart(settings.digits, '0')}`;
}

/** Numbers the families' pages one after another from the start number. */
export function assignBates(settings: BatesSettings, families: Family[]): FamilyBates[] {
  const total = families.reduce((n, f) => n + f.pageCount, 0);
  const last = settings.start + total - 1;
  if (String(last).length > settings.digits) {
    throw new UserError(
      'bad_input',
      `These ${total} pages would be numbered up to ${last}, more than ${settings.digits} digits; use at least ${String(last).length} Bates digits.`,
    );
  }
  let next = settings.start;
  return families.map((f) => {
    const start = next;
    next += f.pageCount;
    const range = (exhibitId: number, exhibitNo: string, from: number, pages: number): BatesRange => ({
      exhibitId,
      exhibitNo,
      first: batesNumber(settings, from),
      last: batesNumber(settings, from + Math.max(pages, 1) - 1),
      pages,
    });
    return {
      start,
      family: range(f.head.id, f.head.exhibitNo, start, f.pageCount),
      members: f.members.map((m) => range(m.exhibit.id, m.exhibit.exhibitNo, start + m.firstPage, m.pages.length)),
    };
  });
}

export function rangeText(r: { first: string; last: string }): string {
  return r.first === r.last ? r.first : `${r.first} – ${r.last}`;
}

/** The numbers as the audit log keeps them, for exhibit lists and proof charts made later. */
export function batesAssignment(numbers: FamilyBates[]): BatesAssignment[] {
  return numbers.map((n) => ({ ...n.family, members: n.members }));
}
