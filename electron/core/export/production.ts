// A production volume: DATA/VOL.dat and VOL.opt, IMAGES/ (a single-page Group 4 TIFF per black-and-white page, a JPEG
// per colour page, or one PDF per document), TEXT/ and NATIVES/, in folders of at most 1,000 files; Bates numbers
// reserved per prefix so that no production reuses one; withheld documents replaced by a slip sheet and listed in the
// privilege log beside the load files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../../shared/errors.ts';
import type { BatesSettings } from '../../../shared/api.ts';
import { writeDat } from '../production/dat.ts';
import { writeOpt, type OptPageToWrite } from '../production/opt.ts';
import { assignBates, batesAssignment, batesNumber, type FamilyBates } from './bates.ts';
import { writeOutputFile } from './export-folder.ts';
import type { ExportArgs, ExportJob, ExportOutcome, Exporter, ExportedExhibit, WrittenFile } from './export-job.ts';
import { peekBates, reserveBates } from './production-bates.ts';
import { IMAGE_EXTENSIONS, imageScratch, pdfPageTexts, renderPageImages, type ImageScratch } from './production-images.ts';
import { DAT_FIELDS, datRow, loadFilePath, storedText, writePrivilegeLog, type ProducedDocument } from './production-load-files.ts';
import { drawDocumentPages } from './production-pages.ts';
import { planProduction, type PlannedDocument, type PlannedFamily } from './production-plan.ts';
import { needsCleaning, redactionSettings } from './redaction-log.ts';
import { familyConfidentiality, type RedactionRun, type RenderSource } from './rendition.ts';
import { LEGENDS } from './stamp.ts';
import type { StampSettings } from './stamped-pages.ts';
import { Volume } from './volume.ts';

export const productionExporter: Exporter<'production'> = { kind: 'production', run: exportProduction };

/** Files per folder of IMAGES/, TEXT/ and NATIVES/: what review platforms and file systems handle without trouble. */
const FOLDER_SIZE = 1000;

interface Run {
  job: ExportJob;
  args: ExportArgs<'production'>;
  source: RenderSource;
  volume: string;
  settings: StampSettings;
  courtClean: boolean;
  scratch: string;
  /** Memory the page images are drawn in, reused from page to page. */
  pixels: ImageScratch;
  files: WrittenFile[];
  opt: OptPageToWrite[];
  documents: ProducedDocument[];
  images: number;
  /** Pages written as JPEG because they are in colour. */
  colourPages: number;
  pagesDone: number;
  totalPages: number;
}

async function exportProduction(job: ExportJob, args: ExportArgs<'production'>): Promise<ExportOutcome> {
  const redact: RedactionRun | null = args.redactions ? { labels: false, applied: [] } : null;
  const source: RenderSource = { ctx: job.ctx, passwords: args.passwords ?? [], pageSize: null, redact };
  const planned = await planProduction(job, source, args);
  if (planned.length === 0) throw new UserError('not_found', 'The selection holds no exhibits: there is nothing to produce.');
  const totalPages = planned.reduce((n, p) => n + p.family.pageCount, 0);
  const preview = job.previewPages !== undefined;
  const reservation = preview ? peekBates(job, args.prefix) : reserveBates(job, args.prefix, args.digits, totalPages, args.volume);
  const volume = args.volume ?? reservation.volume;
  const bates: BatesSettings = { prefix: args.prefix, digits: args.digits, start: reservation.start, position: 'bottom-right' };
  const numbers = assignBates(bates, planned.map((p) => p.family));
  const settings: StampSettings = { bates, caseNumber: null, label: false };
  const courtClean = needsCleaning(job, {}, redact);
  if (preview) return previewProduction(job, source, planned, numbers, settings, volume, courtClean);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-desk-production-'));
  const run: Run = { job, args, source, volume, settings, courtClean, scratch, pixels: imageScratch(), files: [], opt: [], documents: [], images: 0, colourPages: 0, pagesDone: 0, totalPages };
  const exhibits: ExportedExhibit[] = [];
  try {
    for (const [i, p] of planned.entries()) {
      job.checkCancelled();
      const before = run.files.length;
      for (const doc of p.documents) await produceDocument(run, p, numbers[i]!, doc);
      exhibits.push(exportedFamily(p, numbers[i]!, run.files.slice(before).map((f) => f.name)));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  job.progress(totalPages, totalPages, 'Load files');
  const data = (ext: string) => `${volume}/DATA/${volume}.${ext}`;
  const all = planned.map((p) => p.family.head.exhibitNo);
  const dat = writeBeside(job, data('dat'), writeDat(DAT_FIELDS, run.documents.map(datRow)));
  const opt = writeBeside(job, data('opt'), new TextEncoder().encode(writeOpt(run.opt)));
  run.files.push({ name: data('dat'), ...dat, pages: null, exhibits: all }, { name: data('opt'), ...opt, pages: null, exhibits: all });
  run.files.push(...(await writePrivilegeLog(job, volume, volume, run.documents)));
  job.progress(totalPages, totalPages, null);
  const first = batesNumber(bates, bates.start);
  const last = batesNumber(bates, bates.start + totalPages - 1);
  return {
    files: run.files,
    exhibits,
    bates: batesAssignment(numbers),
    settings: {
      select: args.select,
      volume,
      prefix: args.prefix,
      digits: args.digits,
      range: { first, last, pages: totalPages },
      numbersReserved: reservation.reserved,
      documents: run.documents.length,
      withheld: run.documents.filter((d) => d.withheld).length,
      images: args.images,
      ...(args.images === 'tiff' ? { colourPages: run.colourPages } : {}),
      text: args.text,
      natives: args.natives,
      ...redactionSettings({ redactions: args.redactions, redactionLabels: false }, redact),
    },
  };
}

/** Draws one document's pages and writes its images, text and native file; adds its DAT row and OPT lines. */
async function produceDocument(run: Run, p: PlannedFamily, numbers: FamilyBates, doc: PlannedDocument): Promise<void> {
  const { job, args, source } = run;
  const m = doc.member;
  const e = m.exhibit;
  const begBates = batesNumber(run.settings.bates, numbers.start + m.firstPage);
  const endBates = batesNumber(run.settings.bates, numbers.start + m.firstPage + m.pages.length - 1);
  job.progress(run.pagesDone, run.totalPages, `${e.exhibitNo} – ${doc.withheld ? 'withheld' : e.title}`);
  const what = `${e.exhibitNo} (${begBates})`;
  // Where redactions were applied, the text is what the redacted images show, never the stored text they removed.
  const textFromImages = args.text && doc.form === 'imaged' && !!source.redact && source.ctx.redactions.acceptedByPage(e.id).size > 0;
  const pdfName = args.images === 'pdf' ? `${run.volume}/IMAGES/${folderOf(run.documents.length)}/${begBates}.pdf` : null;
  const pdfFile = pdfName ? path.join(job.folder, pdfName) : path.join(run.scratch, `${begBates}.pdf`);
  fs.mkdirSync(path.dirname(pdfFile), { recursive: true });
  const vol = await Volume.create(pdfFile, { title: doc.withheld ? `${begBates} – withheld` : `${begBates} – ${e.title}`, createdAt: job.createdAt, courtClean: run.courtClean });
  let drawn: { sha256: string; bytes: number; pages: number };
  try {
    vol.keep(vol.draft(await drawDocumentPages(job, source, vol, p.family, numbers, doc, run.settings)));
    drawn = await vol.finish();
  } finally {
    vol.abandon();
  }
  let texts: string[] = [];
  if (pdfName) {
    run.files.push({ name: pdfName, ...drawn, exhibits: [p.family.head.exhibitNo] });
    run.opt.push({ key: begBates, volume: run.volume, imagePath: loadFilePath(relative(pdfName, run.volume)), docBreak: true, pageCount: drawn.pages });
    if (textFromImages) texts = await pdfPageTexts(fs.readFileSync(pdfFile), drawn.pages, what);
  } else {
    const rendered = await renderPageImages(fs.readFileSync(pdfFile), drawn.pages, textFromImages, what, run.pixels);
    fs.rmSync(pdfFile);
    texts = rendered.texts;
    for (const [k, image] of rendered.images.entries()) {
      const key = batesNumber(run.settings.bates, numbers.start + m.firstPage + k);
      const name = `${run.volume}/IMAGES/${folderOf(run.images++)}/${key}${IMAGE_EXTENSIONS[image.format]}`;
      if (image.format === 'jpeg') run.colourPages++;
      fs.mkdirSync(path.join(job.folder, path.dirname(name)), { recursive: true });
      run.files.push({ name, ...writeOutputFile(path.join(job.folder, name), image.bytes), pages: 1, exhibits: [p.family.head.exhibitNo] });
      run.opt.push({ key, volume: run.volume, imagePath: loadFilePath(relative(name, run.volume)), docBreak: k === 0, pageCount: k === 0 ? drawn.pages : null });
    }
  }
  run.pagesDone += drawn.pages;

  const original = doc.withheld ? null : await source.ctx.vault.read(e.sha256);
  let textPath: string | null = null;
  if (args.text && !doc.withheld) {
    textPath = `TEXT/${folderOf(run.documents.length)}/${begBates}.txt`;
    const text = textFromImages ? texts.join('\f') : storedText(source.ctx, e, m.pages.length);
    run.files.push({ name: `${run.volume}/${textPath}`, ...writeBeside(job, `${run.volume}/${textPath}`, utf8(text)), pages: null, exhibits: [p.family.head.exhibitNo] });
  }
  let nativePath: string | null = null;
  if (doc.native && original) {
    nativePath = `NATIVES/${folderOf(run.documents.length)}/${begBates}${path.extname(e.sourceName).toLowerCase()}`;
    run.files.push({ name: `${run.volume}/${nativePath}`, ...writeBeside(job, `${run.volume}/${nativePath}`, original), pages: null, exhibits: [p.family.head.exhibitNo] });
  }
  const family = p.documents.length > 1 ? numbers.family : null;
  run.documents.push({
    exhibit: e,
    begBates,
    endBates,
    begAttach: family?.first ?? '',
    endAttach: family?.last ?? '',
    pages: drawn.pages,
    confidentiality: LEGENDS[familyConfidentiality(p.family)] ?? '',
    withheld: doc.withheld,
    md5: original ? createHash('md5').update(original).digest('hex').toUpperCase() : '',
    textPath,
    nativePath,
  });
}

/** The preview: the first pages of the production as one PDF, stamped as they will be; nothing reserved or written. */
async function previewProduction(
  job: ExportJob,
  source: RenderSource,
  planned: PlannedFamily[],
  numbers: FamilyBates[],
  settings: StampSettings,
  volume: string,
  courtClean: boolean,
): Promise<ExportOutcome> {
  const name = `${volume}.pdf`;
  const vol = await Volume.create(path.join(job.folder, name), { title: `${volume} – preview`, createdAt: job.createdAt, courtClean });
  let room = job.previewPages ?? Infinity;
  try {
    for (const [i, p] of planned.entries()) {
      for (const doc of p.documents) {
        if (room <= 0) break;
        const pages = await drawDocumentPages(job, source, vol, p.family, numbers[i]!, doc, settings, room);
        room -= pages.length;
        vol.keep(vol.draft(pages));
      }
    }
    const done = await vol.finish();
    return { files: [{ name, ...done, exhibits: planned.map((p) => p.family.head.exhibitNo) }], exhibits: [], bates: null, settings: {} };
  } finally {
    vol.abandon();
  }
}

/** What the manifest says a family became: its range, its files, and the originals it reproduces (withheld ones are not). */
function exportedFamily(p: PlannedFamily, numbers: FamilyBates, files: string[]): ExportedExhibit {
  const head = p.family.head;
  return {
    exhibitId: head.id,
    exhibitNo: head.exhibitNo,
    title: head.title,
    bates: { first: numbers.family.first, last: numbers.family.last },
    pages: p.family.pageCount,
    files,
    originals: p.documents
      .map((d, i) => ({ d, range: numbers.members[i]! }))
      .filter(({ d }) => d.withheld === null)
      .map(({ d, range }) => ({
        exhibitId: d.member.exhibit.id,
        exhibitNo: d.member.exhibit.exhibitNo,
        sourceName: d.member.exhibit.sourceName,
        sha256: d.member.exhibit.sha256,
        bates: { first: range.first, last: range.last },
      })),
  };
}

/** "0001" for the first 1,000 files, "0002" for the next … */
function folderOf(index: number): string {
  return String(Math.floor(index / FOLDER_SIZE) + 1).padStart(4, '0');
}

function relative(name: string, volume: string): string {
  return name.slice(volume.length + 1);
}

function writeBeside(job: ExportJob, name: string, bytes: Uint8Array) {
  fs.mkdirSync(path.join(job.folder, path.dirname(name)), { recursive: true });
  return writeOutputFile(path.join(job.folder, name), bytes);
}

/** UTF-8 with a byte order mark, which review platforms take as the sign of UTF-8 rather than guessing a code page. */
function utf8(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
