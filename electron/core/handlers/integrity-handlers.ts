// Verification and the audit trail: every original re-hashed, the audit chain checked, the database checked.
import { idRef, type VerifyReport } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { integrityCheck } from '../case/case-folder.ts';
import type { HandlerGroup } from './handler.ts';

const DEFAULT_AUDIT_LIMIT = 500;

export function integrityHandlers(ctx: CaseContext): HandlerGroup<'verify' | 'auditLog'> {
  return {
    async verify({ anchor }) {
      const problems: VerifyReport['problems'] = [];
      const originals = ctx.exhibits.originals();
      const numbers = (ids: number[]) => ids.map((id) => ctx.exhibits.resolve(idRef(id)).exhibitNo);
      for (const { sha256, exhibitIds } of originals) {
        const actual = await ctx.vault.hashOf(sha256);
        if (actual === null) problems.push({ sha256, exhibitIds, exhibitNos: numbers(exhibitIds), problem: 'missing' });
        else if (actual !== sha256) problems.push({ sha256, exhibitIds, exhibitNos: numbers(exhibitIds), problem: 'mismatch' });
      }
      const integrity = integrityCheck(ctx.db);
      const brokenAt = ctx.audit.firstBroken();
      const anchorProblem = anchor ? ctx.audit.anchorProblem(anchor) : null;
      return {
        ok: problems.length === 0 && integrity === 'ok' && brokenAt === null && anchorProblem === null,
        checked: originals.length,
        problems,
        auditOk: brokenAt === null,
        auditBrokenAt: brokenAt,
        auditHead: ctx.audit.head(),
        ...(anchor ? { anchor: { seq: anchor.seq, ok: anchorProblem === null, problem: anchorProblem } } : {}),
        integrity,
      };
    },

    auditLog({ exhibit, limit }) {
      if (exhibit !== undefined) return ctx.audit.history('exhibit', ctx.exhibits.resolve(exhibit).id);
      return ctx.audit.recent(limit ?? DEFAULT_AUDIT_LIMIT);
    },
  };
}
