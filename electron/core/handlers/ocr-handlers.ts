// OCR: reads the pages that have no text of their own, in worker threads, so that they are found by search.
import type { CaseContext } from '../case/case-context.ts';
import { runOcr } from '../ocr/run-ocr.ts';
import type { HandlerGroup } from './handler.ts';

export function ocrHandlers(ctx: CaseContext): HandlerGroup<'runOcr'> {
  return {
    runOcr: (args, options) => runOcr(ctx, args, options),
  };
}
