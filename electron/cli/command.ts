// What every CLI command provides, and the helpers they share: flag parsing, output, opening a case.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../shared/errors.ts';
import { createCaseApi, type CaseApi } from '../core/api.ts';

export interface Command {
  name: string;
  usage: string; // one or more lines, without the "exhibit-desk " prefix
  run(argv: string[], io: Io): Promise<number>;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal, so progress may be drawn. */
  interactive: boolean;
}

export const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly; an unknown flag or a missing value is a usage error, not a crash. */
export function parseFlags<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError('bad_input', (e as Error).message.split('\n')[0]!);
  }
}

export function requirePositionals(positionals: string[], names: string[], usage: string): string[] {
  if (positionals.length < names.length) {
    throw new UserError('bad_input', `Missing ${names.slice(positionals.length).join(' and ')}. Usage: exhibit-desk ${usage}`);
  }
  return positionals;
}

export function parseInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UserError('bad_input', `${flag} takes a whole number, not "${value}".`);
  return Number(value);
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export async function withCase<T>(dir: string, fn: (api: CaseApi) => Promise<T>): Promise<T> {
  const api = createCaseApi({ dir });
  try {
    return await fn(api);
  } finally {
    api.close();
  }
}
