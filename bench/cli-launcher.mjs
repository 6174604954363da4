// Starts the CLI from a bundle built once for the whole benchmark run (sources edited meanwhile, on a machine shared
// with other work, would otherwise rebuild it between rounds), doing all else bin/exhibit-desk does on every start.
//   node bench/cli-launcher.mjs BUNDLE_DIR [exhibit-desk arguments…]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PREBUILT_WORKERS, sourcesKey } from '../electron/core/workers/source-bundles.mjs';

const [dir] = process.argv.splice(2, 1);
// bin/exhibit-desk checks on every start that its bundle is of the sources as they are: the same walk, its answer unused.
sourcesKey();
globalThis[PREBUILT_WORKERS] = dir;
await import(pathToFileURL(path.join(dir, 'main.mjs')).href);
