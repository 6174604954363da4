// Designations: the other numbers an exhibit carries (deposition, trial, filing, production, other), added and removed.
import type { CaseContext } from '../case/case-context.ts';
import { addDesignation, removeDesignation } from '../numbers/designations.ts';
import type { HandlerGroup } from './handler.ts';

export function designationHandlers(ctx: CaseContext): HandlerGroup<'addDesignation' | 'removeDesignation'> {
  return {
    addDesignation: ({ exhibit, ...input }) => addDesignation(ctx, exhibit, input),
    removeDesignation: ({ id }) => removeDesignation(ctx, id),
  };
}
