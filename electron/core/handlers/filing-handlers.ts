// Filings: those exports were made for, with their frozen labels, and the docket numbers they received.
import type { CaseContext } from '../case/case-context.ts';
import { docketFiling, listFilings } from '../numbers/filings.ts';
import type { HandlerGroup } from './handler.ts';

export function filingHandlers(ctx: CaseContext): HandlerGroup<'listFilings' | 'docketFiling'> {
  return {
    listFilings: () => listFilings(ctx),
    docketFiling: ({ filing, number, firstAttachment }) => docketFiling(ctx, filing, number, firstAttachment),
  };
}
