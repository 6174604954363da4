// Backups of the open case: one zip holding its database, its vault and a manifest of hashes.
import { backupCase } from '../backup/backup-case.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

export function backupHandlers(ctx: CaseContext): HandlerGroup<'backupCase'> {
  return {
    backupCase: ({ out }) => backupCase(ctx, out),
  };
}
