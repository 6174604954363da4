// Where a worker thread's code is, by name: bundled beside the app's main bundle in a packaged build; prebuilt with the
// CLI by bin/exhibit-desk; otherwise (tests, benchmarks, the app from its sources) bundled once per state of the
// sources into node_modules/.cache. The names and entry files are listed once, in worker-entries.json, which the
// packaging build reads too.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ENTRIES from './worker-entries.json' with { type: 'json' };
import { PREBUILT_WORKERS, sourceBundles, workerFileName } from './source-bundles.mjs';

export type WorkerName = keyof typeof ENTRIES;
export const WORKER_ENTRIES: Readonly<Record<WorkerName, string>> = ENTRIES;

let fromSources: Promise<string> | null = null;

export async function workerScript(name: WorkerName): Promise<URL> {
  const file = workerFileName(ENTRIES[name]);
  if (!import.meta.url.endsWith('.ts')) return new URL(`./${file}`, import.meta.url);
  const prebuilt = (globalThis as Record<symbol, unknown>)[PREBUILT_WORKERS];
  if (typeof prebuilt === 'string') return pathToFileURL(path.join(prebuilt, file));
  fromSources ??= sourceBundles('workers', Object.values(ENTRIES)).catch((e: unknown) => {
    fromSources = null;
    throw e;
  });
  return pathToFileURL(path.join(await fromSources, file));
}
