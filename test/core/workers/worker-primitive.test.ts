// The worker primitive on tiny generated workers (built with the real serve-calls.ts): an answer with progress, a time
// limit, cancelling, a crash, running out of memory, a worker that cannot start, a bug, replacement after each failure,
// a pool of N, and an idle thread that lets its process end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../electron/core/workers/worker-pool.ts';
import { WorkerFailure, WorkerThread } from '../../../electron/core/workers/worker-thread.ts';
import { tempDir } from '../../fixtures/case.ts';

const SERVE_CALLS = fileURLToPath(new URL('../../../electron/core/workers/serve-calls.ts', import.meta.url));

type Request = { do: 'echo' | 'sleep' | 'hang' | 'exit' | 'throw' | 'bug' | 'grow' | 'refuse'; ms?: number };
type Answer = { threadId: number; value?: string };

const WORKERS = {
  // Answers by what it is asked to do; `threadId` tells threads apart.
  main: `
    import { threadId } from 'node:worker_threads';
    import { UserError } from ${JSON.stringify(fileURLToPath(new URL('../../../shared/errors.ts', import.meta.url)))};
    import { serveCalls } from ${JSON.stringify(SERVE_CALLS)};
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    await serveCalls({
      async answer(req, progress) {
        switch (req.do) {
          case 'echo': progress({ step: 1 }); progress({ step: 2 }); return { threadId, value: 'hello' };
          case 'sleep': await sleep(req.ms); return { threadId };
          case 'hang': for (;;) {}
          case 'exit': process.exit(3);
          case 'throw': setTimeout(() => { throw new Error('a parser blew up'); }); return new Promise(() => {});
          case 'refuse': throw new UserError('damaged', 'The file is broken.');
          case 'bug': throw new TypeError('undefined is not a function');
          case 'grow': { const kept = []; for (;;) kept.push(new Array(1e6).fill(Math.random())); }
        }
      },
    });`,
  // Its engine cannot load: the thread takes no calls.
  unavailable: `
    import { UserError } from ${JSON.stringify(fileURLToPath(new URL('../../../shared/errors.ts', import.meta.url)))};
    import { serveCalls } from ${JSON.stringify(SERVE_CALLS)};
    await serveCalls({ async load() { throw new UserError('damaged', 'The engine is missing.'); }, async answer() { return null; } });`,
  // Loads what it is told to at start (workerData), before it says it is ready.
  warmable: `
    import { workerData } from 'node:worker_threads';
    import { serveCalls } from ${JSON.stringify(SERVE_CALLS)};
    let loaded = null;
    await serveCalls({ async load() { loaded = workerData ?? null; }, async answer() { return loaded; } });`,
  // Prints as it answers: what a worker prints must not reach the caller's output.
  noisy: `
    import { serveCalls } from ${JSON.stringify(SERVE_CALLS)};
    console.log('NOISE from loading');
    await serveCalls({ async answer() { console.log('NOISE'); console.error('NOISE'); process.stdout.write('NOISE'); return 'quiet'; } });`,
};

let dir: string;
const url = (name: keyof typeof WORKERS) => pathToFileURL(path.join(dir, `${name}.mjs`));

beforeAll(() => {
  dir = tempDir('worker-primitive-');
  for (const [name, code] of Object.entries(WORKERS)) {
    const source = path.join(dir, `${name}.ts`);
    fs.writeFileSync(source, code);
    buildSync({ entryPoints: [source], outfile: path.join(dir, `${name}.mjs`), bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function failureOf(p: Promise<unknown>): Promise<WorkerFailure> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkerFailure);
  return e as WorkerFailure;
}

describe('a worker thread', () => {
  it('answers a call with its progress on the way, then the next call', async () => {
    const thread = new WorkerThread<Request, Answer, { step: number }>(url('main'), { memoryMb: 64 });
    const steps: number[] = [];
    const answer = await thread.call({ do: 'echo' }, { onProgress: (p) => steps.push(p.step) });
    expect(answer.value).toBe('hello');
    expect(steps).toEqual([1, 2]);
    expect((await thread.call({ do: 'echo' })).threadId).toBe(answer.threadId);
    await thread.terminate();
  });

  it('ends a call over its time limit, counted from when the thread has loaded', async () => {
    const thread = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 64 });
    const started = performance.now();
    const failure = await failureOf(thread.call({ do: 'hang' }, { timeoutMs: 150 }));
    expect(failure.reason).toBe('timeout');
    expect(failure.message).toBe('The worker took longer than 0.15 s.');
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(thread.usable).toBe(false);
  });

  it('cancels a call by ending the thread, and refuses one already cancelled without ending it', async () => {
    const thread = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 64 });
    expect((await failureOf(thread.call({ do: 'echo' }, { signal: AbortSignal.abort() }))).reason).toBe('aborted');
    expect(thread.usable).toBe(true);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    expect((await failureOf(thread.call({ do: 'hang' }, { signal: abort.signal }))).reason).toBe('aborted');
    expect(thread.usable).toBe(false);
  });

  it('refuses a second call while one runs, and fails the running call as closed when ended', async () => {
    const thread = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 64 });
    const running = failureOf(thread.call({ do: 'hang' }));
    await expect(thread.call({ do: 'echo' })).rejects.toThrow('A worker thread takes one call at a time.');
    await thread.terminate();
    expect((await running).reason).toBe('closed');
  });

  it('reports a crash, with the error that ended the thread, and a thread that exits', async () => {
    const thrown = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 64 });
    const failure = await failureOf(thrown.call({ do: 'throw' }));
    expect(failure.reason).toBe('crashed');
    expect(failure.detail).toBe('a parser blew up');
    const exited = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 64 });
    const exit = await failureOf(exited.call({ do: 'exit' }));
    expect(exit.reason).toBe('crashed');
    expect(exit.detail).toBeUndefined();
  });

  it('reports running out of memory as such', async () => {
    const thread = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 32 });
    const failure = await failureOf(thread.call({ do: 'grow' }));
    expect(failure.reason).toBe('out_of_memory');
    expect(failure.message).toBe('The worker needed more than 32 MB of memory.');
  });

  it("passes a file's own problem back as the UserError it is, and keeps the thread", async () => {
    const thread = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 64 });
    await expect(thread.call({ do: 'refuse' })).rejects.toMatchObject({ name: 'UserError', code: 'damaged', message: 'The file is broken.' });
    expect(thread.usable).toBe(true);
    await thread.terminate();
  });

  it('retires a thread after a bug in it, passing the bug on with its stack', async () => {
    const thread = new WorkerThread<Request, Answer>(url('main'), { memoryMb: 64 });
    const e = await thread.call({ do: 'bug' }).catch((err: unknown) => err as Error);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(WorkerFailure);
    expect((e as Error).message).toMatch(/^TypeError: undefined is not a function\n\s+at /);
    expect(thread.usable).toBe(false);
  });

  it('says why a thread that cannot load takes no calls', async () => {
    const thread = new WorkerThread<Request, Answer>(url('unavailable'), { memoryMb: 64 });
    const failure = await failureOf(thread.call({ do: 'echo' }));
    expect(failure.reason).toBe('unavailable');
    expect(failure.message).toBe('The engine is missing.');
  });
});

describe('a pool of worker threads', () => {
  it('runs N calls at a time on N threads, and queues the rest', async () => {
    const pool = new WorkerPool<Request, Answer>({ worker: url('main'), size: 2, memoryMb: 64 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => pool.call({ do: 'sleep', ms: 40 })));
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(2);
    await pool.close();
  });

  it('replaces a thread that failed: timed out, crashed, out of memory or cancelled', async () => {
    const pool = new WorkerPool<Request, Answer>({ worker: url('main'), size: 1, memoryMb: 32 });
    const first = (await pool.call({ do: 'echo' })).threadId;
    expect((await failureOf(pool.call({ do: 'hang' }, { timeoutMs: 100 }))).reason).toBe('timeout');
    const second = (await pool.call({ do: 'echo' })).threadId;
    expect((await failureOf(pool.call({ do: 'exit' }))).reason).toBe('crashed');
    const third = (await pool.call({ do: 'echo' })).threadId;
    expect((await failureOf(pool.call({ do: 'grow' }))).reason).toBe('out_of_memory');
    const fourth = (await pool.call({ do: 'echo' })).threadId;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    expect((await failureOf(pool.call({ do: 'hang' }, { signal: abort.signal }))).reason).toBe('aborted');
    const fifth = (await pool.call({ do: 'echo' })).threadId;
    expect(new Set([first, second, third, fourth, fifth]).size).toBe(5);
    await pool.close();
  });

  it('fails the calls in progress and waiting when closed, and takes no more', async () => {
    const pool = new WorkerPool<Request, Answer>({ worker: url('main'), size: 1, memoryMb: 64 });
    const running = failureOf(pool.call({ do: 'hang' }));
    const waiting = failureOf(pool.call({ do: 'echo' }));
    await new Promise((r) => setTimeout(r, 50));
    await pool.close();
    expect((await running).reason).toBe('closed');
    expect((await waiting).reason).toBe('closed');
    expect((await failureOf(pool.call({ do: 'echo' }))).reason).toBe('closed');
  });

  it('hands a thread warmed ahead of need what to load first; a thread started by a call gets nothing', async () => {
    const warmed = new WorkerPool<null, unknown>({ worker: url('warmable'), size: 1, memoryMb: 64 });
    warmed.warm({ prepare: 'bundle' });
    expect(await warmed.call(null)).toEqual({ prepare: 'bundle' });
    await warmed.close();
    const cold = new WorkerPool<null, unknown>({ worker: url('warmable'), size: 1, memoryMb: 64 });
    expect(await cold.call(null)).toBeNull();
    await cold.close();
  });

  it('answers from a thread warmed ahead of the call, and lets idle threads go after idleMs', async () => {
    const pool = new WorkerPool<Request, Answer>({ worker: url('main'), size: 1, memoryMb: 64, idleMs: 100 });
    pool.warm();
    const first = (await pool.call({ do: 'echo' })).threadId;
    expect((await pool.call({ do: 'echo' })).threadId).toBe(first);
    await new Promise((r) => setTimeout(r, 250));
    expect((await pool.call({ do: 'echo' })).threadId).not.toBe(first);
    await pool.close();
  });
});

describe('a process using the primitive', () => {
  it('ends while a thread waits warm, and none of what its thread prints reaches its output', () => {
    // A plain Node process over the bundled primitive, as the CLI runs it.
    const script = path.join(dir, 'process.mjs');
    fs.writeFileSync(
      path.join(dir, 'process.ts'),
      `import { WorkerPool } from ${JSON.stringify(fileURLToPath(new URL('../../../electron/core/workers/worker-pool.ts', import.meta.url)))};
       const pool = new WorkerPool({ worker: new URL(${JSON.stringify(url('noisy').href)}), size: 1, memoryMb: 64 });
       console.log(await pool.call(null));`,
    );
    buildSync({ entryPoints: [path.join(dir, 'process.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
    const started = performance.now();
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('quiet\n');
    expect(run.stderr).toBe('');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
