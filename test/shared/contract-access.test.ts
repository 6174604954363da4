// Every contract method says whether it reads or writes the case, and the read-only guard of a damaged case follows it.
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api.ts';
import { UserError } from '../../shared/errors.ts';
import { readOnlyHandlers } from '../../electron/core/case/damaged-case.ts';
import type { Handlers } from '../../electron/core/handlers/handler.ts';

describe('the contract', () => {
  it('declares reads or writes on every method, so one added without it is caught here', () => {
    const undeclared = METHOD_NAMES.filter((name) => !['reads', 'writes'].includes((contract[name] as { access?: unknown }).access as string));
    expect(undeclared).toEqual([]);
  });

  it('marks the methods that change the case as writes', () => {
    // A sample of each kind, so a slip (an edit declared as a read) shows even while the list above is complete.
    for (const name of ['importFiles', 'updateExhibit', 'tagExhibits', 'linkEvidence', 'addRedaction', 'addFact', 'setCaseTitle', 'backupCase'] as MethodName[]) {
      expect(contract[name].access, name).toBe('writes');
    }
    for (const name of ['caseInfo', 'listExhibits', 'search', 'verify', 'exportBundle', 'previewExport'] as MethodName[]) {
      expect(contract[name].access, name).toBe('reads');
    }
  });
});

describe('the read-only guard of a damaged case', () => {
  it('runs every method the contract marks reads and refuses every one it marks writes', async () => {
    const ran: string[] = [];
    const handlers = Object.fromEntries(METHOD_NAMES.map((name) => [name, () => (ran.push(name), 'done')])) as unknown as Handlers;
    const guarded = readOnlyHandlers(handlers, '/cases/damaged') as unknown as Record<MethodName, (a: unknown, o: unknown) => unknown>;
    for (const name of METHOD_NAMES) {
      const outcome = await Promise.resolve()
        .then(() => guarded[name]({}, {}))
        .catch((e: unknown) => e);
      if (contract[name].access === 'reads') expect(outcome, name).toBe('done');
      else {
        expect(outcome, name).toBeInstanceOf(UserError);
        expect((outcome as UserError).code, name).toBe('case_damaged');
      }
    }
    expect(ran).toEqual(METHOD_NAMES.filter((name) => contract[name].access === 'reads'));
  });
});
