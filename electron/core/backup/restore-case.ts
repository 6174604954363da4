// Restores a case backup into a new folder: every entry name, size and SHA-256 checked against the manifest, the
// files extracted into a hidden folder beside the target and renamed into place only once the case verifies.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { UserError } from '../../../shared/errors.ts';
import type { RestoreResult } from '../../../shared/model.ts';
import { createCaseApi } from '../api.ts';
import { DATABASE_FILE, requireNewFolder } from '../case/case-folder.ts';
import { fsyncDir } from '../durable-fs.ts';
import { checkedEntryName, DATABASE_ENTRY, damaged, displayName, MANIFEST_ENTRY, vaultEntryHash } from './archive-names.ts';
import { manifestLimit, parseManifest, type BackupManifest } from './backup-manifest.ts';

const UNICODE_PATH_FIELD = 0x7075;

export async function restoreCase(archivePath: string, caseDir: string): Promise<RestoreResult> {
  const archive = path.resolve(archivePath);
  const target = path.resolve(caseDir);
  if (!fs.existsSync(archive) || !fs.statSync(archive).isFile()) throw new UserError('not_found', `No backup file at ${archive}.`);
  requireNewFolder(target);
  const zip = await openArchive(archive);
  let temp: string | null = null;
  try {
    const entries = await readDirectory(zip);
    const manifest = await readManifest(zip, entries);
    const planned = plan(manifest, entries);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    temp = path.join(path.dirname(target), `.${path.basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
    fs.mkdirSync(temp);
    for (const { entry, expected } of planned) await extract(zip, entry, expected, temp);
    const exhibits = await verifyRestored(temp);
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(temp, target);
    temp = null;
    fsyncDir(path.dirname(target));
    return { case: target, exhibits, verified: true };
  } finally {
    zip.close();
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function openArchive(archive: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(archive, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (e) {
    throw damaged(`it is not a readable zip file (${(e as Error).message})`);
  }
}

/** Reads the archive's table of contents (not its data), refusing any entry whose name or kind is not a backup's. */
async function readDirectory(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  const next = zip.eachEntry();
  for (;;) {
    let step: IteratorResult<yauzl.Entry>;
    try {
      step = await next.next();
    } catch (e) {
      throw damaged(`its table of contents cannot be read (${(e as Error).message})`);
    }
    if (step.done) return entries;
    const entry = step.value;
    const name = checkedEntryName(entry.fileName as unknown as Buffer, entry.externalFileAttributes, entry.isEncrypted());
    if (entry.extraFields.some((f) => f.id === UNICODE_PATH_FIELD)) throw damaged(`the entry ${displayName(name)} carries a second name`);
    if (entries.has(name)) throw damaged(`the entry ${displayName(name)} appears twice`);
    entries.set(name, entry);
  }
}

async function readManifest(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): Promise<BackupManifest> {
  const entry = entries.get(MANIFEST_ENTRY);
  if (!entry) throw damaged('it has no manifest.json (is it an Exhibit Desk backup?)');
  if (entry.uncompressedSize > manifestLimit(entries.size)) throw damaged('manifest.json is larger than a manifest can be');
  const chunks: Buffer[] = [];
  await streamEntry(zip, entry, MANIFEST_ENTRY, entry.uncompressedSize, (chunk) => chunks.push(chunk));
  return parseManifest(Buffer.concat(chunks));
}

interface Planned {
  entry: yauzl.Entry;
  expected: BackupManifest['entries'][number];
}

/** Matches the archive's entries to its manifest, one to one, before a single byte is written. */
function plan(manifest: BackupManifest, entries: Map<string, yauzl.Entry>): Planned[] {
  const listed = new Map<string, BackupManifest['entries'][number]>();
  for (const m of manifest.entries) {
    if (m.name === MANIFEST_ENTRY || !(m.name === DATABASE_ENTRY || vaultEntryHash(m.name))) {
      throw damaged(`its manifest lists ${displayName(m.name)}, which is not part of a case backup`);
    }
    if (listed.has(m.name)) throw damaged(`its manifest lists ${displayName(m.name)} twice`);
    listed.set(m.name, m);
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST_ENTRY && !listed.has(name)) throw damaged(`${displayName(name)} is not listed in its manifest`);
  }
  if (!listed.has(DATABASE_ENTRY)) throw damaged('it holds no case.sqlite');
  return [...listed.values()].map((expected) => {
    const shown = displayName(expected.name);
    const entry = entries.get(expected.name);
    if (!entry) throw damaged(`${shown} is missing`);
    const hash = vaultEntryHash(expected.name);
    if (hash !== null && hash !== expected.sha256) throw damaged(`${shown} is not named by the SHA-256 its manifest records`);
    if (entry.uncompressedSize !== expected.bytes) {
      throw damaged(`${shown} is ${entry.uncompressedSize} bytes, not the ${expected.bytes} its manifest records`);
    }
    return { entry, expected };
  });
}

async function extract(zip: yauzl.ZipFile, entry: yauzl.Entry, expected: Planned['expected'], root: string): Promise<void> {
  const shown = displayName(expected.name);
  const isVault = expected.name !== DATABASE_ENTRY;
  const file = path.join(root, isVault ? expected.name : DATABASE_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    await streamEntry(zip, entry, expected.name, expected.bytes, (chunk) => {
      hash.update(chunk);
      fs.writeSync(fd, chunk);
    });
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (hash.digest('hex') !== expected.sha256) throw damaged(`${shown} does not match its recorded hash`);
  if (isVault) fs.chmodSync(file, 0o444);
}

/** Streams one entry's data, never more than `limit` bytes whatever its headers claim (a zip bomb stops here). */
async function streamEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, limit: number, onChunk: (chunk: Buffer) => void): Promise<void> {
  let seen = 0;
  try {
    await pipeline(
      await zip.openReadStreamPromise(entry),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          seen += chunk.length;
          if (seen > limit) return done(new Error('more bytes than recorded'));
          onChunk(chunk);
          done();
        },
      }),
    );
  } catch (e) {
    throw damaged(`${displayName(name)} cannot be read (${(e as Error).message})`);
  }
  if (seen !== limit) throw damaged(`${displayName(name)} holds ${seen} bytes, not the ${limit} recorded`);
}

/** The restored folder must open and pass verify (every original re-hashed, audit chain, database) before it appears. */
async function verifyRestored(dir: string): Promise<number> {
  const api = createCaseApi({ dir });
  try {
    const info = await api.caseInfo({});
    if (info.readOnly) throw damaged(`the restored case does not open cleanly: ${info.readOnly.reason}`);
    const report = await api.verify({});
    if (!report.ok) {
      const first = report.problems[0];
      const what = first ? `original ${first.sha256.slice(0, 12)}… is ${first.problem}` : !report.auditOk ? 'its audit log is broken' : report.integrity;
      throw damaged(`the restored case does not verify (${what})`);
    }
    return (await api.listExhibits({})).length;
  } finally {
    api.close();
  }
}
