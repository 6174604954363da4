// Runs OCR over every page waiting for it: one worker thread (with one Tesseract recognizer) per core at most, a time
// limit per page, progress and cancel. Each page's text is committed on its own, so a stopped run resumes where it
// left off; the exhibit's audit entry is written with its last page. A page that cannot be rendered or read (damaged,
// too big for the memory allowed, crashing its worker) is given up on with its reason, and only a run told to retry
// takes it up again; one that ran out of time is tried again by the next run, as the machine may just have been busy.
import os from 'node:os';
import type { CallOptions } from '../../../shared/api.ts';
import { isUserError } from '../../../shared/errors.ts';
import type { OcrReport } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { WaitingPage } from '../store/ocr-text.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { isWorkerFailure } from '../workers/worker-thread.ts';
import type { OcrRequest } from './ocr-protocol.ts';
import type { PageReading } from './recognizer.ts';

export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;
const MEMORY_MB = 1024;

export interface OcrArgs {
  passwords?: string[];
  pageTimeoutSeconds?: number;
  /** Also read the pages given up on earlier. */
  retry?: boolean;
  /** Only these exhibits' pages (a court export reads the pages of what it exports). */
  exhibitIds?: ReadonlySet<number>;
}

/** `final`: the page itself is at fault, so it is given up on; otherwise the next run tries it again. */
type Outcome = { reading: PageReading } | { problem: string; final: boolean } | { unavailable: string };

type Readers = WorkerPool<OcrRequest, PageReading>;

export async function runOcr(ctx: CaseContext, args: OcrArgs, options: CallOptions): Promise<OcrReport> {
  const started = performance.now();
  const report: OcrReport = { pages: 0, pending: 0, completed: [], warnings: [], cancelled: false, seconds: 0 };
  // Loaded here, not with the API: it brings PDFium and pdf.js, which most commands never need.
  const { measureOldPages } = await import('./measure-pages.ts');
  await measureOldPages(ctx, () => options.signal?.aborted === true);
  const queue = ctx.ocr.waiting(args.retry === true).filter((p) => !args.exhibitIds || args.exhibitIds.has(p.exhibitId));
  if (queue.length === 0) {
    report.cancelled = options.signal?.aborted === true;
    return report;
  }
  const timeoutMs = args.pageTimeoutSeconds === undefined ? DEFAULT_PAGE_TIMEOUT_MS : args.pageTimeoutSeconds * 1000;
  const warnings = new Set<string>();
  const total = queue.length;
  let done = 0;
  let next = 0;
  let unavailable = false;
  const stopped = () => options.signal?.aborted === true || unavailable;

  // One lane per thread, each taking the next page waiting; a thread that fails is replaced by the pool.
  const readers: Readers = new WorkerPool({ worker: 'ocr', size: Math.min(os.availableParallelism(), total), memoryMb: MEMORY_MB });
  const lane = async () => {
    while (next < queue.length && !stopped()) {
      const page = queue[next++]!;
      options.onProgress?.({ done, total, current: `${page.exhibitNo} p. ${page.page}` });
      const outcome = await readPage(readers, { file: ctx.vault.pathOf(page.sha256), page: page.page, passwords: args.passwords ?? [] }, timeoutMs, options.signal);
      if ('unavailable' in outcome) {
        warnings.add(outcome.unavailable);
        unavailable = true;
        break;
      }
      if ('reading' in outcome) {
        store(ctx, page, outcome.reading, report);
      } else if (outcome.final) {
        giveUp(ctx, page, outcome.problem, report);
        warnings.add(`${page.exhibitNo}, page ${page.page}: ${outcome.problem}; it is marked unreadable (\`ocr --retry\` tries it again).`);
      } else if (!options.signal?.aborted) {
        warnings.add(`${page.exhibitNo}, page ${page.page}: ${outcome.problem}; the next OCR run tries it again.`);
      }
      options.onProgress?.({ done: ++done, total, current: null });
    }
  };
  try {
    await Promise.all(Array.from({ length: readers.size }, lane));
  } finally {
    void readers.close();
  }

  report.cancelled = options.signal?.aborted === true;
  report.pending = ctx.ocr.waiting().length;
  report.warnings = [...warnings];
  report.seconds = Math.round(performance.now() - started) / 1000;
  return report;
}

function store(ctx: CaseContext, page: WaitingPage, reading: PageReading, report: OcrReport): void {
  ctx.db.transaction(() => {
    if (!ctx.ocr.save(page.exhibitId, page.page, reading.text, reading.layout)) return;
    report.pages++;
    recordIfComplete(ctx, page, report);
  }).immediate();
}

function giveUp(ctx: CaseContext, page: WaitingPage, reason: string, report: OcrReport): void {
  ctx.db.transaction(() => {
    if (!ctx.ocr.giveUp(page.exhibitId, page.page, reason)) return;
    ctx.audit.record({
      action: 'exhibit.ocr_unreadable',
      objectType: 'exhibit',
      objectId: page.exhibitId,
      after: { page: page.page, reason },
      sha256: [page.sha256],
    });
    if (ctx.ocr.pagesRead(page.exhibitId).length > 0) recordIfComplete(ctx, page, report);
  }).immediate();
}

/** The exhibit's audit entry, once no page of it waits any more (read, or given up on). */
function recordIfComplete(ctx: CaseContext, page: WaitingPage, report: OcrReport): void {
  if (ctx.ocr.waitingCount(page.exhibitId) > 0) return;
  ctx.audit.record({
    action: 'exhibit.ocr',
    objectType: 'exhibit',
    objectId: page.exhibitId,
    after: { pages: ctx.ocr.pagesRead(page.exhibitId) },
    sha256: [page.sha256],
  });
  report.completed.push({ id: page.exhibitId, exhibitNo: page.exhibitNo });
}

async function readPage(readers: Readers, request: OcrRequest, timeoutMs: number, signal: AbortSignal | undefined): Promise<Outcome> {
  try {
    return { reading: await readers.call(request, { timeoutMs, signal }) };
  } catch (e) {
    // A password may be given next time; anything else the worker reports is the page's own fault.
    if (isUserError(e)) return { problem: problemOf(e.message), final: e.code !== 'encrypted' };
    if (!isWorkerFailure(e)) throw e;
    switch (e.reason) {
      case 'unavailable':
        return { unavailable: e.message };
      case 'aborted':
      case 'closed':
        return { problem: 'OCR was cancelled', final: false };
      case 'timeout':
        return { problem: `OCR took longer than ${Number((timeoutMs / 1000).toFixed(2))} s and was stopped`, final: false };
      case 'out_of_memory':
        return { problem: 'the page needs more memory to read than is allowed', final: !signal?.aborted };
      default:
        return { problem: 'OCR stopped unexpectedly', final: !signal?.aborted };
    }
  }
}

function problemOf(message: string): string {
  return message.replace(/\.$/, '');
}
