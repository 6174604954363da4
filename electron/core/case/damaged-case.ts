// A case whose database is damaged stays open read-only: reads go on as far as SQLite can; every change is refused.
import type { MethodName } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { Handlers } from '../handlers/handler.ts';
import { isDamage } from './case-folder.ts';

/**
 * The methods that write nothing to the case (exports write only their own folder, and on a damaged case are not
 * recorded in its audit log); any other, and any method added later, is refused until the case is recovered.
 */
const READS = [
  'caseInfo',
  'listExhibits',
  'getExhibit',
  'pageText',
  'picturePage',
  'documentText',
  'search',
  'countMatches',
  'listTags',
  'listAllegations',
  'evidenceForParagraph',
  'paragraphsForExhibit',
  'unsupportedParagraphs',
  'listAnnotations',
  'listRedactions',
  'auditLog',
  'verify',
  'exportBundle',
  'exportStamped',
  'exportList',
  'exportProofChart',
  'exportProduction',
  'inspectProduction',
  'previewExport',
  'preflight',
  'listFacts',
  'exportChronology',
] as const satisfies readonly MethodName[];

const readable: ReadonlySet<MethodName> = new Set(READS);

export function damagedCaseMessage(dir: string): string {
  return `This case's database is damaged; it is open read-only. Run "exhibit-desk recover ${dir} NEW_DIR" to rebuild it in a new folder from its vault.`;
}

export function readOnlyHandlers(handlers: Handlers, dir: string): Handlers {
  const guarded = (name: MethodName) => {
    const handler = handlers[name] as (args: unknown, options: unknown) => unknown;
    if (!readable.has(name)) {
      return () => {
        throw new UserError('case_damaged', damagedCaseMessage(dir));
      };
    }
    return async (args: unknown, options: unknown) => {
      try {
        return await handler(args, options);
      } catch (e) {
        if (!isDamage(e)) throw e;
        throw new UserError('case_damaged', `This part of the case is in a damaged part of its database. ${damagedCaseMessage(dir)}`);
      }
    };
  };
  return Object.fromEntries((Object.keys(handlers) as MethodName[]).map((name) => [name, guarded(name)])) as unknown as Handlers;
}
