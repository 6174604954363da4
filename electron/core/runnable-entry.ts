// A process entry written in TypeScript (the case host, browser mode), as a file plain Node can start: the .mjs built
// beside it in a packaged app, else one esbuild bundle per state of the sources, cached in node_modules/.cache.
// Loading the core through a TypeScript loader costs 5 s or more per process start; a bundle loads in a fraction.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Spelt in pieces: this module is itself bundled the same way (by bin/exhibit-desk), which would rewrite the literal.
const META_URL = ['import', 'meta', 'url'].join('.');
const sourcesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function runnableEntry(source: URL): Promise<string> {
  const file = fileURLToPath(source);
  if (!file.endsWith('.ts')) return file;
  const built = file.replace(/\.ts$/, '.mjs');
  if (!fs.existsSync(file) && fs.existsSync(built)) return built;
  return bundled(file);
}

/** The sources as they are now (every .ts under electron/ and shared/, by path, size and change time). */
function sourcesKey(entry: string): string {
  const hash = createHash('sha256').update(`${entry}\n`);
  const visit = (dir: string) => {
    for (const item of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) visit(full);
      else if (item.name.endsWith('.ts')) {
        const { size, mtimeMs } = fs.statSync(full);
        hash.update(`${full}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  visit(path.join(sourcesRoot, 'electron'));
  visit(path.join(sourcesRoot, 'shared'));
  return hash.digest('hex').slice(0, 16);
}

async function bundled(entry: string): Promise<string> {
  const require = createRequire(import.meta.url);
  // Beside node_modules, so that the bundle's package imports resolve as the sources' do.
  const cache = path.join(path.dirname(path.dirname(require.resolve('esbuild/package.json'))), '.cache', 'exhibit-desk');
  const out = path.join(cache, `${path.basename(entry, '.ts')}-${sourcesKey(entry)}.mjs`);
  if (fs.existsSync(out)) return out;
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    // Each module keeps its own location, so the worker files, fonts and resources it names resolve as from the sources.
    plugins: [
      {
        name: 'keep-module-location',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: fs.readFileSync(args.path, 'utf8').replaceAll(META_URL, JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  fs.mkdirSync(cache, { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(temp, result.outputFiles[0]!.contents);
  fs.renameSync(temp, out);
  return out;
}
