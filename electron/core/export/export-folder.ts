// Where an export's files go: a hidden temporary folder inside the chosen folder, filled completely and then renamed
// to a fresh folder named for the export and its time ("bundle 2026-01-05 09.00.01"), so that nothing is ever
// overwritten and an interrupted export leaves no half-written file under a real name (the next export into the
// folder removes the temporary folder a killed one left).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors.ts';
import { fsyncDir, isRunning } from '../durable-fs.ts';

// `.bundle-<pid>-<random>.part`: the writer's process id in the name tells an abandoned folder from one being filled.
const TEMP_FOLDER = /^\.[a-z-]+-(\d+)-[0-9a-f]{12}\.part$/;

/** The chosen folder, resolved and created; never inside the vault, which holds originals only. */
export function prepareOutDir(outDir: string, vaultRoot: string): string {
  const dir = path.resolve(outDir);
  const inVault = path.relative(path.resolve(vaultRoot), dir);
  if (!inVault.startsWith('..') && !path.isAbsolute(inVault)) {
    throw new UserError('bad_input', 'Choose a folder outside the case vault to export to.');
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError('io', `Cannot create the folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`);
  }
  if (!fs.statSync(dir).isDirectory()) throw new UserError('bad_input', `${dir} is not a folder.`);
  return dir;
}

export function startExportFolder(dir: string, kind: string): string {
  sweepAbandonedExports(dir);
  const temp = path.join(dir, `.${kind}-${process.pid}-${randomBytes(6).toString('hex')}.part`);
  try {
    fs.mkdirSync(temp);
  } catch (e) {
    throw new UserError('io', `Cannot write in ${dir}: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`);
  }
  return temp;
}

/** "bundle 2026-01-05 09.00.01" (UTC), with " (2)", " (3)" … when an export of that second already exists. */
export function publishExportFolder(temp: string, kind: string, createdAt: string): string {
  const stamp = createdAt.slice(0, 19).replace('T', ' ').replace(/:/g, '.');
  const base = path.join(path.dirname(temp), `${kind} ${stamp}`);
  for (let n = 1; n <= 1000; n++) {
    const target = n === 1 ? base : `${base} (${n})`;
    if (fs.existsSync(target)) continue;
    try {
      fs.renameSync(temp, target);
      fsyncDir(path.dirname(target));
      return target;
    } catch (e) {
      // Another export took the name between the check and the rename.
      if (!['EEXIST', 'ENOTEMPTY'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
  }
  throw new UserError('io', `Too many exports named "${path.basename(base)}" in ${path.dirname(base)}.`);
}

export function discardExportFolder(temp: string): void {
  fs.rmSync(temp, { recursive: true, force: true });
}

/** Removes the temporary folders of exports whose process was killed before it could publish or discard them. */
function sweepAbandonedExports(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const writer = TEMP_FOLDER.exec(name)?.[1];
    if (writer !== undefined && !isRunning(Number(writer))) discardExportFolder(path.join(dir, name));
  }
}

/** Writes a whole file (DOCX, CSV, the manifest) durably; returns its SHA-256 and size. */
export function writeOutputFile(file: string, bytes: Uint8Array): { sha256: string; bytes: number } {
  const fd = fs.openSync(file, 'wx');
  try {
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

