// Withholding an exhibit from productions as privileged.
import { UserError } from '../../../shared/errors.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

export function withheldHandlers(_ctx: CaseContext): HandlerGroup<'setWithheld'> {
  return {
    setWithheld() {
      throw new UserError('unsupported_format', 'Withholding exhibits is not available yet.');
    },
  };
}
