// npm start where Electron's binary is missing (npm's allowScripts keeps Electron's installer from running at install
// time): the start script runs Electron's own installer, and where the download is impossible says so in one line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const installed = fs.existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'));

describe.skipIf(installed)("npm start without Electron's binary", () => {
  it('runs Electron’s installer, and with no way to download says so in one line and exits 1', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // An unreachable mirror and an empty cache: the installer must really try, and fail fast.
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: tempDir('electron-cache-'),
      // CI sets this for the tests; the start script must not let it stop a user's download.
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    };
    const child = spawn(tsx, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stdout).toContain("Fetching Electron's binary (once)…");
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron's binary could not be downloaded \(.*ECONNREFUSED.*\); run the app in your browser instead: npm run serve:sample$/);
  }, 60_000);
});
