// Making writes survive a crash or power loss: syncing a file's bytes, a folder's entries after a rename, and telling
// whether the process that left a temp file behind is still writing it.
import fs from 'node:fs';

/** Opens `target` with `flags` and syncs it to disk. */
function syncPath(target: string, flags: string): void {
  const fd = fs.openSync(target, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function syncPathAsync(target: string, flags: string): Promise<void> {
  const handle = await fs.promises.open(target, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function fsyncFile(file: string): void {
  syncPath(file, 'r+');
}

// Makes a rename durable where the platform can open a folder; elsewhere the rename is as durable as it gets.
export function fsyncDir(dir: string): void {
  try {
    syncPath(dir, 'r');
  } catch {
    /* not supported on this platform */
  }
}

/** fsyncFile without holding up the event loop: the import keeps feeding its workers while the disk syncs. */
export function fsyncFileAsync(file: string): Promise<void> {
  return syncPathAsync(file, 'r+');
}

/** fsyncDir without holding up the event loop. */
export async function fsyncDirAsync(dir: string): Promise<void> {
  try {
    await syncPathAsync(dir, 'r');
  } catch {
    /* not supported on this platform */
  }
}

/** Whether the process that named a temp file after itself is still alive (so its temp file is not abandoned). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
