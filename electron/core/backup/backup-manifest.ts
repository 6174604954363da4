// manifest.json inside a case backup: what the archive holds (every entry's SHA-256 and size) and where it came from.
import { createRequire } from 'node:module';
import { z } from 'zod';
import { UserError } from '../../../shared/errors.ts';
import { damaged } from './archive-names.ts';

export const BACKUP_FORMAT = 'exhibit-desk-backup/1' as const;

const entrySchema = z
  .object({
    name: z.string().min(1).max(200),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

const manifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    createdAt: z.string().max(40),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().nonnegative(),
    exhibits: z.number().int().nonnegative(),
    case: z.object({ title: z.string().max(1000) }).strict(),
    // The audit log's newest entry when the backup was made (absent in backups from before it was recorded).
    auditHead: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict().nullable().optional(),
    entries: z.array(entrySchema),
  })
  .strict();

export type BackupManifest = z.output<typeof manifestSchema>;
export type ManifestEntry = BackupManifest['entries'][number];

export const APP_VERSION = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

/** A manifest beyond this size is refused before it is read: ~200 bytes per entry, for the entries the archive holds. */
export function manifestLimit(entryCount: number): number {
  return 64 * 1024 + entryCount * 256;
}

export function manifestBytes(manifest: BackupManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

export function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damaged('manifest.json cannot be read');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const format = (json as { format?: unknown } | null)?.format;
    if (typeof format === 'string' && format.startsWith('exhibit-desk-backup/') && format !== BACKUP_FORMAT) {
      throw new UserError('case_too_new', `This backup was written by a newer version of Exhibit Desk (${format.slice(0, 40)}); update the app to restore it.`);
    }
    throw damaged('manifest.json is not a case backup manifest');
  }
  return parsed.data;
}
