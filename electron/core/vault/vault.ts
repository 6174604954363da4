// The evidence vault: originals stored by SHA-256, written once (temp → fsync → rename → read-only), never changed.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../../../shared/errors.ts';
import { fsyncDirAsync, fsyncFileAsync, isRunning } from '../durable-fs.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const TEMP_DIR = '.incoming';
const HASH_CHUNK = 1024 * 1024;

export interface Vault {
  readonly root: string;
  /** Where the original with this hash lives (whether or not it is there). */
  pathOf(sha256: string): string;
  has(sha256: string): boolean;
  /**
   * Stores originals (a file copied in, or bytes such as an attachment), each checked against the hash it was read
   * with, each fsynced before its rename; the folders are synced once at the end, so a family of thousands of
   * attachments costs one directory sync per folder, not per file.
   */
  put(items: Incoming[]): Promise<void>;
  /** Re-reads an original and returns its hash, or null when it is missing. */
  hashOf(sha256: string): Promise<string | null>;
  /**
   * An original's bytes, checked against its name as they are read: bytes that no longer hash to it are refused with
   * OriginalChangedError, so nothing derived from an original (an export, a preview) can reproduce altered evidence.
   */
  read(sha256: string): Promise<Buffer>;
  /** Removes temp files left by an interrupted write. */
  sweep(): void;
  /** The hash of every original stored, by the folder layout (ab/ab12…), in order; temp files are not originals. */
  list(): string[];
}

export type Incoming = { sha256: string } & ({ path: string } | { bytes: Uint8Array });

export function openVault(root: string): Vault {
  fs.mkdirSync(path.join(root, TEMP_DIR), { recursive: true });

  function pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new UserError('bad_input', `Not a SHA-256 hash: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  }

  /** Moves a complete, synced temp file into place; returns the folder to sync, or null when already stored. */
  function commit(temp: string, actual: string, expected: string): string | null {
    if (actual !== expected) {
      fs.rmSync(temp, { force: true });
      throw new UserError('io', 'The file changed while it was being imported; import it again.');
    }
    const target = pathOf(expected);
    if (fs.existsSync(target)) {
      fs.rmSync(temp, { force: true });
      return null;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.chmodSync(temp, 0o444);
    fs.renameSync(temp, target);
    return path.dirname(target);
  }

  async function copyIn(source: string): Promise<{ temp: string; sha256: string }> {
    const temp = tempName();
    const hash = createHash('sha256');
    const out = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(
        fs.createReadStream(source),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            yield chunk;
          }
        },
        out,
      );
      await fsyncFileAsync(temp);
    } catch (e) {
      fs.rmSync(temp, { force: true });
      throw new UserError('io', `Could not copy the file into the vault: ${(e as Error).message}`);
    }
    return { temp, sha256: hash.digest('hex') };
  }

  async function writeIn(bytes: Uint8Array): Promise<{ temp: string; sha256: string }> {
    const temp = tempName();
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { temp, sha256: sha256Of(bytes) };
  }

  function tempName(): string {
    return path.join(root, TEMP_DIR, `${process.pid}-${randomBytes(8).toString('hex')}.part`);
  }

  return {
    root,
    pathOf,
    has: (sha256) => fs.existsSync(pathOf(sha256)),

    async put(items) {
      const touched = new Set<string>();
      for (const item of items) {
        if (fs.existsSync(pathOf(item.sha256))) continue;
        const written = 'path' in item ? await copyIn(item.path) : await writeIn(item.bytes);
        const dir = commit(written.temp, written.sha256, item.sha256);
        if (dir) touched.add(dir);
      }
      for (const dir of touched) await fsyncDirAsync(dir);
    },

    async hashOf(sha256) {
      const file = pathOf(sha256);
      if (!fs.existsSync(file)) return null;
      return hashFile(file);
    },

    async read(sha256) {
      const bytes = await fs.promises.readFile(pathOf(sha256));
      if (sha256Of(bytes) !== sha256) throw new OriginalChangedError(sha256);
      return bytes;
    },

    list() {
      const hashes: string[] = [];
      for (const prefix of fs.readdirSync(root).sort()) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const name of fs.readdirSync(path.join(root, prefix)).sort()) {
          if (SHA256.test(name) && name.startsWith(prefix)) hashes.push(name);
        }
      }
      return hashes;
    },

    sweep() {
      const dir = path.join(root, TEMP_DIR);
      for (const name of fs.readdirSync(dir)) {
        // Another process (the app beside the CLI) may be writing into the vault right now; its temp files are its own.
        const writer = Number(name.split('-')[0]);
        if (!isRunning(writer)) fs.rmSync(path.join(dir, name), { force: true });
      }
    },
  };
}

/** An original whose bytes on disk no longer hash to the SHA-256 recorded at import (someone changed the vault). */
export class OriginalChangedError extends UserError {
  constructor(readonly sha256: string) {
    super('damaged', `The original ${sha256.slice(0, 12)}… has changed on disk since it was imported; run exhibit-desk verify.`);
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads into one buffer in 1 MiB steps: a read stream's setup per file cost more than hashing a typical exhibit. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await fs.promises.open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(HASH_CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, HASH_CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

