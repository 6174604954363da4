// The core as one object implementing the API contract over an open case; every adapter (IPC, HTTP, CLI) uses it.
import { contract, type Api, type CallOptions, type MethodName } from '../../shared/api.ts';
import { UserError } from '../../shared/errors.ts';
import { createCaseContext, systemClock, type Clock } from './case/case-context.ts';
import { createCaseFolder, openCaseFolder } from './case/case-folder.ts';
import { readOnlyHandlers } from './case/damaged-case.ts';
import { backupHandlers } from './handlers/backup-handlers.ts';
import { allegationHandlers } from './handlers/allegation-handlers.ts';
import { caseHandlers } from './handlers/case-handlers.ts';
import { evidenceHandlers } from './handlers/evidence-handlers.ts';
import { exhibitHandlers } from './handlers/exhibit-handlers.ts';
import { exportHandlers } from './handlers/export-handlers.ts';
import { exportSettingsHandlers } from './handlers/export-settings-handlers.ts';
import { noteHandlers } from './handlers/note-handlers.ts';
import { factHandlers } from './handlers/fact-handlers.ts';
import type { Handlers } from './handlers/handler.ts';
import { integrityHandlers } from './handlers/integrity-handlers.ts';
import { ocrHandlers } from './handlers/ocr-handlers.ts';
import { preflightHandlers } from './handlers/preflight-handlers.ts';
import { redactionHandlers } from './handlers/redaction-handlers.ts';
import { productionHandlers } from './handlers/production-handlers.ts';
import { withheldHandlers } from './handlers/withheld-handlers.ts';
import { searchHandlers } from './handlers/search-handlers.ts';
import { tagHandlers } from './handlers/tag-handlers.ts';
import { designationHandlers } from './handlers/designation-handlers.ts';
import { filingHandlers } from './handlers/filing-handlers.ts';
import { trialHandlers } from './handlers/trial-handlers.ts';
import { validationMessage } from './validation-message.ts';

export interface CaseApiOptions {
  dir: string;
  /** Creates the case (with this title) instead of opening an existing one. */
  create?: { title: string };
  now?: Clock;
}

export interface OriginalFile {
  path: string;
  mediaType: string;
  bytes: number;
}

export type CaseApi = Api & {
  readonly dir: string;
  /** The vault file of an original this case holds, for the viewer; null for any other hash. */
  original(sha256: string): OriginalFile | null;
  close(): void;
};

export function createCaseApi(options: CaseApiOptions): CaseApi {
  const folder = options.create ? createCaseFolder(options.dir) : openCaseFolder(options.dir);
  try {
    const ctx = createCaseContext(folder.db, folder.vault, options.now ?? systemClock, folder.readOnly);
    if (options.create) {
      ctx.db.transaction(() => {
        ctx.settings.setTitle(options.create!.title);
        ctx.settings.setNumbering(ctx.settings.numbering());
        ctx.audit.record({ action: 'case.create', objectType: 'case', after: { title: options.create!.title } });
      }).immediate();
    }
    const handlers: Handlers = {
      ...caseHandlers(ctx),
      ...exhibitHandlers(ctx),
      ...tagHandlers(ctx),
      ...allegationHandlers(ctx),
      ...evidenceHandlers(ctx),
      ...noteHandlers(ctx),
      ...factHandlers(ctx),
      ...searchHandlers(ctx),
      ...integrityHandlers(ctx),
      ...exportHandlers(ctx),
      ...exportSettingsHandlers(ctx),
      ...ocrHandlers(ctx),
      ...redactionHandlers(ctx),
      ...productionHandlers(ctx),
      ...withheldHandlers(ctx),
      ...preflightHandlers(),
      ...backupHandlers(ctx),
      ...designationHandlers(ctx),
      ...filingHandlers(ctx),
      ...trialHandlers(ctx),
    };
    const served = folder.readOnly ? readOnlyHandlers(handlers, folder.dir) : handlers;
    const api = Object.fromEntries(
      (Object.keys(contract) as MethodName[]).map((name) => [name, validated(name, served)]),
    ) as Api;
    const original = (sha256: string): OriginalFile | null => {
      const info = ctx.exhibits.originalInfo(sha256);
      return info ? { path: ctx.vault.pathOf(sha256), ...info } : null;
    };
    return { ...api, dir: folder.dir, original, close: () => folder.close() };
  } catch (e) {
    folder.close();
    throw e;
  }
}

/** Every call is checked against its schema here, whichever adapter it came through. */
function validated<K extends MethodName>(name: K, handlers: Handlers) {
  return async (raw: unknown, options: CallOptions = {}) => {
    const parsed = contract[name].args.safeParse(raw ?? {});
    if (!parsed.success) throw new UserError('bad_input', validationMessage(parsed.error));
    const handler = handlers[name] as (args: unknown, options: CallOptions) => unknown;
    return handler(parsed.data, options);
  };
}
