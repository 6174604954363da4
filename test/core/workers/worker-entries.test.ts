// One list of worker threads (worker-entries.json) for starting them and for packaging them: every worker in the
// sources is on it, the packaged build bundles each under the name the core looks for, and electron-builder ships
// that folder. A worker missing from any of these would pass every other test and fail only in the packaged app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/case.ts';
import { electronEntryPoints } from '../../../scripts/electron-build.mjs';
import { sourcesKey, workerFileName } from '../../../electron/core/workers/source-bundles.mjs';
import { WORKER_ENTRIES } from '../../../electron/core/workers/worker-script.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('the worker entries', () => {
  const listed = Object.values(WORKER_ENTRIES);

  it('lists every worker thread in the sources, and only files that are one', () => {
    // A worker entry is a module that answers calls with serveCalls (the thread side of the primitive).
    const workers = sourceFiles('electron').filter((f) => /\bawait serveCalls\b/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(workers.sort()).toEqual([...listed].sort());
    for (const entry of listed) expect(fs.existsSync(path.join(root, entry))).toBe(true);
  });

  it('starts threads only through the primitive, which starts them by their listed name', () => {
    const starters = sourceFiles('electron').filter((f) => /new Worker\(/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(starters).toEqual(['electron/core/workers/worker-thread.ts']);
  });

  it('has the packaged build bundle each one beside main, under the file name the core starts it by', () => {
    const built = electronEntryPoints() as Record<string, string>;
    for (const entry of listed) {
      const name = path.basename(workerFileName(entry), '.mjs');
      expect(built[name], `${entry} is not in the packaged build`).toBe(path.join(root, entry));
    }
  });

  it('has electron-builder ship the folder those bundles are written to', () => {
    const config = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^\s+- dist\/electron\/\*\*$/m);
  });

  it('names the bundles built from the sources by the sources alone, not by the folder the CLI is run from', () => {
    const here = process.cwd();
    const key = sourcesKey();
    try {
      process.chdir(tempDir());
      expect(sourcesKey()).toBe(key);
    } finally {
      process.chdir(here);
    }
  });
});
