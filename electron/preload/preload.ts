// The preload: exposes the Bridge — a few IPC messages and a URL scheme — and nothing else of Electron or Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { BRIDGE_CHANNELS, type AppCommand, type Bridge } from '../../shared/bridge.ts';
import type { ImportProgress } from '../../shared/model.ts';
import { vaultUrl } from '../main/app-origin.ts';

const bridge = {
  invoke: (method, args, callId) => ipcRenderer.invoke(BRIDGE_CHANNELS.invoke, method, args, callId),
  cancel: (callId) => ipcRenderer.invoke(BRIDGE_CHANNELS.cancel, callId),
  onProgress(listener) {
    const relay = (_event: unknown, callId: string, progress: ImportProgress) => listener(callId, progress);
    ipcRenderer.on(BRIDGE_CHANNELS.progress, relay);
    return () => void ipcRenderer.off(BRIDGE_CHANNELS.progress, relay);
  },
  originalRequest: (sha256) => ({ url: vaultUrl(sha256), headers: {} }),
  onAppCommand(listener) {
    const relay = (_event: unknown, command: AppCommand) => listener(command);
    ipcRenderer.on(BRIDGE_CHANNELS.command, relay);
    return () => void ipcRenderer.off(BRIDGE_CHANNELS.command, relay);
  },
  pathForFile: (file) => webUtils.getPathForFile(file as File),
  chooseFolder: (title) => ipcRenderer.invoke(BRIDGE_CHANNELS.chooseFolder, title),
  showInFolder: (path) => ipcRenderer.invoke(BRIDGE_CHANNELS.showInFolder, path),
} satisfies Bridge;

contextBridge.exposeInMainWorld('bridge', bridge);
