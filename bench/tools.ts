// Peer tools for the benchmarks: whether one is installed, and timing it over the same files as ours.
import { execFileSync, spawnSync } from 'node:child_process';

export function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** Seconds for `tool` to run over every file ("{}" in args), `parallel` at a time; null when not installed. */
export function timeParallel(tool: string, args: string[], files: string[], parallel: number): number | null {
  if (!has(tool)) return null;
  const start = process.hrtime.bigint();
  execFileSync('xargs', ['-0', '-P', String(parallel), '-I{}', tool, ...args], {
    input: files.join('\0'),
    stdio: ['pipe', 'ignore', 'ignore'],
    maxBuffer: 2 ** 30,
  });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Seconds for one `tool` process (or as few as the argument limit allows) to take every file at once. */
export function timeBatched(tool: string, files: string[]): number | null {
  if (!has(tool)) return null;
  const start = process.hrtime.bigint();
  execFileSync('xargs', ['-0', tool], { input: files.join('\0'), stdio: ['pipe', 'ignore', 'ignore'] });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** A benchmark run several times, each in a fresh process: the median round, and every round's figure in the order run. */
export type Rounds<T> = T & { rounds: number[] };

export function medianRound<T>(rounds: T[], figure: (round: T) => number): Rounds<T> {
  const median = [...rounds].sort((a, b) => figure(a) - figure(b))[Math.floor((rounds.length - 1) / 2)]!;
  return { ...median, rounds: rounds.map(figure) };
}
