// Backs up an open case into one zip: an online SQLite backup of case.sqlite, every vault original, and a manifest
// of their hashes; streamed (no original is held in memory) and written under a temp name, then renamed.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { UserError } from '../../../shared/errors.ts';
import type { AuditHead, BackupResult } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { fsyncDir, fsyncFile } from '../durable-fs.ts';
import { schemaVersion } from '../store/migrations/index.ts';
import { DATABASE_ENTRY, MANIFEST_ENTRY, vaultEntryName } from './archive-names.ts';
import { APP_VERSION, BACKUP_FORMAT, manifestBytes, type ManifestEntry } from './backup-manifest.ts';
import { openDatabase } from '../store/open-database.ts';

export async function backupCase(ctx: CaseContext, out: string): Promise<BackupResult> {
  const archive = path.resolve(out);
  const dir = path.dirname(archive);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError('not_found', `No folder ${dir} to write the backup into.`);
  if (fs.existsSync(archive)) throw new UserError('conflict', `${archive} already exists; choose a new name for the backup.`);
  if (isInside(archive, ctx.vault.root)) throw new UserError('bad_input', 'A backup cannot be written inside the case\'s vault.');

  const stem = path.join(dir, `.${path.basename(archive)}.${randomBytes(6).toString('hex')}`);
  const dbCopy = `${stem}.sqlite`;
  const temp = `${stem}.part`;
  try {
    await ctx.db.backup(dbCopy);
    const copied = describeCopy(dbCopy);
    const zip = new yazl.ZipFile();
    const archiveHash = createHash('sha256');
    let bytes = 0;
    const written = pipeline(
      zip.outputStream,
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          archiveHash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      }),
      fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
    );
    // Awaited below; a failure while adding entries must not leave this rejection unheard.
    written.catch(() => {});
    const entries: Promise<ManifestEntry>[] = [addFile(zip, dbCopy, DATABASE_ENTRY, true)];
    for (const sha256 of ctx.vault.list()) {
      entries.push(addFile(zip, ctx.vault.pathOf(sha256), vaultEntryName(sha256), false, sha256));
    }
    const manifest = {
      format: BACKUP_FORMAT,
      createdAt: ctx.now(),
      appVersion: APP_VERSION,
      schemaVersion: copied.schemaVersion,
      exhibits: copied.exhibits,
      case: { title: ctx.settings.title() },
      auditHead: copied.auditHead,
      entries: await Promise.all(entries).catch((e: unknown) => {
        (zip.outputStream as PassThrough).destroy();
        throw e;
      }),
    };
    zip.addBuffer(manifestBytes(manifest), MANIFEST_ENTRY);
    zip.end();
    await written;
    fsyncFile(temp);
    fs.renameSync(temp, archive);
    fsyncDir(dir);
    const result: BackupResult = { archive, bytes, sha256: archiveHash.digest('hex'), entries: manifest.entries.length + 1 };
    ctx.db.transaction(() => {
      ctx.audit.record({ action: 'case.backup', objectType: 'case', after: { ...result, exhibits: copied.exhibits } });
    }).immediate();
    return result;
  } finally {
    fs.rmSync(dbCopy, { force: true });
    fs.rmSync(temp, { force: true });
  }
}

/** Adds one file, hashing the bytes as they go into the archive, so the manifest records exactly what was stored. */
function addFile(zip: yazl.ZipFile, file: string, name: string, compress: boolean, expected?: string): Promise<ManifestEntry> {
  return new Promise((resolve, reject) => {
    zip.addReadStreamLazy(name, { compress }, (cb) => {
      const hash = createHash('sha256');
      let bytes = 0;
      const tap = new PassThrough();
      tap.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      tap.on('end', () => {
        const sha256 = hash.digest('hex');
        if (expected !== undefined && sha256 !== expected) {
          reject(new UserError('damaged', `The vault's copy of ${expected.slice(0, 12)}… no longer matches its hash; run "exhibit-desk verify" before backing up.`));
        } else resolve({ name, sha256, bytes });
      });
      const source = fs.createReadStream(file);
      source.on('error', reject);
      cb(null, source.pipe(tap));
    });
  });
}

/** What the copy of the database holds: its schema, its exhibits, and its audit log's newest entry. */
function describeCopy(file: string): { schemaVersion: number; exhibits: number; auditHead: AuditHead | null } {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const exhibits = (db.prepare('SELECT count(*) AS n FROM exhibits').get() as { n: number }).n;
    const auditHead = (db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined) ?? null;
    return { schemaVersion: schemaVersion(db), exhibits, auditHead };
  } finally {
    db.close();
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
