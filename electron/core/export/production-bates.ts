// A production's Bates numbers: reserved per prefix from the case's register in one immediate transaction before any
// page is drawn, so that two productions (even run at once, from the app and the CLI) never share a number. Exports
// run on a read-only connection in a worker; the reservation opens its own short-lived writable one.
import { UserError } from '../../../shared/errors.ts';
import { createAuditLog } from '../store/audit.ts';
import { openDatabase } from '../store/open-database.ts';
import { createWithheldStore } from '../store/withheld.ts';
import type { ExportJob } from './export-job.ts';

export const RESERVE_ACTION = 'production.reserve-bates';
export const PRODUCTION_OBJECT = 'production';

export interface BatesReservation {
  /** The first number of the range (the page after the last production of this prefix). */
  start: number;
  /** The volume name, when none was given: the prefix and the running number of its productions ("ABC001"). */
  volume: string;
  /** False for a preview (nothing is written) and where the case could not be written to. */
  reserved: boolean;
}

/** What would be reserved, read without writing: for a preview, which records nothing. */
export function peekBates(job: ExportJob, prefix: string): BatesReservation {
  const { ctx } = job;
  return { start: ctx.withheld.lastBates(prefix) + 1, volume: volumeName(prefix, ctx.audit.history(PRODUCTION_OBJECT, prefix).length + 1), reserved: false };
}

/**
 * Takes `pages` numbers for `prefix` from the register and records the reservation in the audit log, both in one
 * immediate transaction. A production that then fails leaves its numbers unused (the audit entry says why there is a
 * gap): numbers are never given out twice, which matters more than a gap.
 */
export function reserveBates(job: ExportJob, prefix: string, digits: number, pages: number, volume: string | undefined): BatesReservation {
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(job.ctx.db.name, { fileMustExist: true });
  } catch (e) {
    job.warn(`The Bates numbers could not be reserved in the case (${(e as Error).message}); another production of ${prefix} may reuse them.`);
    return peekBates(job, prefix);
  }
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    const register = createWithheldStore(db);
    const audit = createAuditLog(db, () => job.createdAt);
    return db
      .transaction((): BatesReservation => {
        const start = register.lastBates(prefix) + 1;
        const last = start + Math.max(pages, 1) - 1;
        if (String(last).length > digits) {
          throw new UserError('bad_input', `This production would number ${prefix} pages up to ${last}, more than ${digits} digits; use at least ${String(last).length} Bates digits.`);
        }
        const name = volume ?? volumeName(prefix, audit.history(PRODUCTION_OBJECT, prefix).length + 1);
        register.setLastBates(prefix, last, digits);
        audit.record({ action: RESERVE_ACTION, objectType: PRODUCTION_OBJECT, objectId: prefix, after: { first: start, last, pages, digits, volume: name } });
        return { start, volume: name, reserved: true };
      })
      .immediate();
  } finally {
    db.close();
  }
}

function volumeName(prefix: string, n: number): string {
  return `${prefix.replace(/[-_]+$/, '')}${String(n).padStart(3, '0')}`;
}
