// The import pipeline: walk the chosen paths, read each file in a worker, store originals and rows in input order.
import path from 'node:path';
import { UserError, toErrorPayload } from '../../../shared/errors.ts';
import type { ImportProgress, ImportReport } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { NewExhibit } from '../store/exhibits.ts';
import type { Incoming } from '../vault/vault.ts';
import { safeAttachmentName } from './attachment-name.ts';
import type { ExtractedChild, ExtractedFile } from './extract-protocol.ts';
import { exhibitTitle } from './exhibit-title.ts';
import { emptyDocument } from './extractor.ts';
import { walkPaths } from './file-walker.ts';
import { uploadedName } from './upload-staging.ts';
import { createExtractPool, type PoolOptions } from './worker-pool.ts';

export interface ImportOptions {
  passwords?: string[];
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  pool?: PoolOptions;
}

export async function importFiles(ctx: CaseContext, inputs: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], failed: [], cancelled: false };
  const { files, missing } = walkPaths(inputs);
  for (const m of missing) report.failed.push({ path: m.path, error: m.error, code: 'not_found' });
  const total = files.length;
  const progress = (done: number, current: string | null) => options.onProgress?.({ done, total, current });
  // A file sent from a browser is known by the name it was sent under, not by where it waited in the case folder.
  const caseDir = path.dirname(ctx.vault.root);
  const shownPath = (file: string) => uploadedName(caseDir, file) ?? file;
  progress(0, files[0] ? shownPath(files[0].path) : null);

  const pool = createExtractPool(options.pool);
  const passwords = options.passwords ?? [];
  // Reading runs ahead on every worker; storing follows input order so exhibit numbers are deterministic. The window is
  // wide so that one long file being read does not leave the other workers idle until it is stored.
  const lookahead = pool.size * 8;
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
      const shown = shownPath(source);
      progress(i, shown);
      const result = await reads[i]!;
      if (result instanceof UserError) report.failed.push({ path: shown, error: result.message, code: result.code });
      else if (result.error) report.failed.push({ path: shown, error: result.error.message, code: result.error.code });
      else await storeFamily(ctx, report, result, source, shown);
      const next = files[i + 1]?.path;
      progress(i + 1, next === undefined ? null : shownPath(next));
    }
  } finally {
    await pool.close();
    await Promise.allSettled(reads);
  }
  return report;
}

/** One file of a family, planned for storage: where its bytes come from and where it hangs in the family. */
interface Planned {
  file: ExtractedFile;
  original: Incoming;
  displayPath: string;
  parent: number | null; // index in the plan
  childIndex: number; // its number among its parent's stored attachments, from 1
}

/**
 * Stores a file and its attachments as one family: duplicates left out, originals into the vault, then every row
 * in one transaction — a crash leaves the whole family or none of it, never an email without its attachments.
 */
async function storeFamily(ctx: CaseContext, report: ImportReport, root: ExtractedFile, source: string, shown: string): Promise<void> {
  const plan: Planned[] = [];
  const planned = new Map<string, number>(); // sha256 → index, for the same attachment twice in one family
  const duplicates: { path: string; sha256: string; index: number | null; existingId: number | null }[] = [];
  const visit = (file: ExtractedFile, original: Incoming, displayPath: string, parent: number | null, childIndex: number): boolean => {
    const existingId = ctx.exhibits.findByHash(file.sha256);
    const earlier = planned.get(file.sha256);
    if (existingId !== null || earlier !== undefined) {
      duplicates.push({ path: displayPath, sha256: file.sha256, index: earlier ?? null, existingId });
      return false;
    }
    const index = plan.push({ file, original, displayPath, parent, childIndex }) - 1;
    planned.set(file.sha256, index);
    let stored = 0;
    file.children.forEach((child, i) => {
      const name = safeAttachmentName(child.fileName, i);
      const original = { sha256: child.sha256, bytes: child.bytes };
      if (visit(child, original, `${displayPath}#${name}`, index, stored + 1)) stored++;
    });
    return true;
  };
  visit(root, { sha256: root.sha256, path: source }, shown, null, 0);

  await ctx.vault.put(plan.map((p) => p.original));
  // Immediate: the number is taken and used under one write lock, even with the app and the CLI importing at once.
  const stored = ctx.db.transaction(() => {
    const rows: { id: number; exhibit: NewExhibit }[] = [];
    for (const p of plan) {
      const parent = p.parent === null ? null : rows[p.parent]!;
      const exhibit = newExhibit(ctx, p, parent);
      const id = ctx.exhibits.insert(exhibit, p.file.size, textsOf(p.file.doc ?? unreadableAttachment(p.file)));
      ctx.audit.record({
        action: 'exhibit.import',
        objectType: 'exhibit',
        objectId: id,
        after: { exhibitNo: exhibit.exhibitNo, title: exhibit.title, sourcePath: p.displayPath, bytes: p.file.size, parentId: exhibit.parentId },
        sha256: [p.file.sha256],
      });
      rows.push({ id, exhibit });
    }
    return rows;
  }).immediate();

  stored.forEach(({ id, exhibit }, i) =>
    report.imported.push({
      id,
      exhibitNo: exhibit.exhibitNo,
      path: plan[i]!.displayPath,
      sha256: exhibit.sha256,
      title: exhibit.title,
      kind: exhibit.kind,
      pages: exhibit.pages,
      parentId: exhibit.parentId,
      textLayer: exhibit.textLayer,
      warnings: exhibit.warnings,
    }),
  );
  for (const d of duplicates) {
    report.duplicates.push({ path: d.path, sha256: d.sha256, existingId: d.existingId ?? stored[d.index!]!.id });
  }
}

function newExhibit(ctx: CaseContext, p: Planned, parent: { id: number; exhibit: NewExhibit } | null): NewExhibit {
  const doc = p.file.doc ?? unreadableAttachment(p.file);
  const fileName = path.basename(p.displayPath.split('#').at(-1)!);
  return {
    exhibitNo: parent ? `${parent.exhibit.exhibitNo}.${p.childIndex}` : ctx.exhibits.nextExhibitNo(ctx.settings.numbering()),
    title: exhibitTitle(doc, fileName),
    kind: doc.kind,
    date: doc.date,
    author: doc.author,
    from: doc.from,
    to: doc.to,
    cc: doc.cc,
    subject: doc.subject,
    sourceName: fileName,
    sourcePath: p.displayPath,
    sha256: p.file.sha256,
    mediaType: doc.mediaType,
    pages: doc.pageCount,
    textLayer: doc.textLayer,
    encrypted: doc.encrypted,
    parentId: parent?.id ?? null,
    warnings: doc.warnings,
    importedAt: ctx.now(),
  };
}

function textsOf(doc: NonNullable<ExtractedFile['doc']>) {
  return [
    ...doc.pages.map((p) => ({ source: 'page' as const, page: p.page, text: p.text, facts: p.facts })),
    ...(doc.body ? [{ source: 'body' as const, page: null, text: doc.body }] : []),
  ];
}

/** An attachment that could not be read is still kept with its family, its reason recorded as a warning. */
function unreadableAttachment(file: ExtractedFile | ExtractedChild): NonNullable<ExtractedFile['doc']> {
  const doc = emptyDocument('other', 'application/octet-stream');
  doc.textLayer = false;
  const reason = file.error ?? toErrorPayload(new UserError('damaged', 'The attachment could not be read.'));
  doc.warnings.push(`Not read: ${reason.message}`);
  return doc;
}
