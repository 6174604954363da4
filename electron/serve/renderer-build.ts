// Builds the React renderer into dist/renderer with esbuild: one script bundle and the chunks it loads, its CSS,
// index.html, and the pdf.js worker and data files it loads from its own origin (never from a CDN).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_OUT = path.join(root, 'dist', 'renderer');
/** The entry script's name, as index.html loads it. */
const ENTRY = 'app';

/** Built beside the folder and swapped in when complete, so that two servers starting at once never see half of it. */
export async function buildRenderer(outDir = RENDERER_OUT): Promise<string> {
  const temp = `${outDir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  await buildInto(temp);
  const old = `${outDir}.${process.pid}.old`;
  const code = (e: unknown) => (e as NodeJS.ErrnoException).code;
  try {
    fs.renameSync(outDir, old);
  } catch (e) {
    if (code(e) !== 'ENOENT') throw e;
  }
  try {
    fs.renameSync(temp, outDir);
  } catch (e) {
    // Another server swapped in the same build a moment ago: it is used as it is.
    if (code(e) !== 'ENOTEMPTY' && code(e) !== 'EEXIST') throw e;
    fs.rmSync(temp, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
  return outDir;
}

async function buildInto(outDir: string): Promise<void> {
  const pdfjs = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const { metafile } = await build({
    entryPoints: { [ENTRY]: path.join(root, 'renderer', 'main.tsx') },
    outdir: outDir,
    bundle: true,
    // pdf.js is loaded only when a PDF is opened; its own chunk keeps it out of the start-up parse.
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    metafile: true,
  });
  const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const preloads = startChunks(metafile, outDir).map((file) => `    <link rel="modulepreload" href="${file}" />\n`);
  fs.writeFileSync(path.join(outDir, 'index.html'), html.replace('  </head>', `${preloads.join('')}  </head>`));
  fs.copyFileSync(path.join(pdfjs, 'build', 'pdf.worker.min.mjs'), path.join(outDir, 'pdf.worker.mjs'));
  for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
    fs.cpSync(path.join(pdfjs, dir), path.join(outDir, 'pdfjs', dir), { recursive: true });
  }
}

/**
 * The chunks the entry script imports statically. Listed in index.html as module preloads, they download beside it
 * instead of after it has been parsed; the chunks imported on demand (pdf.js, for one) load when asked for.
 */
function startChunks(metafile: Metafile, outDir: string): string[] {
  const entry = Object.keys(metafile.outputs).find((output) => path.basename(output) === `${ENTRY}.js`)!;
  const found = new Set<string>();
  const visit = (output: string) => {
    if (found.has(output)) return;
    found.add(output);
    for (const i of metafile.outputs[output]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  found.delete(entry);
  return [...found].map((output) => path.relative(outDir, path.resolve(output)).split(path.sep).join('/')).sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(`renderer built in ${path.relative(process.cwd(), await buildRenderer())}`);
}
