// Starts the case host in an Electron utility process: the core (SQLite, the vault, imports, exports) runs there, so
// this process stays free for windows, menus, dialogs and routing calls.
import { utilityProcess } from 'electron';
import { connectCaseHost, type CaseHost } from '../host/client.ts';
import type { FromHost, OpenRequest } from '../host/messages.ts';

/** `entry` is the host's built module (case-host.mjs beside main.mjs); the host inherits this process's environment. */
export function startCaseHost(entry: string, open: OpenRequest): Promise<CaseHost> {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Exhibit Desk case', stdio: 'inherit' });
  return connectCaseHost(
    {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: FromHost) => listener(message)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      end: () => void child.kill(),
    },
    open,
  );
}
