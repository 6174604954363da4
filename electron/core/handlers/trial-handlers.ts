// Trial: trial numbers given in bulk, what happens to each exhibit in court, and the trial exhibit list.
import type { CaseContext } from '../case/case-context.ts';
import { markTrial, numberTrialExhibits, trialExhibits } from '../numbers/trial.ts';
import type { HandlerGroup } from './handler.ts';

export function trialHandlers(ctx: CaseContext): HandlerGroup<'markTrial' | 'numberTrialExhibits' | 'listTrialExhibits'> {
  return {
    markTrial: (args) => markTrial(ctx, args),
    // Plaintiffs number their exhibits and defendants letter theirs, unless told otherwise.
    numberTrialExhibits: ({ scheme, ...args }) => numberTrialExhibits(ctx, { ...args, scheme: scheme ?? (args.party === 'defendant' ? 'letters' : 'numbers') }),
    listTrialExhibits: ({ select }) => trialExhibits(ctx, select),
  };
}
