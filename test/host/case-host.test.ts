// The case host in plain Node, started as a child process over a message channel (structured clone, as Electron's
// utilityProcess port clones): contract calls and Results, progress, cancellation, originals, the read-only mode of a
// damaged case, a case it cannot open, closing cleanly, and a host that dies.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../shared/model.ts';
import { UserError } from '../../shared/errors.ts';
import { runnableEntry } from '../../electron/core/runnable-entry.ts';
import { CASE_HOST_ENTRY, connectCaseHost, forkCaseHost, type CaseHost } from '../../electron/host/client.ts';
import type { FromHost } from '../../electron/host/messages.ts';
import { breakTable, damagedCopy, newCase, tempDir } from '../fixtures/case.ts';
import { makePdf } from '../fixtures/pdfs.ts';

const FILES = 40;
const openMarks = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('.open-'));
let src = '';
let dir = '';
let host: CaseHost;

beforeAll(async () => {
  src = tempDir('host-src-');
  for (let i = 1; i <= FILES; i++) {
    const n = String(i).padStart(2, '0');
    fs.writeFileSync(path.join(src, `doc ${n}.pdf`), await makePdf({ title: `Document ${n}`, pages: [`Document ${n} on the Suzhou servers. ${'Data exchange system. '.repeat(150)}`] }));
  }
  dir = path.join(tempDir('host-'), 'case');
  host = await forkCaseHost({ dir, create: { title: 'Hosted case' } });
}, 60_000);
afterAll(() => host?.close());

describe('a case host', () => {
  it('opens the case and answers contract calls over its port, errors as Results', async () => {
    expect(host.opened).toEqual({ dir, title: 'Hosted case', readOnly: null });
    expect(await host.invoke('caseInfo', {}, 'c1')).toMatchObject({ ok: true, value: { title: 'Hosted case', folder: dir } });
    expect(await host.invoke('listExhibits', { limit: -1 }, 'c2')).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    // A window's call never reaches the host's own calls, nor anything else off the contract.
    for (const method of ['host.original', 'host.close', 'original', 'close', 'constructor', '__proto__']) {
      expect(await host.invoke(method, {}, 'c3'), method).toMatchObject({ ok: false, error: { code: 'bad_input', message: expect.stringMatching(/^Unknown method/) } });
    }
    const thrown = await host.api.getExhibit({ exhibit: 'PX-999' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).code).toBe('not_found');
  });

  it('cancels a call across the port: an import stops where it was, and keeps what it had done', async () => {
    const abort = new AbortController();
    const report = await host.api.importFiles({ paths: [src] }, { signal: abort.signal, onProgress: () => abort.abort() });
    expect(report.cancelled).toBe(true);
    expect(report.imported.length).toBeLessThan(FILES);
    expect(await host.api.listExhibits({})).toHaveLength(report.imported.length);
  });

  it('sends progress to the caller, and finds originals in the vault for the viewer', async () => {
    const seen: ImportProgress[] = [];
    const result = await host.invoke('importFiles', { paths: [src] }, 'import', (p) => seen.push(p));
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toEqual({ done: FILES, total: FILES, current: null });
    expect(seen.length).toBeGreaterThan(FILES / 2);
    const [first] = await host.api.listExhibits({ limit: 1 });
    const original = await host.original(first!.sha256);
    expect(original).toMatchObject({ mediaType: 'application/pdf', path: expect.stringContaining(first!.sha256) });
    expect(fs.readFileSync(original!.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await host.original('0'.repeat(64))).toBeNull();
    expect((await host.api.search({ query: 'Suzhou' })).length).toBeGreaterThan(0);
  });

  it('closes the case cleanly when asked: its open mark is gone and the process has exited', async () => {
    expect(openMarks(dir)).toHaveLength(1);
    await host.close();
    expect(openMarks(dir)).toEqual([]);
    expect(await host.invoke('caseInfo', {}, 'after')).toEqual({ ok: false, error: { code: 'not_found', message: 'The case is closed.' } });
  });
});

describe('a case host over a damaged case', () => {
  it('opens it read-only: reads answer, every write comes back as case_damaged', async () => {
    const damaged = damagedCopy(dir, breakTable('texts', (p) => p[Math.floor(p.length / 2)]!));
    const readOnly = await forkCaseHost({ dir: damaged });
    try {
      expect(readOnly.opened.readOnly?.reason).toMatch(/^its database is damaged/);
      expect((await readOnly.api.listExhibits({})).length).toBeGreaterThan(0);
      expect(await readOnly.invoke('setCaseTitle', { title: 'x' }, 'w1')).toEqual({
        ok: false,
        error: { code: 'case_damaged', message: expect.stringContaining(`exhibit-desk recover ${damaged} NEW_DIR`) },
      });
      expect(await readOnly.invoke('importFiles', { paths: [src] }, 'w2')).toMatchObject({ ok: false, error: { code: 'case_damaged' } });
    } finally {
      await readOnly.close();
    }
  });
});

describe('starting and losing a case host', () => {
  it('rejects with the user error when the case cannot be opened, and the host exits', async () => {
    const missing = path.join(tempDir(), 'no-case');
    const e = await forkCaseHost({ dir: missing }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('not_found');
  });

  it('answers every waiting call, and tells its parent, when the host dies', async () => {
    const { dir: other, api } = newCase('Killed');
    api.close();
    // Started by hand as forkCaseHost does, to hold the child and kill it.
    const child = fork(await runnableEntry(CASE_HOST_ENTRY), [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 2, 2, 'ipc'] });
    const killed = await connectCaseHost(
      {
        post: (m) => void (child.connected && child.send(m)),
        onMessage: (l) => child.on('message', (m) => l(m as FromHost)),
        onExit: (l) => child.on('exit', (code) => l(code)),
        end: () => void (child.connected && child.disconnect()),
      },
      { dir: other },
    );
    const stopped = new Promise<number | null>((resolve) => killed.onStopped(resolve));
    const waiting = killed.api.importFiles({ paths: [src] });
    child.kill('SIGKILL');
    await expect(waiting).rejects.toThrow(/The case stopped unexpectedly/);
    expect(await stopped).toBeNull();
    // A killed host leaves its open mark: the next session checks the case as not closed cleanly.
    expect(openMarks(other)).toHaveLength(1);
  });
});
