// The CLI loads only what a command uses: `--help` loads no package at all, and a command that reads the case (list)
// none of the PDF writer, fonts, pdf.js, PDFium, the canvas or the Word writer. Checked on the CLI's own bundle (as
// bin/exhibit-desk runs it), by a module-loading hook that notes every module the process loads; a bundled package
// shows in the chunk that holds it as esbuild's `// node_modules/<package>/…` comments.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { newCase, tempDir } from '../fixtures/case.ts';
import { sourceBundles, workerEntries } from '../../electron/core/workers/source-bundles.mjs';

const LAUNCHER = fileURLToPath(new URL('../../bench/cli-launcher.mjs', import.meta.url));
const HEAVY = ['@cantoo/pdf-lib', '@pdf-lib/fontkit', 'pdfjs-dist', '@hyzyla/pdfium', '@napi-rs/canvas', 'docx', 'tesseract.js'];

let bundle: string;
let work: string;

beforeAll(async () => {
  bundle = await sourceBundles('cli', ['electron/cli/main.ts', ...Object.values(workerEntries())]);
  work = tempDir('lazy-cli-');
  const hooks = path.join(work, 'hooks.mjs');
  fs.writeFileSync(
    hooks,
    `import fs from 'node:fs';
     export async function load(url, context, next) {
       if (url.startsWith('file:')) fs.appendFileSync(process.env.LOADED_LOG, url + '\\n');
       return next(url, context);
     }`,
  );
  fs.writeFileSync(path.join(work, 'register.mjs'), `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`);
});

/** The packages a CLI run loads: from node_modules directly, or bundled into a chunk it loads. */
function packagesLoaded(args: string[]): string[] {
  const log = path.join(work, `loaded-${args[0]}.txt`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(work, 'register.mjs')).href, LAUNCHER, bundle, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOADED_LOG: log },
  });
  expect(run.status, run.stderr).toBe(0);
  const packages = new Set<string>();
  for (const url of fs.readFileSync(log, 'utf8').trim().split('\n')) {
    const file = fileURLToPath(url);
    const inModules = /node_modules\/((@[^/]+\/)?[^/.][^/]*)/.exec(path.relative(path.resolve(bundle, '../../..'), file));
    if (inModules && !file.startsWith(bundle)) packages.add(inModules[1]!);
    if (file.startsWith(bundle)) for (const m of fs.readFileSync(file, 'utf8').matchAll(/^\/\/ node_modules\/((@[^/]+\/)?[^/]+)\//gm)) packages.add(m[1]!);
  }
  return [...packages].sort();
}

describe('what a CLI command loads', () => {
  it('--help: its own code only, no package', () => {
    expect(packagesLoaded(['--help'])).toEqual([]);
  });

  it('list: the contract’s validation, none of the readers and writers of files', () => {
    const { dir, api } = newCase();
    api.close();
    const loaded = packagesLoaded(['list', dir]);
    // zod, bundled into a chunk, is seen: so would any of the others be.
    expect(loaded).toContain('zod');
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });
});
