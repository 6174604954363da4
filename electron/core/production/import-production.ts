// Imports a production volume as exhibits: each valid document one exhibit (its page images assembled into a PDF, or
// its native when it has one), stored whole or not at all, in load-file order with families rebuilt; every problem
// with the volume reported by load file and line; a document already received from this volume skipped.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors.ts';
import type { ImportProgress, ImportReport, ProductionPreview } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { ExtractedFile } from '../import/extract-protocol.ts';
import { expandHome } from '../import/file-walker.ts';
import { createExtractPool, type PoolOptions } from '../import/worker-pool.ts';
import type { NewExhibit } from '../store/exhibits.ts';
import type { PageImage } from '../store/production-sources.ts';
import { sha256Of, type Incoming } from '../vault/vault.ts';
import { assembleImagePdf } from './image-pdf.ts';
import { updatedChoices, type ColumnChoices } from './field-map.ts';
import { decodeLoadFile } from './load-file-text.ts';
import { documentMetadata, loadFileFields, searchTextOf } from './production-metadata.ts';
import { readProductionVolume, type ProductionDocument, type ProductionVolume, type ReadVolumeOptions } from './volume.ts';

export interface ProductionImportOptions {
  /** Our field → load-file column ('' for none), before the case's column choices and the usual names. */
  fieldMap?: Record<string, string>;
  producingParty?: string;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  pool?: PoolOptions;
}

type Texts = Parameters<CaseContext['exhibits']['insert']>[2];

/** What a document becomes before it is stored: its original, what else goes to the vault, its rows. */
interface Prepared {
  exhibit: Omit<NewExhibit, 'exhibitNo' | 'parentId' | 'importedAt' | 'title'> & { title: string | null };
  bytes: number;
  texts: Texts;
  vault: Incoming[];
  pageImages: (PageImage & { bytes: number; mediaType: string })[];
  rendition: { sha256: string; bytes: number } | null;
}

export function inspectProduction(ctx: CaseContext, given: string, fieldMap?: Record<string, string>): ProductionPreview {
  const { root, choice } = volumeAt(given);
  const volume = readProductionVolume(root, fieldMap ?? {}, { ...choice, choices: caseChoices(ctx) });
  return {
    volume: volume.volumeName,
    datFile: volume.datFile ?? '',
    optFile: volume.optFile,
    documents: volume.documents.length,
    pages: volume.documents.reduce((n, d) => n + d.pages.length, 0),
    families: new Set(volume.documents.map((d) => d.familyId).filter((f) => f !== null)).size,
    fields: volume.fields,
    fieldMap: volume.fieldMap as Record<string, string>,
    samples: volume.samples,
    problems: volume.problems,
  };
}

export async function importProduction(ctx: CaseContext, given: string, options: ProductionImportOptions = {}): Promise<ImportReport> {
  const { root, choice } = volumeAt(given);
  const volume = readProductionVolume(root, options.fieldMap ?? {}, { ...choice, choices: caseChoices(ctx) });
  const report: ImportReport = { imported: [], duplicates: [], failed: [], cancelled: false };
  for (const p of volume.problems) {
    const message = p.line === null || /^line \d+\b/.test(p.message) ? p.message : `line ${p.line}: ${p.message}`;
    report.failed.push({ path: path.join(root, p.file), error: message, code: 'damaged' });
  }
  const documents = parentsFirst(volume.documents);
  const total = documents.length;
  const progress = (done: number, current: string | null) => options.onProgress?.({ done, total, current });
  // Exhibits this run (and earlier runs) made of the volume's documents, by BEGBATES, for their attachments.
  const received = new Map<string, number>();
  const pool = documents.some((d) => d.nativePath !== null) ? createExtractPool(options.pool) : null;
  try {
    for (let i = 0; i < documents.length; i++) {
      if (options.signal?.aborted) {
        report.cancelled = true;
        break;
      }
      const doc = documents[i]!;
      progress(i, doc.begBates);
      const where = `${root}#${doc.begBates}`;
      try {
        await importDocument(ctx, volume, root, doc, where, { report, received, pool, producingParty: options.producingParty ?? null });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        report.failed.push({ path: where, error: `line ${doc.datLine}: ${e.message}`, code: e.code });
      }
      progress(i + 1, documents[i + 1]?.begBates ?? null);
    }
  } finally {
    await pool?.close();
  }
  ctx.db.transaction(() => {
    // What the user changed from the usual names is kept for this case's next volume (a map given as is: the CLI's --field).
    if (options.fieldMap) ctx.productionSources.setColumnChoices(updatedChoices(caseChoices(ctx), volume.fields, volume.fieldMap, volume.usualFieldMap));
    ctx.audit.record({
      action: 'production.import',
      objectType: 'case',
      after: {
        volume: volume.volumeName,
        path: root,
        datFile: volume.datFile,
        producingParty: options.producingParty ?? null,
        fieldMap: volume.fieldMap,
        imported: report.imported.length,
        duplicates: report.duplicates.length,
        failed: report.failed.length,
        cancelled: report.cancelled,
      },
    });
  }).immediate();
  return report;
}

function caseChoices(ctx: CaseContext): ColumnChoices {
  return ctx.productionSources.columnChoices() as ColumnChoices;
}

/** The volume folder, or the folder of the DAT named, read with that DAT (a folder may hold several volumes' load files). */
function volumeAt(given: string): { root: string; choice: ReadVolumeOptions } {
  const resolved = path.resolve(expandHome(given));
  const isFile = fs.statSync(resolved, { throwIfNoEntry: false })?.isFile() ?? false;
  return isFile ? { root: path.dirname(resolved), choice: { datFile: resolved } } : { root: resolved, choice: {} };
}

interface Run {
  report: ImportReport;
  received: Map<string, number>;
  pool: ReturnType<typeof createExtractPool> | null;
  producingParty: string | null;
}

async function importDocument(ctx: CaseContext, volume: ProductionVolume, root: string, doc: ProductionDocument, where: string, run: Run): Promise<void> {
  const already = ctx.productionSources.findByBates(doc.begBates, volume.volumeName);
  if (already !== null) {
    run.received.set(doc.begBates.toUpperCase(), already);
    run.report.duplicates.push({ path: where, sha256: ctx.exhibits.get(already).sha256, existingId: already });
    return;
  }
  const prepared = await prepare(doc, root, where, run.pool);
  const existing = ctx.exhibits.findByHash(prepared.exhibit.sha256);
  if (existing !== null) {
    run.received.set(doc.begBates.toUpperCase(), existing);
    run.report.duplicates.push({ path: where, sha256: prepared.exhibit.sha256, existingId: existing });
    return;
  }
  const warnings = [...prepared.exhibit.warnings];
  const parentId = doc.parentBegBates === null ? null : (run.received.get(doc.parentBegBates.toUpperCase()) ?? ctx.productionSources.findByBates(doc.parentBegBates, volume.volumeName));
  if (doc.parentBegBates !== null && parentId === null) warnings.push(`Its parent ${doc.parentBegBates} was not imported, so it stands alone.`);

  await ctx.vault.put(prepared.vault);
  const meta = documentMetadata(doc);
  // Immediate: the number is taken and used under one write lock, even with the app and the CLI importing at once.
  const stored = ctx.db.transaction(() => {
    const parent = parentId === null ? null : ctx.exhibits.get(parentId);
    const exhibit: NewExhibit = {
      ...prepared.exhibit,
      title: meta.title ?? prepared.exhibit.title ?? meta.range,
      date: meta.date ?? prepared.exhibit.date,
      author: meta.author ?? prepared.exhibit.author,
      from: meta.from ?? prepared.exhibit.from,
      to: meta.to ?? prepared.exhibit.to,
      cc: meta.cc ?? prepared.exhibit.cc,
      subject: meta.subject ?? prepared.exhibit.subject,
      exhibitNo: parent ? `${parent.exhibitNo}.${ctx.exhibits.children(parent.id).length + 1}` : ctx.exhibits.nextExhibitNo(ctx.settings.numbering()),
      parentId,
      warnings,
      importedAt: ctx.now(),
    };
    const id = ctx.exhibits.insert(exhibit, prepared.bytes, prepared.texts);
    for (const p of prepared.pageImages) ctx.productionSources.keepOriginal(p.sha256, p.bytes, p.mediaType, exhibit.importedAt);
    if (prepared.rendition) ctx.productionSources.keepOriginal(prepared.rendition.sha256, prepared.rendition.bytes, 'application/pdf', exhibit.importedAt);
    ctx.productionSources.record({
      exhibitId: id,
      begBates: doc.begBates,
      endBates: doc.endBates,
      volume: volume.volumeName,
      producingParty: run.producingParty,
      fields: loadFileFields(doc, volume.fields, volume.fieldMap),
      pageImages: prepared.pageImages.map(({ path, sha256 }) => ({ path, sha256 })),
      rendition: prepared.rendition?.sha256 ?? null,
      searchText: searchTextOf(doc),
    });
    ctx.audit.record({
      action: 'exhibit.import',
      objectType: 'exhibit',
      objectId: id,
      after: { exhibitNo: exhibit.exhibitNo, title: exhibit.title, sourcePath: exhibit.sourcePath, bytes: prepared.bytes, parentId, begBates: doc.begBates, endBates: doc.endBates, volume: volume.volumeName },
      sha256: [exhibit.sha256, ...prepared.pageImages.map((p) => p.sha256), ...(prepared.rendition ? [prepared.rendition.sha256] : [])],
    });
    return { id, exhibit };
  }).immediate();
  run.received.set(doc.begBates.toUpperCase(), stored.id);
  const e = stored.exhibit;
  run.report.imported.push({ id: stored.id, exhibitNo: e.exhibitNo, path: where, sha256: e.sha256, title: e.title, kind: e.kind, pages: e.pages, parentId: e.parentId, textLayer: e.textLayer, warnings: e.warnings });
}

/** Reads the document's files: its page images assembled into a PDF, its native read as an ordinary import reads it. */
async function prepare(doc: ProductionDocument, root: string, where: string, pool: Run['pool']): Promise<Prepared> {
  const warnings: string[] = [];
  const pageImages: Prepared['pageImages'] = [];
  const images: { bytes: Uint8Array; name: string }[] = [];
  for (const page of doc.pages) {
    const bytes = readFile(page.path);
    const rel = path.relative(root, page.path).split(path.sep).join('/');
    images.push({ bytes, name: rel });
    pageImages.push({ path: rel, sha256: sha256Of(bytes), bytes: bytes.length, mediaType: mediaTypeOf(bytes) });
  }
  const pdf = images.length > 0 ? await assembleImagePdf(images) : null;
  const pdfSha = pdf ? sha256Of(pdf.bytes) : null;
  const imageVault: Incoming[] = images.map((im, i) => ({ sha256: pageImages[i]!.sha256, bytes: im.bytes }));

  let native: ExtractedFile | null = null;
  if (doc.nativePath !== null && pool) {
    const read = await pool.extract(doc.nativePath, path.basename(doc.nativePath), []).catch((e: unknown) => {
      if (e instanceof UserError) return e;
      throw e;
    });
    const why = read instanceof UserError ? read.message : read.error?.message;
    if (why === undefined && !(read instanceof UserError) && read.doc) native = read;
    else if (pdf === null) throw new UserError('damaged', `the native file ${path.basename(doc.nativePath)} could not be read: ${why ?? 'unknown error'}`);
    else warnings.push(`The native file ${path.basename(doc.nativePath)} could not be read (${why ?? 'unknown error'}); the page images are the original.`);
  }

  if (native && native.doc) {
    const d = native.doc;
    return {
      exhibit: {
        title: d.title ?? d.subject,
        kind: d.kind,
        date: d.date,
        author: d.author,
        from: d.from,
        to: d.to,
        cc: d.cc,
        subject: d.subject,
        sourceName: path.basename(doc.nativePath!),
        sourcePath: doc.nativePath!,
        sha256: native.sha256,
        mediaType: d.mediaType,
        pages: d.pageCount,
        textLayer: d.textLayer,
        encrypted: d.encrypted,
        warnings: [...d.warnings, ...warnings],
      },
      bytes: native.size,
      texts: [
        ...d.pages.map((p) => ({ source: 'page' as const, page: p.page, text: p.text, ...(p.facts ? { facts: p.facts } : {}) })),
        ...(d.body ? [{ source: 'body' as const, page: null, text: d.body }] : []),
      ],
      vault: [{ sha256: native.sha256, path: doc.nativePath! }, ...imageVault, ...(pdf ? [{ sha256: pdfSha!, bytes: pdf.bytes }] : [])],
      pageImages,
      rendition: pdf ? { sha256: pdfSha!, bytes: pdf.bytes.length } : null,
    };
  }
  if (!pdf) throw new UserError('damaged', 'the document has neither page images nor a native file that can be read');
  return {
    exhibit: {
      title: null,
      kind: 'pdf',
      date: null,
      author: null,
      from: null,
      to: null,
      cc: null,
      subject: null,
      sourceName: `${doc.begBates}.pdf`,
      sourcePath: where,
      sha256: pdfSha!,
      mediaType: 'application/pdf',
      pages: pdf.pages,
      textLayer: false,
      encrypted: false,
      warnings,
    },
    bytes: pdf.bytes.length,
    texts: pageTexts(doc, pdf.pages),
    vault: [...imageVault, { sha256: pdfSha!, bytes: pdf.bytes }],
    pageImages,
    rendition: null,
  };
}

/**
 * The produced text as the pages' text: split on form feeds when there is a part per page, else all on page 1. The
 * pages are pictures, so a page whose text is (almost) nothing is read by OCR, as a scanned PDF's is; with no text
 * file at all, every page waits for OCR.
 */
function pageTexts(doc: ProductionDocument, pages: number): Texts {
  const text = producedText(doc);
  let parts = text === null ? [] : text.split('\f');
  if (parts.length === pages + 1 && parts.at(-1)!.trim() === '') parts = parts.slice(0, pages);
  if (parts.length !== pages) parts = text === null ? [] : [text];
  return Array.from({ length: pages }, (_, i) => {
    const t = (parts[i] ?? '').trim();
    return { source: 'page' as const, page: i + 1, text: t, facts: { imageCover: 1, bodyChars: t.replace(/\s/g, '').length } };
  });
}

/** The TEXT file's contents, or the text the DAT itself carries in its text column (some load files do). */
function producedText(doc: ProductionDocument): string | null {
  if (doc.textPath !== null) return decodeLoadFile(readFile(doc.textPath)).text.replace(/\r\n?/g, '\n');
  const inline = doc.fields['textPath'] ?? '';
  return inline.includes('\n') || inline.length > 260 ? inline : null;
}

/**
 * The DAT's order, except that an attachment listed before its parent waits for it: an attachment's exhibit number
 * and parent come from its parent's exhibit.
 */
function parentsFirst(documents: ProductionDocument[]): ProductionDocument[] {
  const inVolume = new Set(documents.map((d) => d.begBates.toUpperCase()));
  const placed = new Set<string>();
  const waiting = new Map<string, ProductionDocument[]>();
  const out: ProductionDocument[] = [];
  const place = (d: ProductionDocument) => {
    out.push(d);
    const key = d.begBates.toUpperCase();
    placed.add(key);
    for (const child of waiting.get(key) ?? []) place(child);
    waiting.delete(key);
  };
  for (const d of documents) {
    const parent = d.parentBegBates?.toUpperCase();
    if (parent !== undefined && inVolume.has(parent) && !placed.has(parent)) waiting.set(parent, [...(waiting.get(parent) ?? []), d]);
    else place(d);
  }
  for (const rest of waiting.values()) out.push(...rest);
  return out;
}

function mediaTypeOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d)) return 'image/tiff';
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'application/pdf';
  return 'application/octet-stream';
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UserError('io', `${path.basename(file)} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
