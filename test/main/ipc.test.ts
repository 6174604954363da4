import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcMain } from 'electron';
import { createDispatcher } from '../../electron/core/dispatcher.ts';
import { forkCaseHost } from '../../electron/host/client.ts';
import { registerIpc, registerShellIpc } from '../../electron/main/ipc.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { writePdf } from '../fixtures/pdfs.ts';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const { api } = newCase('IPC');
afterAll(() => api.close());
const handlers: Record<string, Handler> = {};
const ipcMain = { handle: (channel: string, h: Handler) => (handlers[channel] = h) } as unknown as IpcMain;
registerIpc(ipcMain, () => createDispatcher(api));
const shown: string[] = [];
registerShellIpc(ipcMain, { chooseFolder: async (title) => `/chosen/for ${title}`, showInFolder: (file) => void shown.push(file) });

const sent: unknown[][] = [];
function event(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent }, sender: { isDestroyed: () => false, send: (...a: unknown[]) => sent.push(a) } };
}
const app = event('app://renderer/index.html');
const invoke = (ev: unknown, ...args: unknown[]) => handlers['api:invoke']!(ev, ...args);

describe('the IPC handler', () => {
  it('answers contract calls from the app window with a Result', async () => {
    expect(await invoke(app, 'caseInfo', {}, 'c1')).toMatchObject({ ok: true, value: { title: 'IPC' } });
  });

  it('rejects bad arguments with a clear error, never a throw', async () => {
    expect(await invoke(app, 'linkEvidence', { exhibit: 'PX-1', paragraph: 'twelve' }, 'c2')).toEqual({
      ok: false,
      error: { code: 'bad_input', message: expect.stringMatching(/"paragraph"/) },
    });
    expect(await invoke(app, 'listExhibits', { limit: -1 }, 'c3')).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await invoke(app, 'listExhibits', 'not an object', 'c4')).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('dispatches only the methods on the contract', async () => {
    for (const method of ['constructor', '__proto__', 'close', 'original', 'toString', 42]) {
      expect(await invoke(app, method, {}, 'c5'), String(method)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
  });

  it('refuses calls from any frame that is not the app’s top frame', async () => {
    for (const ev of [event('https://evil.example/'), event('file:///tmp/x.html'), event('vault://case/' + 'a'.repeat(64)), event('app://renderer/index.html', {}), { senderFrame: null }]) {
      expect(await invoke(ev, 'caseInfo', {}, 'c6')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only from the Exhibit Desk window/) } });
    }
  });

  it('sends import progress to the calling window', async () => {
    const src = tempDir('ipc-src-');
    for (let i = 0; i < 4; i++) await writePdf(path.join(src, `f${i}.pdf`), { pages: [`file ${i}`] });
    const result = (await invoke(app, 'importFiles', { paths: [src] }, 'imp')) as { ok: boolean; value: { imported: unknown[] } };
    expect(result.value.imported).toHaveLength(4);
    expect(sent.filter((m) => m[0] === 'api:progress' && m[1] === 'imp').at(-1)).toEqual(['api:progress', 'imp', { done: 4, total: 4, current: null }]);
  });

  it('offers the folder picker and “show in folder” to the app window only, with checked arguments', async () => {
    const choose = (ev: unknown, title: unknown) => handlers['app:choose-folder']!(ev, title);
    const show = (ev: unknown, file: unknown) => handlers['app:show-in-folder']!(ev, file);
    expect(await choose(app, 'Export to')).toBe('/chosen/for Export to');
    expect(await choose(event('https://evil.example/'), 'Export to')).toBeNull();
    expect(await choose(app, { title: 'x' })).toBeNull();
    await show(app, '/exports/bundle.pdf');
    await show(app, 'relative/bundle.pdf');
    await show(event('file:///tmp/x.html'), '/etc/passwd');
    expect(shown).toEqual(['/exports/bundle.pdf']);
  });
});

describe('the IPC handler over a case host (as the desktop app routes calls)', () => {
  it('routes calls, progress and Cancel from the window to the host process and back', async () => {
    const { dir, api: local } = newCase('Hosted');
    local.close();
    const host = await forkCaseHost({ dir });
    try {
      const routed: Record<string, Handler> = {};
      registerIpc({ handle: (channel: string, h: Handler) => (routed[channel] = h) } as unknown as IpcMain, () => host);
      expect(await routed['api:invoke']!(app, 'caseInfo', {}, 'h1')).toMatchObject({ ok: true, value: { title: 'Hosted' } });
      expect(await routed['api:invoke']!(app, 'original', {}, 'h2')).toMatchObject({ ok: false, error: { code: 'bad_input' } });

      const src = tempDir('ipc-host-src-');
      for (let i = 0; i < 30; i++) await writePdf(path.join(src, `f${i}.pdf`), { pages: [`hosted file ${i}`] });
      sent.length = 0;
      const running = routed['api:invoke']!(app, 'importFiles', { paths: [src] }, 'himp') as Promise<{ ok: boolean; value: { cancelled: boolean; imported: unknown[] } }>;
      // Cancel as the window's button does, once the first progress report has come back through the host.
      while (!sent.some((m) => m[0] === 'api:progress' && m[1] === 'himp')) await new Promise((r) => setTimeout(r, 5));
      await routed['api:cancel']!(app, 'himp');
      const result = await running;
      expect(result.ok).toBe(true);
      expect(result.value.cancelled).toBe(true);
      expect(result.value.imported.length).toBeLessThan(30);
    } finally {
      await host.close();
    }
  });
});
