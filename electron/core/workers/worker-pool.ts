// Pools of N worker threads of one kind: a call takes a free thread (starting one while fewer than N run) or waits for
// one; a thread that failed is dropped and the next call starts a fresh one in its place. A pool may be warmed ahead
// of its first call, and lets threads that wait idle longer than `idleMs` go.
import { workerScript, type WorkerName } from './worker-script.ts';
import { WorkerFailure, WorkerThread, type CallOptions } from './worker-thread.ts';

export interface PoolOptions {
  /** A worker listed in worker-entries.json, or (for tests) the URL of a worker module. */
  worker: WorkerName | URL;
  size: number;
  memoryMb: number;
  youngMb?: number;
  /** Idle threads are ended after this long without a call; by default they wait until the pool is closed. */
  idleMs?: number;
}

export class WorkerPool<Request, Answer, Progress = never> {
  private readonly threads: WorkerThread<Request, Answer, Progress>[] = [];
  /** Threads handed to a call (from when it is handed over until the call ends). */
  private readonly claimed = new Set<WorkerThread<Request, Answer, Progress>>();
  private readonly waiting: { take(thread: WorkerThread<Request, Answer, Progress>): void; refuse(e: Error): void }[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  /** `started`: threads already started (warmed ahead of the pool), taken in as its own. */
  constructor(
    private readonly options: PoolOptions,
    started: WorkerThread<Request, Answer, Progress>[] = [],
  ) {
    this.threads.push(...started.filter((t) => t.usable).slice(0, options.size));
  }

  get size(): number {
    return this.options.size;
  }

  async call(request: Request, options: CallOptions<Progress> = {}): Promise<Answer> {
    const thread = await this.acquire(options.signal);
    try {
      return await thread.call(request, options);
    } finally {
      this.release(thread);
    }
  }

  /**
   * Starts a thread now, if none runs, so that the first call finds it loaded; `workerData` tells it what more to load
   * (it does so on its own, however busy this thread is meanwhile).
   */
  warm(workerData?: unknown): void {
    if (!this.closed && this.threads.length === 0) this.threads.push(this.startThread(workerData));
  }

  /** Ends the threads that wait for a call; the pool stays open. */
  stopIdle(): void {
    for (const thread of this.threads.filter((t) => !this.claimed.has(t))) {
      this.drop(thread);
      void thread.terminate();
    }
  }

  /** Ends every thread; calls in progress or waiting fail as `closed`. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const waiter of this.waiting.splice(0)) waiter.refuse(closedFailure());
    await Promise.all(this.threads.splice(0).map((t) => t.terminate()));
  }

  private startThread(workerData?: unknown): WorkerThread<Request, Answer, Progress> {
    const { worker, memoryMb, youngMb } = this.options;
    return new WorkerThread(typeof worker === 'string' ? workerScript(worker) : worker, { memoryMb, youngMb, workerData });
  }

  private acquire(signal: AbortSignal | undefined): Promise<WorkerThread<Request, Answer, Progress>> {
    if (this.closed) return Promise.reject(closedFailure());
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (const thread of this.threads.filter((t) => !t.usable && !this.claimed.has(t))) this.drop(thread);
    const free = this.threads.find((t) => !this.claimed.has(t));
    if (free) return Promise.resolve(this.claim(free));
    if (this.threads.length < this.options.size) {
      const thread = this.startThread();
      this.threads.push(thread);
      return Promise.resolve(this.claim(thread));
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        take: (thread: WorkerThread<Request, Answer, Progress>) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(thread);
        },
        refuse: (e: Error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new WorkerFailure('aborted', 'The call was cancelled.'));
      };
      signal?.addEventListener('abort', onAbort);
      this.waiting.push(waiter);
    });
  }

  private claim(thread: WorkerThread<Request, Answer, Progress>): WorkerThread<Request, Answer, Progress> {
    this.claimed.add(thread);
    return thread;
  }

  private release(thread: WorkerThread<Request, Answer, Progress>): void {
    this.claimed.delete(thread);
    if (!thread.usable) this.drop(thread);
    const waiter = this.waiting.shift();
    if (waiter) {
      if (this.closed) return waiter.refuse(closedFailure());
      const next = thread.usable ? thread : this.startThread();
      if (next !== thread) this.threads.push(next);
      waiter.take(this.claim(next));
      return;
    }
    if (this.options.idleMs !== undefined && this.claimed.size === 0) {
      this.idleTimer = setTimeout(() => this.stopIdle(), this.options.idleMs);
      this.idleTimer.unref();
    }
  }

  private drop(thread: WorkerThread<Request, Answer, Progress>): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
  }
}

function closedFailure(): WorkerFailure {
  return new WorkerFailure('closed', 'The worker pool was closed.');
}
