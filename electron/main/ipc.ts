// The IPC surface: contract calls, cancellation and progress, and the desktop's folder picker, accepted only from
// the app's own top frame.
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { BRIDGE_CHANNELS as CHANNELS } from '../../shared/bridge.ts';
import { toErrorPayload, UserError, type Result } from '../../shared/errors.ts';
import type { Dispatcher } from '../core/dispatcher.ts';
import { isAppUrl } from './app-origin.ts';

/** The sender must be the main frame of a window showing the app; a frame that navigated elsewhere gets nothing. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const refused: Result<never> = {
  ok: false,
  error: toErrorPayload(new UserError('bad_input', 'Calls are accepted only from the Exhibit Desk window.')),
};

/** `current` gives the dispatcher of the case open now (it changes when the user opens another case). */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, current: () => Dispatcher | null): void {
  ipcMain.handle(CHANNELS.invoke, async (event, method: unknown, args: unknown, callId: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return refused;
    const dispatcher = current();
    if (!dispatcher) return { ok: false, error: { code: 'not_found', message: 'No case is open.' } };
    if (typeof method !== 'string' || typeof callId !== 'string' || callId.length > 100) {
      return { ok: false, error: toErrorPayload(new UserError('bad_input', 'A call needs a method name and a call id.')) };
    }
    const sender: WebContents = event.sender;
    return dispatcher.invoke(method, args, callId, (progress) => {
      if (!sender.isDestroyed()) sender.send(CHANNELS.progress, callId, progress);
    });
  });
  ipcMain.handle(CHANNELS.cancel, (event, callId: unknown) => {
    if (isTrustedSender(event) && typeof callId === 'string') current()?.cancel(callId);
  });
}

/** The few things only the desktop can do for the window: the system's folder picker, and showing a written file. */
export interface DesktopShell {
  chooseFolder(title: string): Promise<string | null>;
  showInFolder(file: string): void;
}

export function registerShellIpc(ipcMain: Pick<IpcMain, 'handle'>, shell: DesktopShell): void {
  ipcMain.handle(CHANNELS.chooseFolder, (event, title: unknown) => {
    if (!isTrustedSender(event) || typeof title !== 'string' || title.length > 200) return null;
    return shell.chooseFolder(title);
  });
  ipcMain.handle(CHANNELS.showInFolder, (event, file: unknown) => {
    if (!isTrustedSender(event) || typeof file !== 'string' || file.length > 4096 || !path.isAbsolute(file)) return;
    shell.showInFolder(file);
  });
}
