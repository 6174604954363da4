// Withholding an exhibit from productions as privileged: a slip sheet and a privilege-log row stand in for it.
import type { Withheld } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

export function withheldHandlers(ctx: CaseContext): HandlerGroup<'setWithheld'> {
  return {
    setWithheld({ exhibit, withheld }) {
      return ctx.db.transaction((): Withheld | null => {
        const e = ctx.exhibits.resolve(exhibit);
        const before = ctx.withheld.get(e.id);
        if (withheld === null) {
          // Clearing what is not withheld changes nothing, so it leaves no audit entry either.
          if (before && ctx.withheld.clear(e.id)) ctx.audit.record({ action: 'exhibit.unwithhold', objectType: 'exhibit', objectId: e.id, before });
          return null;
        }
        const after: Withheld = { type: withheld.type, description: withheld.description };
        if (before && before.type === after.type && before.description === after.description) return before;
        ctx.withheld.set(e.id, after, ctx.now());
        ctx.audit.record({ action: 'exhibit.withhold', objectType: 'exhibit', objectId: e.id, before, after });
        return after;
      }).immediate();
    },
  };
}
