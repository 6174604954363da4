// The Electron main process: one hardened window, its menus, dialogs and protocols; the open case lives in a case
// host (a utility process, electron/host), to which this process only routes calls.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { BRIDGE_CHANNELS, type AppCommand } from '../../shared/bridge.ts';
import type { CaseHost } from '../host/client.ts';
import type { OpenRequest } from '../host/messages.ts';
import { APP_ENTRY } from './app-origin.ts';
import { createAppState } from './app-state.ts';
import { startCaseHost } from './case-host.ts';
import { registerIpc, registerShellIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { PRIVILEGED_SCHEMES, registerProtocols } from './protocol.ts';
import { hardenContents, hardenSession } from './security.ts';
import { windowOptions } from './window-options.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = process.env.EXHIBIT_DESK_RENDERER_DIR ?? path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');
const CASE_HOST = path.join(here, 'case-host.mjs');

protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
app.enableSandbox();

let current: CaseHost | null = null;
let window: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

function sendCommand(command: AppCommand): void {
  window?.webContents.send(BRIDGE_CHANNELS.command, command);
}

/** Opens a case in a new host; the case open before stays open until the new one has opened. */
async function openCase(request: OpenRequest): Promise<void> {
  const host = await startCaseHost(CASE_HOST, request);
  const previous = current;
  current = host;
  host.onStopped((code) => {
    if (current !== host) return;
    current = null;
    showError(new Error(`The case stopped unexpectedly (exit code ${code ?? 'none'}). Open it again from File › Open Recent.`));
  });
  await previous?.close();
  state.rememberCase(host.dir);
  window?.setTitle(`${host.opened.title} — Exhibit Desk`);
  refreshMenu();
  sendCommand({ kind: 'case-opened' });
}

/** At start-up: the most recent case that still exists, else the sample case (built on first run). */
function firstCase(): OpenRequest {
  const sample = path.join(app.getPath('userData'), 'Sample Case — BES v. Huawei');
  return { recent: state.get().recentCases, sample: { dir: sample, resources: path.join(app.getAppPath(), 'resources', 'sample-case') } };
}

async function chooseFolder(title: string, create: boolean): Promise<string | null> {
  const result = await dialog.showOpenDialog(window!, {
    title,
    properties: create ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function refreshMenu(): void {
  const actions = {
    newCase: async () => {
      const dir = await chooseFolder('Choose an empty folder for the new case', true);
      if (dir) await openCase({ dir, create: { title: path.basename(dir) } }).catch(showError);
    },
    openCase: async () => {
      const dir = await chooseFolder('Open a case folder', false);
      if (dir) await openCase({ dir }).catch(showError);
    },
    openRecent: (dir: string) => void openCase({ dir }).catch(showError),
    importFiles: async () => {
      const result = await dialog.showOpenDialog(window!, { title: 'Import exhibits', properties: ['openFile', 'openDirectory', 'multiSelections'] });
      if (!result.canceled && result.filePaths.length) sendCommand({ kind: 'import', paths: result.filePaths });
    },
    exportFiles: () => sendCommand({ kind: 'export' }),
    find: () => sendCommand({ kind: 'find' }),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, state.get().recentCases, process.platform === 'darwin')));
}

function showError(e: unknown): void {
  dialog.showErrorBox('Exhibit Desk', e instanceof Error ? e.message : String(e));
}

function createWindow(): void {
  const saved = state.get().window;
  window = new BrowserWindow(windowOptions(PRELOAD, saved));
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (!window) return;
    state.rememberWindow({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => (window = null));
  void window.loadURL(APP_ENTRY);
}

const state = createAppState(app.getPath('userData'));

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.on('second-instance', () => window?.focus());
app.on('window-all-closed', () => app.quit());
// The case is closed cleanly (its database checkpointed, its open mark cleared) before the app goes.
app.on('will-quit', (event) => {
  if (!current) return;
  event.preventDefault();
  const host = current;
  current = null;
  void host.close().finally(() => app.quit());
});

app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  registerProtocols(protocol, RENDERER_DIR, () => current);
  registerIpc(ipcMain, () => current);
  registerShellIpc(ipcMain, { chooseFolder: (title) => chooseFolder(title, true), showInFolder: (file) => shell.showItemInFolder(file) });
  try {
    await openCase(firstCase());
  } catch (e) {
    showError(e);
  }
  refreshMenu();
  createWindow();
}, showError);
