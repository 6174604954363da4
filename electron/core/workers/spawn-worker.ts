// Starts a worker thread from a module URL. Run from TypeScript sources (tests, the CLI in a clone), the worker is
// first bundled with esbuild — as the packaged app ships it — because loading it through a TypeScript loader in
// every thread costs over a second per worker.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const bundles = new Map<string, URL>();

export function spawnWorker(url: URL, resourceLimits?: ResourceLimits): Worker {
  const entry = url.pathname.endsWith('.ts') ? (prebuilt(url) ?? bundled(url)) : url;
  const worker = new Worker(entry, { resourceLimits, stdout: true, stderr: true, execArgv: withoutTypeScriptLoader(process.execArgv) });
  // What parsers print is noise to the user and would corrupt the CLI's --json output: it is dropped.
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

/**
 * The worker runs a bundle, which needs no TypeScript loader; one inherited from a parent started by tsx (benchmarks,
 * scripts) would cost each worker half a second more and parse pdf.js's source map on the first stack trace.
 */
function withoutTypeScriptLoader(args: string[]): string[] {
  const isTsx = (value: string | undefined) => value !== undefined && /[\\/]tsx[\\/]/.test(value);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if ((arg === '--require' || arg === '--import') && isTsx(args[i + 1])) i++;
    else if (!(/^--(require|import)=/.test(arg) && isTsx(arg))) kept.push(arg);
  }
  return kept;
}

/** In a built app the workers are bundled beside the main bundle as .mjs files with the same names. */
function prebuilt(source: URL): URL | null {
  if (fs.existsSync(fileURLToPath(source))) return null;
  const built = new URL(source.href.replace(/\.ts$/, '.mjs'));
  return fs.existsSync(fileURLToPath(built)) ? built : null;
}

function bundled(source: URL): URL {
  const known = bundles.get(source.href);
  if (known) return known;
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(source)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  // Beside node_modules, so that the bundle's package imports resolve as the sources' do.
  const dir = path.join(path.dirname(path.dirname(require.resolve('esbuild/package.json'))), '.cache', 'exhibit-desk');
  const name = `${path.basename(source.pathname, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const out = path.join(dir, name);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(dir, { recursive: true });
    const temp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(temp, code);
    fs.renameSync(temp, out);
  }
  const url = pathToFileURL(out);
  bundles.set(source.href, url);
  return url;
}
