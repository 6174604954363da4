// Each process that opens a case leaves a small mark in its folder and takes it away on closing; a mark left by a
// process that is no longer running means the case was not closed cleanly (a crash, a kill, a power cut).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isRunning } from '../durable-fs.ts';

const MARK = /^\.open-(\d+)-[0-9a-f]+$/;

export interface OpenMark {
  /** Whether some earlier session left the case without closing it. */
  uncleanBefore: boolean;
  release(): void;
}

export function markOpen(dir: string): OpenMark {
  let uncleanBefore = false;
  for (const name of fs.readdirSync(dir)) {
    const pid = MARK.exec(name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    uncleanBefore = true;
    fs.rmSync(path.join(dir, name), { force: true });
  }
  const mark = path.join(dir, `.open-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    fs.writeFileSync(mark, '');
  } catch {
    // A case on read-only media can still be read; it just cannot tell the next session how this one ended.
    return { uncleanBefore, release: () => {} };
  }
  return { uncleanBefore, release: () => fs.rmSync(mark, { force: true }) };
}
