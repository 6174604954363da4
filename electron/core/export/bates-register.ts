// The Bates numbers exhibits last received: read back from the audit entry of the most recent bundle or stamped
// export, which is where an export's Bates assignment is recorded (exhibit lists and proof charts cite it).
import type { CaseContext } from '../case/case-context.ts';
import type { BatesRange } from './bates.ts';
import type { BatesAssignment } from './export-job.ts';

export const AUDIT_OBJECT = 'export';

export interface BatesRegister {
  /** When and by which export the numbers were assigned. */
  source: { kind: string; at: string } | null;
  /** A family's range, by the id of the exhibit at its head. */
  families: Map<number, BatesRange>;
  /** Each exhibit's own range (an attachment's pages within its family's), by exhibit id. */
  exhibits: Map<number, BatesRange>;
}

export function lastBatesAssignment(ctx: CaseContext): BatesRegister {
  const latest = ['bundle', 'stamped']
    .flatMap((kind) => ctx.audit.history(AUDIT_OBJECT, kind).slice(-1))
    .sort((a, b) => b.seq - a.seq)[0];
  const register: BatesRegister = { source: null, families: new Map(), exhibits: new Map() };
  const bates = (latest?.after as { bates?: BatesAssignment[] } | null)?.bates;
  if (!latest || !bates) return register;
  register.source = { kind: latest.objectId!, at: latest.at };
  for (const family of bates) {
    register.families.set(family.exhibitId, family);
    for (const member of family.members) register.exhibits.set(member.exhibitId, member);
  }
  return register;
}

/** The Bates numbers of pages of an exhibit, when its pages are its original's pages one for one. */
export function batesPinpoint(range: BatesRange | undefined, pageFrom: number | null, pageTo: number | null): string | null {
  if (!range || pageFrom === null || pageFrom > range.pages) return null;
  const digits = /(\d+)$/.exec(range.first);
  if (!digits) return null;
  const prefix = range.first.slice(0, range.first.length - digits[1]!.length);
  const at = (page: number) => `${prefix}${String(Number(digits[1]) + page - 1).padStart(digits[1]!.length, '0')}`;
  const to = Math.min(pageTo ?? pageFrom, range.pages);
  return to === pageFrom ? at(pageFrom) : `${at(pageFrom)}–${at(to)}`;
}
