// Peer tools for the benchmarks: whether one is installed, timing a process (ours or a peer's) in a fresh process,
// and running the two sides of a comparison round by round, interleaved.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

/** One process's run: wall time (spawn to exit, the same for every side), CPU time (user + system) and peak memory. */
export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  stdout: string;
}

/** Runs a command in a process of its own under GNU time (for its CPU and peak memory); fails if it fails. */
export function measure(command: string, args: string[], options: { cwd?: string; input?: string } = {}): Measured {
  const report = path.join(os.tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-o', report, '-f', '%U %S %M', command, ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? os.tmpdir(),
    input: options.input,
    maxBuffer: 256 * 2 ** 20,
  });
  const seconds = secondsSince(start);
  const [user, system, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  fs.rmSync(report, { force: true });
  if (run.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')} … failed (exit ${run.status}): ${run.stderr.slice(0, 400)}`);
  return { seconds, cpuSeconds: user! + system!, peakMb: kb! / 1024, stdout: run.stdout };
}

/**
 * Runs every side of a comparison once per round, each in a fresh process, the order turned round each time (ours
 * first, then the peer first …), so that neither side always meets a warmer page cache or a busier machine.
 */
export function interleaved<K extends string>(rounds: number, sides: Record<K, (round: number) => Measured>): Record<K, Measured[]> {
  const names = Object.keys(sides) as K[];
  const results = Object.fromEntries(names.map((n) => [n, [] as Measured[]])) as Record<K, Measured[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) results[name].push(sides[name](round));
  }
  return results;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
