// The CLI as the benchmarks start it: bundled once per benchmark run (bench/cli-launcher.mjs), then one fresh process
// per command, as a user's shell starts bin/exhibit-desk.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceBundles, workerEntries } from '../electron/core/workers/source-bundles.mjs';

const LAUNCHER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-launcher.mjs');

/** Builds (or finds) the CLI's bundle for the sources as they are now: the folder to pass to every part of the run. */
export function buildCli(): Promise<string> {
  return sourceBundles('cli', ['electron/cli/main.ts', ...Object.values(workerEntries())]);
}

/** The command and arguments that run `exhibit-desk …args` from that bundle. */
export function cliCommand(bundle: string, args: string[]): [string, string[]] {
  return [process.execPath, [LAUNCHER, bundle, ...args]];
}
