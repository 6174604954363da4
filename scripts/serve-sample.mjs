// npm run serve:sample: builds the sample case once (in .sample-case/) and opens it in browser mode.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'exhibit-desk');
const dir = path.join(root, '.sample-case');
if (!fs.existsSync(path.join(dir, 'case.sqlite'))) execFileSync(process.execPath, [bin, 'sample', dir], { stdio: 'inherit' });
const child = spawn(process.execPath, [bin, 'serve', dir, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
