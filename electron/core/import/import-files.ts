// The import pipeline: walk the chosen paths, read each file in a worker, store originals and rows in input order.
import path from 'node:path';
import { UserError, toErrorPayload } from '../../../shared/errors.ts';
import type { ImportProgress, ImportReport } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { NewExhibit } from '../store/exhibits.ts';
import { safeAttachmentName } from './attachment-name.ts';
import type { ExtractedChild, ExtractedFile } from './extract-protocol.ts';
import { emptyDocument } from './extractor.ts';
import { walkPaths } from './file-walker.ts';
import { createExtractPool, type PoolOptions } from './worker-pool.ts';

export interface ImportOptions {
  passwords?: string[];
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  pool?: PoolOptions;
}

type Origin = { path: string } | { bytes: Uint8Array };

export async function importFiles(ctx: CaseContext, inputs: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], failed: [], cancelled: false };
  const { files, missing } = walkPaths(inputs);
  for (const m of missing) report.failed.push({ path: m.path, error: m.error, code: 'not_found' });
  const total = files.length;
  const progress = (done: number, current: string | null) => options.onProgress?.({ done, total, current });
  progress(0, files[0]?.path ?? null);

  const pool = createExtractPool(options.pool);
  const passwords = options.passwords ?? [];
  // Reading runs ahead on every worker; storing follows input order so exhibit numbers are deterministic.
  const lookahead = (options.pool?.size ?? 2) * 2;
  const reads: Promise<ExtractedFile | UserError>[] = [];
  const startRead = (i: number) => {
    const file = files[i];
    if (!file || reads[i]) return;
    reads[i] = pool.extract(file.path, path.basename(file.path), passwords).catch((e: unknown) => {
      if (e instanceof UserError) return e;
      throw e;
    });
  };
  try {
    for (let i = 0; i < files.length; i++) {
      if (options.signal?.aborted) {
        report.cancelled = true;
        break;
      }
      for (let j = i; j < i + lookahead; j++) startRead(j);
      const source = files[i]!.path;
      progress(i, source);
      const result = await reads[i]!;
      if (result instanceof UserError) report.failed.push({ path: source, error: result.message, code: result.code });
      else if (result.error) report.failed.push({ path: source, error: result.error.message, code: result.error.code });
      else await storeFile(ctx, report, result, { path: source }, source, null);
      progress(i + 1, files[i + 1]?.path ?? null);
    }
  } finally {
    await pool.close();
    await Promise.allSettled(reads);
  }
  return report;
}

async function storeFile(
  ctx: CaseContext,
  report: ImportReport,
  file: ExtractedFile,
  origin: Origin,
  displayPath: string,
  parent: { id: number; exhibitNo: string; childIndex: number } | null,
): Promise<boolean> {
  const existingId = ctx.exhibits.findByHash(file.sha256);
  if (existingId !== null) {
    report.duplicates.push({ path: displayPath, sha256: file.sha256, existingId });
    return false;
  }
  const doc = file.doc ?? unreadableAttachment(file);
  if ('path' in origin) await ctx.vault.putFile(origin.path, file.sha256);
  else await ctx.vault.putBytes(origin.bytes, file.sha256);

  const fileName = path.basename(displayPath.split('#').at(-1)!);
  const exhibit: NewExhibit = {
    exhibitNo: '',
    title: doc.title ?? doc.subject ?? fileName.replace(/\.[^.]+$/, ''),
    kind: doc.kind,
    date: doc.date,
    author: doc.author,
    from: doc.from,
    to: doc.to,
    cc: doc.cc,
    subject: doc.subject,
    sourceName: fileName,
    sourcePath: displayPath,
    sha256: file.sha256,
    mediaType: doc.mediaType,
    pages: doc.pageCount,
    textLayer: doc.textLayer,
    encrypted: doc.encrypted,
    parentId: parent?.id ?? null,
    warnings: doc.warnings,
    importedAt: ctx.now(),
  };
  const texts = [
    ...doc.pages.map((p) => ({ source: 'page' as const, page: p.page, text: p.text })),
    ...(doc.body ? [{ source: 'body' as const, page: null, text: doc.body }] : []),
  ];
  // Immediate: the number is taken and used under one write lock, even with the app and the CLI importing at once.
  const id = ctx.db.transaction(() => {
    exhibit.exhibitNo = parent
      ? `${parent.exhibitNo}.${parent.childIndex}`
      : ctx.exhibits.nextExhibitNo(ctx.settings.numbering());
    const newId = ctx.exhibits.insert(exhibit, file.size, texts);
    ctx.audit.record({
      action: 'exhibit.import',
      objectType: 'exhibit',
      objectId: newId,
      after: { exhibitNo: exhibit.exhibitNo, title: exhibit.title, sourcePath: displayPath, bytes: file.size, parentId: exhibit.parentId },
      sha256: [file.sha256],
    });
    return newId;
  }).immediate();
  report.imported.push({
    id,
    exhibitNo: exhibit.exhibitNo,
    path: displayPath,
    sha256: file.sha256,
    title: exhibit.title,
    kind: exhibit.kind,
    pages: exhibit.pages,
    parentId: exhibit.parentId,
    textLayer: exhibit.textLayer,
    warnings: exhibit.warnings,
  });
  let stored = 0;
  for (const [i, child] of file.children.entries()) {
    const name = safeAttachmentName(child.fileName, i);
    const family = { id, exhibitNo: exhibit.exhibitNo, childIndex: stored + 1 };
    if (await storeFile(ctx, report, child, { bytes: child.bytes }, `${displayPath}#${name}`, family)) stored++;
  }
  return true;
}

/** An attachment that could not be read is still kept with its family, its reason recorded as a warning. */
function unreadableAttachment(file: ExtractedFile | ExtractedChild): NonNullable<ExtractedFile['doc']> {
  const doc = emptyDocument('other', 'application/octet-stream');
  doc.textLayer = false;
  const reason = file.error ?? toErrorPayload(new UserError('damaged', 'The attachment could not be read.'));
  doc.warnings.push(`Not read: ${reason.message}`);
  return doc;
}
