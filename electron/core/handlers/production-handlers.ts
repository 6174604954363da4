// Productions received: a volume read before it is imported, and imported as exhibits (see electron/core/production/).
import type { CaseContext } from '../case/case-context.ts';
import { isProductionVolume } from '../production/volume-files.ts';
import type { HandlerGroup } from './handler.ts';

export function productionHandlers(ctx: CaseContext): HandlerGroup<'inspectProduction' | 'recogniseProduction' | 'importProduction'> {
  return {
    recogniseProduction: ({ path }) => isProductionVolume(path),
    // Loaded on first use: reading a production brings the image decoders and the PDF writer.
    inspectProduction: async ({ path, fieldMap }) => (await import('../production/import-production.ts')).inspectProduction(ctx, path, fieldMap),
    importProduction: async ({ path, fieldMap, producingParty }, options) =>
      (await import('../production/import-production.ts')).importProduction(ctx, path, { fieldMap, producingParty, onProgress: options.onProgress, signal: options.signal }),
  };
}
