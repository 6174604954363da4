// npm start: build the UI and the Electron bundles, build better-sqlite3 for Electron's ABI into its own folder
// (the Node build that npm test uses stays untouched), then launch the app. Without Electron's binary, fetch it with
// Electron's own installer; where that is impossible, say so in one line.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './electron-build.mjs';

// Run through tsx (see package.json), so the renderer build can be imported from its TypeScript source.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** better-sqlite3 compiled against Electron's headers, cached per Electron version. */
function electronSqliteBinding(version) {
  const target = path.join(root, 'node_modules', '.cache', 'exhibit-desk', `better-sqlite3-electron-${version}`, 'better_sqlite3.node');
  if (fs.existsSync(target)) return target;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-desk-sqlite-'));
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
  execFileSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit' });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}

/**
 * Electron's own installer (node_modules/electron/install.js, which npm's allowScripts keeps from running at install
 * time), run on first start: it downloads the binary for this platform (ELECTRON_MIRROR and Electron's cache apply).
 * Returns null when it worked, else why not, in a few words.
 */
function installElectron() {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return 'the electron package is missing; run npm install';
  console.log("Fetching Electron's binary (once)…");
  const env = { ...process.env };
  // Set for CI and tests that never launch a window; a user starting the app wants the binary.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  try {
    execFileSync(process.execPath, [installer], { cwd: path.dirname(installer), env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
    return null;
  } catch (e) {
    const said = String(e.stderr ?? e.message ?? e).split('\n').find((l) => /error|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|40\d|50\d/i.test(l)) ?? '';
    return said.trim().slice(0, 160) || 'the download failed';
  }
}

let binary = electronBinary();
if (!binary) {
  const problem = installElectron();
  binary = electronBinary();
  if (!binary) {
    console.error(`Electron's binary could not be downloaded (${problem ?? 'nothing was installed'}); run the app in your browser instead: npm run serve:sample`);
    process.exit(1);
  }
}
const version = require('electron/package.json').version;
const { buildRenderer } = await import('../electron/serve/renderer-build.ts');
await buildRenderer();
await buildElectron();
const binding = electronSqliteBinding(version);
const child = spawn(binary, [root], {
  stdio: 'inherit',
  env: { ...process.env, EXHIBIT_DESK_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
