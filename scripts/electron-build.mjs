// Bundles the Electron side with esbuild: main (ESM), preload (CommonJS, as a sandboxed preload must be), and the
// worker entries beside main, so the built app runs without a TypeScript loader.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT = path.join(root, 'dist', 'electron');

const WORKERS = ['electron/core/import/extract-worker.ts', 'electron/core/export/export-worker.ts', 'electron/core/ocr/ocr-worker.ts', 'electron/core/preflight/preflight-worker.ts'];

export async function buildElectron() {
  const common = { bundle: true, platform: 'node', target: 'node20', external: ['electron'], logLevel: 'warning', legalComments: 'none' };
  await build({
    ...common,
    entryPoints: { main: path.join(root, 'electron/main/main.ts'), ...Object.fromEntries(WORKERS.map((w) => [path.basename(w, '.ts'), path.join(root, w)])) },
    outdir: ELECTRON_OUT,
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
