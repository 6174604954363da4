// Bundles TypeScript entries (the CLI, the worker threads) with esbuild into node_modules/.cache/exhibit-desk, once per
// state of the sources, so that plain Node starts them without a TypeScript loader. Plain JavaScript because
// bin/exhibit-desk, which runs before anything is built, uses it too; a packaged app ships its bundles prebuilt.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SELF = fileURLToPath(import.meta.url);

/** Where bin/exhibit-desk leaves the folder of the workers it built with the CLI, for the CLI's process to start. */
export const PREBUILT_WORKERS = Symbol.for('exhibit-desk.prebuilt-workers');

/** The worker threads, by name: their entry files relative to the repository. The packaging build reads it too. */
export function workerEntries() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'electron/core/workers/worker-entries.json'), 'utf8'));
}

/** A worker's bundle file name, the same in the cache and in a packaged app: extract-worker.ts → extract-worker.mjs. */
export function workerFileName(entry) {
  return `${path.basename(entry, '.ts')}.mjs`;
}

/**
 * The sources as they are now: every .ts and .json under electron/ and shared/, and this file, by path, size and
 * change time (no file is read). A 64-bit FNV-1a, as node:crypto alone takes longer to load than the walk.
 */
export function sourcesKey() {
  const parts = [];
  const note = (file) => {
    const { size, mtimeMs } = fs.statSync(file);
    parts.push(`${file}\0${size}\0${mtimeMs}`);
  };
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) note(file);
    }
  };
  visit(path.join(ROOT, 'electron'));
  visit(path.join(ROOT, 'shared'));
  note(SELF);
  return fnv64(parts.join('\n'));
}

function fnv64(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function cacheDir() {
  return path.join(ROOT, 'node_modules', '.cache', 'exhibit-desk');
}

/**
 * The folder holding one .mjs per entry file (paths relative to the repository; cli/main.ts → main.mjs), bundled from
 * the sources as they are now; built if missing. Shared code goes into chunks, so a module an entry imports only
 * with `await import()` is loaded only when asked for.
 */
export async function sourceBundles(kind, entries, key = sourcesKey()) {
  const dir = path.join(cacheDir(), `${kind}-${key}`);
  if (fs.existsSync(dir)) return dir;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(entries.map((file) => [path.basename(file, '.ts'), path.join(ROOT, file)])),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    logLevel: 'silent',
    plugins: [keepModuleLocation, bundledPackages],
    // For the CommonJS inside bundled packages (esbuild's ESM output has no require of its own).
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  // Written whole into a folder of its own, then renamed: a process starting meanwhile never sees half a build.
  const temp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    const out = path.join(temp, path.relative(dir, file.path));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, file.contents);
  }
  try {
    fs.renameSync(temp, dir);
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw e; // another process built the same sources first: theirs is as good
  }
  pruneOldBundles(dir);
  return dir;
}

/** Each module keeps its own location as import.meta.url, so the files and packages it names resolve as from the sources. */
const keepModuleLocation = {
  name: 'keep-module-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: fs.readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * Packages bundled in rather than loaded from node_modules: pure JavaScript that Node's module loader is slow to load
 * (pdf-lib and zod are hundreds of small modules each: 0.6 and 0.15 s of CPU to import, a quarter of that bundled), with
 * everything they import. Every other package stays external: native modules, WebAssembly, and packages that find
 * their own files on disk (pdf.js's fonts, Tesseract's worker).
 */
const BUNDLED = new Set(['@cantoo/pdf-lib', '@pdf-lib/fontkit', 'zod', 'docx', 'utif2']);

const bundledPackages = {
  name: 'bundled-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = args.path.split('/').slice(0, args.path.startsWith('@') ? 2 : 1).join('/');
      return args.importer.includes('/node_modules/') || BUNDLED.has(name) ? undefined : { external: true };
    });
  },
};

const DAY_MS = 24 * 3600 * 1000;
// This module's folders, and the single-file bundles of the code before it (cli-<key>.mjs, export-worker-<hash>.mjs).
const OURS = /^((cli|workers)-[0-9a-f]{16}|cli-[0-9a-f]{16}\.mjs|[a-z]+-worker-[0-9a-f]{16}\.mjs)$/;

/** Bundles of older sources, untouched for a day: a process still running from one has long loaded it. */
function pruneOldBundles(keep) {
  const cache = cacheDir();
  for (const name of fs.readdirSync(cache)) {
    const file = path.join(cache, name);
    if (file === keep || !OURS.test(name)) continue;
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > DAY_MS) fs.rmSync(file, { recursive: true, force: true });
    } catch {
      /* removed by another process meanwhile */
    }
  }
}
