// One worker thread, as every part of the core runs one: started from its bundle with a memory limit, called one
// request at a time with a time limit and cancellation, and ended when it overruns, runs out of memory, crashes or is
// cancelled — each reported as a WorkerFailure that names what happened. A thread with no call in progress does not
// keep the process alive, so one may wait warm for the next call.
import { Worker } from 'node:worker_threads';
import { fromErrorPayload } from '../../../shared/errors.ts';
import type { CallMessage, WorkerMessage } from './worker-protocol.ts';

export type FailureReason = 'timeout' | 'aborted' | 'out_of_memory' | 'crashed' | 'unavailable' | 'closed';

/** Why a worker thread gave no answer. The thread is gone (except for a call refused because it was already cancelled). */
export class WorkerFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** For a thread that crashed on an error of its own: that error's first line. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

export function isWorkerFailure(e: unknown, reason?: FailureReason): e is WorkerFailure {
  return e instanceof WorkerFailure && (reason === undefined || e.reason === reason);
}

export interface CallOptions<Progress> {
  /** Counted from when the thread has loaded, so that starting it is not charged to the call. */
  timeoutMs?: number;
  /** Cancels the call by ending the thread. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface ThreadOptions {
  /** The thread's heap limit (V8's old generation); past it the thread ends with `out_of_memory`. */
  memoryMb: number;
  /** V8's young generation: smaller costs a thread building large files less memory and no more time. By default 64. */
  youngMb?: number;
  /** Handed to the thread as workerData: what to load before it says it is ready (a thread started ahead of need). */
  workerData?: unknown;
}

// The thread's own first code: what parsers print is noise to the user and would corrupt the CLI's --json output, so
// it is dropped here rather than piped to the caller (piped output would keep the process alive while a thread waits).
const bootstrap = (script: URL) => `
const drop = () => true;
process.stdout.write = drop;
process.stderr.write = drop;
import(${JSON.stringify(script.href)});
`;

interface Pending<Answer, Progress> {
  id: number;
  resolve(answer: Answer): void;
  reject(e: Error): void;
  onProgress?: (progress: Progress) => void;
}

export class WorkerThread<Request, Answer, Progress = never> {
  /** Settles when the thread has loaded; rejects with the WorkerFailure that ended it first. */
  readonly ready: Promise<void>;
  private worker: Worker | null = null;
  private failure: WorkerFailure | null = null;
  private pending: Pending<Answer, Progress> | null = null;
  private nextId = 1;
  private settleReady: { resolve(): void; reject(e: WorkerFailure): void } | null = null;

  constructor(script: URL | Promise<URL>, options: ThreadOptions) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    this.ready.catch(() => {}); // reported to whoever calls; a thread started ahead of need may fail unobserved
    void this.start(script, options).catch((e: unknown) => this.fail(new WorkerFailure('unavailable', `The worker could not be started (${messageOf(e)}).`)));
  }

  /** False once the thread has ended or must not be used again. */
  get usable(): boolean {
    return this.failure === null;
  }

  private async start(script: URL | Promise<URL>, options: ThreadOptions): Promise<void> {
    const url = await script;
    if (this.failure) return;
    const worker = new Worker(bootstrap(url), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: options.youngMb ?? 64, stackSizeMb: 8 },
      execArgv: withoutTypeScriptLoader(process.execArgv),
      workerData: options.workerData,
    });
    this.worker = worker;
    if (!this.pending) worker.unref();
    worker.on('message', (message: WorkerMessage<Answer, Progress>) => this.receive(message));
    worker.on('error', (e: Error & { code?: string }) =>
      this.fail(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new WorkerFailure('out_of_memory', `The worker needed more than ${options.memoryMb} MB of memory.`)
          : new WorkerFailure('crashed', `The worker stopped: ${messageOf(e)}`, messageOf(e)),
      ),
    );
    worker.on('exit', () => this.fail(new WorkerFailure('crashed', 'The worker stopped unexpectedly.')));
  }

  private receive(message: WorkerMessage<Answer, Progress>): void {
    if (message.type === 'ready') {
      this.settleReady?.resolve();
      this.settleReady = null;
      return;
    }
    if (message.type === 'unavailable') {
      this.fail(new WorkerFailure('unavailable', message.error.message));
      return;
    }
    const pending = this.pending;
    if (!pending || message.id !== pending.id) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending = null;
    this.worker?.unref();
    if (message.type === 'done') {
      pending.resolve(message.value);
      return;
    }
    pending.reject(fromErrorPayload(message.error));
    // After a bug the thread's state is not to be trusted: the next call gets a fresh one.
    if (message.error.code === 'internal') this.fail(new WorkerFailure('crashed', 'The worker was ended after an unexpected error.'));
  }

  /** Ends the thread (once) and fails whatever waited on it with the reason. */
  private fail(failure: WorkerFailure): void {
    if (this.failure) return;
    this.failure = failure;
    this.settleReady?.reject(failure);
    this.settleReady = null;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(failure);
    void this.worker?.terminate();
  }

  async call(request: Request, options: CallOptions<Progress> = {}): Promise<Answer> {
    if (this.pending) throw new Error('A worker thread takes one call at a time.');
    if (options.signal?.aborted) throw new WorkerFailure('aborted', 'The call was cancelled.');
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    // Reserved now, so that a second call while this one waits for the thread to load is refused.
    const pending: Pending<Answer, Progress> = { id, resolve: () => {}, reject: () => {}, onProgress: options.onProgress };
    this.pending = pending;
    this.worker?.ref();
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => this.fail(new WorkerFailure('aborted', 'The call was cancelled.'));
    options.signal?.addEventListener('abort', onAbort);
    try {
      const answer = new Promise<Answer>((resolve, reject) => Object.assign(pending, { resolve, reject }));
      await Promise.race([this.ready, answer]);
      if (this.failure) throw this.failure;
      this.worker!.ref(); // started after the call was made
      if (options.timeoutMs !== undefined) {
        const seconds = Number((options.timeoutMs / 1000).toFixed(2));
        timer = setTimeout(() => this.fail(new WorkerFailure('timeout', `The worker took longer than ${seconds} s.`)), options.timeoutMs);
      }
      this.worker!.postMessage({ id, request } satisfies CallMessage<Request>);
      return await answer;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (this.pending === pending) this.pending = null;
      this.worker?.unref();
    }
  }

  /** Ends the thread; a call in progress fails as `closed`. */
  async terminate(): Promise<void> {
    this.fail(new WorkerFailure('closed', 'The worker was closed.'));
    await this.worker?.terminate();
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/**
 * The thread runs a bundle, which needs no TypeScript loader; one inherited from a parent started by tsx (benchmarks,
 * scripts) would cost each thread half a second more and parse pdf.js's source map on the first stack trace.
 */
function withoutTypeScriptLoader(args: string[]): string[] {
  const isTsx = (value: string | undefined) => value !== undefined && /[\\/]tsx[\\/]/.test(value);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if ((arg === '--require' || arg === '--import') && isTsx(args[i + 1])) i++;
    else if (!(/^--(require|import)=/.test(arg) && isTsx(arg))) kept.push(arg);
  }
  return kept;
}
