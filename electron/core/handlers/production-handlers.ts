// Productions received: a volume read before it is imported, and imported as exhibits (see electron/core/production/).
import { UserError } from '../../../shared/errors.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

export function productionHandlers(_ctx: CaseContext): HandlerGroup<'inspectProduction' | 'importProduction'> {
  const notYet = () => {
    throw new UserError('unsupported_format', 'Importing productions is not available yet.');
  };
  return { inspectProduction: notYet, importProduction: notYet };
}
