// Productions received: a volume read before it is imported, and imported as exhibits (see electron/core/production/).
import type { CaseContext } from '../case/case-context.ts';
import { importProduction, inspectProduction } from '../production/import-production.ts';
import type { HandlerGroup } from './handler.ts';

export function productionHandlers(ctx: CaseContext): HandlerGroup<'inspectProduction' | 'importProduction'> {
  return {
    inspectProduction: ({ path, fieldMap }) => inspectProduction(ctx, path, fieldMap),
    importProduction: ({ path, fieldMap, producingParty }, options) =>
      importProduction(ctx, path, { fieldMap, producingParty, onProgress: options.onProgress, signal: options.signal }),
  };
}
