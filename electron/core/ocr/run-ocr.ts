// Runs OCR over every page waiting for it: one worker thread (with one Tesseract recognizer) per core at most, a time
// limit per page, progress and cancel. Each page's text is committed on its own, so a stopped run resumes where it
// left off; the exhibit's audit entry is written with its last page. A page that cannot be rendered or read (damaged,
// too big for the memory allowed, crashing its worker) is given up on with its reason, and only a run told to retry
// takes it up again; one that ran out of time is tried again by the next run, as the machine may just have been busy.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CallOptions } from '../../../shared/api.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import type { OcrReport } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { WaitingPage } from '../store/ocr-text.ts';
import { spawnWorker } from '../workers/spawn-worker.ts';
import { measureOldPages } from './measure-pages.ts';
import type { OcrReady, OcrRequest, OcrResponse } from './ocr-protocol.ts';
import type { PageReading } from './recognizer.ts';

export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;
const WORKER_URL = new URL('./ocr-worker.ts', import.meta.url);
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
type Outcome = { reading: PageReading } | { problem: string; broken: boolean; final: boolean };

/** One worker thread and its recognizer, reading one page at a time. */
interface Reader {
  read(req: Omit<OcrRequest, 'id'>): Promise<Outcome>;
  close(): void;
}

export async function runOcr(ctx: CaseContext, args: OcrArgs, options: CallOptions): Promise<OcrReport> {
  const started = performance.now();
  const report: OcrReport = { pages: 0, pending: 0, completed: [], warnings: [], cancelled: false, seconds: 0 };
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

  const lane = async () => {
    let reader: Reader | null = null;
    try {
      while (next < queue.length && !stopped()) {
        const page = queue[next++]!;
        options.onProgress?.({ done, total, current: `${page.exhibitNo} p. ${page.page}` });
        if (stopped()) break;
        if (!reader) {
          const startedReader = await startReader(timeoutMs, options.signal);
          if ('unavailable' in startedReader) {
            warnings.add(startedReader.unavailable);
            unavailable = true;
            break;
          }
          reader = startedReader;
          if (stopped()) break;
        }
        const outcome = await reader.read({ file: ctx.vault.pathOf(page.sha256), page: page.page, passwords: args.passwords ?? [] });
        if ('reading' in outcome) {
          store(ctx, page, outcome.reading, report);
        } else if (outcome.final) {
          giveUp(ctx, page, outcome.problem, report);
          warnings.add(`${page.exhibitNo}, page ${page.page}: ${outcome.problem}; it is marked unreadable (\`ocr --retry\` tries it again).`);
        } else if (!options.signal?.aborted) {
          warnings.add(`${page.exhibitNo}, page ${page.page}: ${outcome.problem}; the next OCR run tries it again.`);
        }
        if (!('reading' in outcome) && outcome.broken) {
          reader.close();
          reader = null;
        }
        options.onProgress?.({ done: ++done, total, current: null });
      }
    } finally {
      reader?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(os.availableParallelism(), total) }, lane));

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

async function startReader(timeoutMs: number, signal: AbortSignal | undefined): Promise<Reader | { unavailable: string }> {
  const worker = spawnWorker(WORKER_URL, { maxOldGenerationSizeMb: MEMORY_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 });
  const ready = await new Promise<OcrReady>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (e) => resolve({ type: 'unavailable', error: { code: 'internal', message: `OCR could not start (${e.message}).` } }));
    worker.once('exit', () => resolve({ type: 'unavailable', error: { code: 'internal', message: 'OCR could not start.' } }));
  });
  worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  if (ready.type === 'unavailable') {
    void worker.terminate();
    return { unavailable: ready.error.message };
  }
  let nextId = 1;
  return {
    read: (req) => readPage(worker, { ...req, id: nextId++ }, timeoutMs, signal),
    close: () => void worker.terminate(),
  };
}

function readPage(worker: Worker, req: OcrRequest, timeoutMs: number, signal: AbortSignal | undefined): Promise<Outcome> {
  return new Promise((resolve) => {
    const finish = (outcome: Outcome) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
      resolve(outcome);
    };
    const onMessage = (res: OcrResponse) => {
      if (res.id !== req.id) return;
      // A password may be given next time; anything else the worker reports is the page's own fault.
      finish(res.ok ? { reading: res.reading } : { problem: problemOf(res.error), broken: false, final: res.error.code !== 'encrypted' });
    };
    const onAbort = () => finish({ problem: 'OCR was cancelled', broken: true, final: false });
    const timer = setTimeout(
      () => finish({ problem: `OCR took longer than ${Number((timeoutMs / 1000).toFixed(2))} s and was stopped`, broken: true, final: false }),
      timeoutMs,
    );
    worker.on('message', onMessage);
    worker.once('error', (e: Error & { code?: string }) =>
      finish({
        problem: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the page needs more memory to read than is allowed' : 'OCR stopped unexpectedly',
        broken: true,
        final: !signal?.aborted,
      }),
    );
    worker.once('exit', () => finish({ problem: 'OCR stopped unexpectedly', broken: true, final: !signal?.aborted }));
    signal?.addEventListener('abort', onAbort);
    worker.postMessage(req);
  });
}

function problemOf(error: ErrorPayload): string {
  return error.message.replace(/\.$/, '');
}
