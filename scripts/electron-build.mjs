// Bundles the Electron side with esbuild: main (ESM), preload (CommonJS, as a sandboxed preload must be), and the
// worker entries beside main, so the built app runs without a TypeScript loader.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { workerEntries, workerFileName } from '../electron/core/workers/source-bundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT = path.join(root, 'dist', 'electron');

// The worker threads, from the one list the core starts them by (electron/core/workers/worker-entries.json).
const WORKERS = Object.values(workerEntries());

/** The bundles built beside main, by output name (extract-worker → extract-worker.mjs), as the core looks for them. */
export function electronEntryPoints() {
  return {
    main: path.join(root, 'electron/main/main.ts'),
    'case-host': path.join(root, 'electron/host/case-host.ts'),
    ...Object.fromEntries(WORKERS.map((w) => [path.basename(workerFileName(w), '.mjs'), path.join(root, w)])),
  };
}

export async function buildElectron() {
  const common = { bundle: true, platform: 'node', target: 'node20', external: ['electron'], logLevel: 'warning', legalComments: 'none' };
  await build({
    ...common,
    // The case host runs in its own (utility) process beside main: main.ts forks case-host.mjs.
    entryPoints: electronEntryPoints(),
    outdir: ELECTRON_OUT,
    // Shared code in chunks beside the entries (same folder, so import.meta.url resolves alike in all of them): a
    // module imported with await import() loads only when first needed.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
  await build({ ...common, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(ELECTRON_OUT, 'preload.cjs'), format: 'cjs' });
  return ELECTRON_OUT;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`electron bundles built in ${path.relative(process.cwd(), await buildElectron())}`);
}
