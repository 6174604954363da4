// A case whose database is damaged stays open read-only: reads go on as far as SQLite can; every method the contract
// marks `writes` is refused.
import { contract, type MethodName } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { Handlers } from '../handlers/handler.ts';
import { isDamage } from './case-folder.ts';

export function damagedCaseMessage(dir: string): string {
  return `This case's database is damaged; it is open read-only. Run "exhibit-desk recover ${dir} NEW_DIR" to rebuild it in a new folder from its vault.`;
}

export function readOnlyHandlers(handlers: Handlers, dir: string): Handlers {
  const guarded = (name: MethodName) => {
    const handler = handlers[name] as (args: unknown, options: unknown) => unknown;
    // The contract says which methods change the case; anything that writes (or forgets to say) is refused.
    if (contract[name]?.access !== 'reads') {
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
