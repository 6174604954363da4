import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markOpen } from '../../../electron/core/case/open-marks.ts';
import { newCase, tempDir } from '../../fixtures/case.ts';

const marks = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.open-'));

/** The pid of a process that has already ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('the marks an open case leaves in its folder', () => {
  it('are there while the case is open and gone once it is closed, so the next open sees a clean close', () => {
    const { dir, api } = newCase('Marks');
    expect(marks(dir)).toHaveLength(1);
    api.close();
    expect(marks(dir)).toEqual([]);
    const again = markOpen(dir);
    expect(again.uncleanBefore).toBe(false);
    again.release();
  });

  it('tell a crash apart: a mark left by a process no longer running is reported once, and removed', () => {
    const dir = tempDir('marks-');
    fs.writeFileSync(`${dir}/.open-${deadPid()}-abcd1234`, '');
    const running = markOpen(dir);
    expect(running.uncleanBefore).toBe(true);
    expect(marks(dir)).toHaveLength(1);
    // Another process with the case open now (this one) is not a crash.
    const second = markOpen(dir);
    expect(second.uncleanBefore).toBe(false);
    second.release();
    running.release();
    expect(marks(dir)).toEqual([]);
  });
});
