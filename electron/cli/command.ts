// What every CLI command provides, and the helpers they share: flag parsing, output, opening a case.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COURT_IDS, type CourtId } from '../../shared/court-profiles.ts';
import { UserError } from '../../shared/errors.ts';
import type { ImportProgress } from '../../shared/model.ts';
import type { CaseApi } from '../core/api.ts';

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

/** Opens the case (loading the core only now: help and a mistyped flag need none of it), runs fn, closes it. */
export async function withCase<T>(dir: string, fn: (api: CaseApi) => Promise<T>): Promise<T> {
  const { createCaseApi } = await import('../core/api.ts');
  const api = createCaseApi({ dir });
  try {
    return await fn(api);
  } finally {
    api.close();
  }
}

/** --max-mb: a size in MB (1 MB = 1,000,000 bytes), such as 25 or 9.5. */
export function parseMegabytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new UserError('bad_input', `--max-mb takes a size in MB such as 25 or 9.5, not "${value}".`);
  return Number(value);
}

/** --court: one of the court profiles (shared/court-profiles.ts). */
export function parseCourt(value: string | undefined): CourtId | undefined {
  if (value === undefined) return undefined;
  const id = value.trim().toLowerCase();
  if (!(COURT_IDS as readonly string[]).includes(id)) throw new UserError('bad_input', `--court takes one of ${COURT_IDS.join(', ')}, not "${value}".`);
  return id as CourtId;
}

/** Runs a long call that Ctrl-C cancels (what was done is kept) instead of killing the process. */
export async function interruptible<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await fn(abort.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/** Progress drawn over one terminal line ("12/40 file.pdf"); nothing when the output is not a terminal. */
export function progressLine(io: Io, label = ''): ((p: ImportProgress) => void) | undefined {
  return io.interactive ? (p) => io.err(`\r${label}${p.done}/${p.total} ${p.current ?? ''}`.slice(0, 120)) : undefined;
}
