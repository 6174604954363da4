// The Electron main process: one hardened window over the open case; the core does the work.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { BRIDGE_CHANNELS, type AppCommand } from '../../shared/bridge.ts';
import { createCaseApi, type CaseApi } from '../core/api.ts';
import { caseExists } from '../core/case/case-folder.ts';
import { createDispatcher, type Dispatcher } from '../core/dispatcher.ts';
import { useSqliteBinding } from '../core/store/sqlite-binding.ts';
import { buildSampleCase } from '../core/sample/build-sample-case.ts';
import { APP_ENTRY } from './app-origin.ts';
import { createAppState } from './app-state.ts';
import { registerIpc, registerShellIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { PRIVILEGED_SCHEMES, registerProtocols } from './protocol.ts';
import { hardenContents, hardenSession } from './security.ts';
import { windowOptions } from './window-options.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = process.env.EXHIBIT_DESK_RENDERER_DIR ?? path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');

useSqliteBinding(process.env.EXHIBIT_DESK_SQLITE_BINDING || undefined);
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
app.enableSandbox();

let current: { api: CaseApi; dispatcher: Dispatcher } | null = null;
let window: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

function sendCommand(command: AppCommand): void {
  window?.webContents.send(BRIDGE_CHANNELS.command, command);
}

async function openCase(dir: string, create?: { title: string }): Promise<void> {
  const api = createCaseApi({ dir, create });
  current?.api.close();
  current = { api, dispatcher: createDispatcher(api, (e) => console.error(e)) };
  state.rememberCase(api.dir);
  window?.setTitle(`${(await api.caseInfo({})).title} — Exhibit Desk`);
  refreshMenu();
  sendCommand({ kind: 'case-opened' });
}

async function firstCase(): Promise<string> {
  const recent = state.get().recentCases.find((dir) => caseExists(dir));
  if (recent) return recent;
  const sample = path.join(app.getPath('userData'), 'Sample Case — BES v. Huawei');
  if (!caseExists(sample)) await buildSampleCase(sample, { resources: path.join(app.getAppPath(), 'resources', 'sample-case') });
  return sample;
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
      if (dir) await openCase(dir, { title: path.basename(dir) }).catch(showError);
    },
    openCase: async () => {
      const dir = await chooseFolder('Open a case folder', false);
      if (dir) await openCase(dir).catch(showError);
    },
    openRecent: (dir: string) => void openCase(dir).catch(showError),
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
app.on('will-quit', () => current?.api.close());

app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  registerProtocols(protocol, RENDERER_DIR, () => current?.api ?? null);
  registerIpc(ipcMain, () => current?.dispatcher ?? null);
  registerShellIpc(ipcMain, { chooseFolder: (title) => chooseFolder(title, true), showInFolder: (file) => shell.showItemInFolder(file) });
  try {
    await openCase(await firstCase());
  } catch (e) {
    showError(e);
  }
  refreshMenu();
  createWindow();
}, showError);
