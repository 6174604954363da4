// Case-wide settings: title and exhibit numbering.
import path from 'node:path';
import type { CaseInfo } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { LATEST_VERSION } from '../store/migrations/index.ts';
import type { HandlerGroup } from './handler.ts';

export function caseHandlers(ctx: CaseContext): HandlerGroup<'caseInfo' | 'setCaseTitle' | 'setNumbering'> {
  const info = (): CaseInfo => ({
    title: ctx.settings.title(),
    numbering: ctx.settings.numbering(),
    schemaVersion: LATEST_VERSION,
    // The vault is the case folder's "vault" subfolder.
    folder: path.dirname(ctx.vault.root),
    readOnly: ctx.readOnly,
  });
  return {
    caseInfo: info,
    setCaseTitle({ title }) {
      ctx.db.transaction(() => {
        const before = ctx.settings.title();
        if (before === title) return;
        ctx.settings.setTitle(title);
        ctx.audit.record({ action: 'case.title', objectType: 'case', before, after: title });
      }).immediate();
      return info();
    },
    setNumbering(scheme) {
      ctx.db.transaction(() => {
        const before = ctx.settings.numbering();
        ctx.settings.setNumbering(scheme);
        ctx.audit.record({ action: 'case.numbering', objectType: 'case', before, after: scheme });
      }).immediate();
      return info();
    },
  };
}
