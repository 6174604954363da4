// The case host: the core over one open case (store, vault, search, imports and exports) in a process of its own —
// an Electron utility process in the app, a child process in browser mode — answering the API contract over the
// message port of the process that started it, which keeps only windows, menus, dialogs and HTTP.
import { UserError, toErrorPayload, type Result } from '../../shared/errors.ts';
import { createCaseApi, type CaseApi } from '../core/api.ts';
import { caseExists } from '../core/case/case-folder.ts';
import { createDispatcher, type Dispatcher } from '../core/dispatcher.ts';
import { buildSampleCase } from '../core/sample/build-sample-case.ts';
import { useSqliteBinding } from '../core/store/sqlite-binding.ts';
import type { FromHost, HostCalls, OpenedCase, OpenRequest, ToHost } from './messages.ts';

/** Electron's end of a utility process's port (process.parentPort), typed here so the host never imports electron. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

// In the app this is Electron's build of SQLite's module (its ABI differs from Node's); unset elsewhere.
useSqliteBinding(process.env.EXHIBIT_DESK_SQLITE_BINDING || undefined);

let open: { api: CaseApi; dispatcher: Dispatcher } | null = null;

async function answer(message: ToHost): Promise<void> {
  if ('cancel' in message) return open?.dispatcher.cancel(String(message.id));
  const { id, method, args } = message;
  if (Object.hasOwn(HOST_CALLS, method)) return send({ id, ...(await hostCall(method as keyof HostCalls, args)) });
  if (!open) return send({ id, ok: false, error: { code: 'not_found', message: 'No case is open.' } });
  const result = await open.dispatcher.invoke(method, args, String(id), (progress) => send({ id, progress }));
  send({ id, ...result });
}

const HOST_CALLS: { [K in keyof HostCalls]: (args: HostCalls[K]['args']) => Promise<HostCalls[K]['result']> } = {
  'host.open': openCase,
  'host.original': async ({ sha256 }) => open?.api.original(sha256) ?? null,
  'host.close': async () => {
    closeCase();
    return null;
  },
};

async function hostCall(method: keyof HostCalls, args: unknown): Promise<Result<unknown>> {
  try {
    return { ok: true, value: await (HOST_CALLS[method] as (a: unknown) => Promise<unknown>)(args) };
  } catch (e) {
    if (!(e instanceof UserError)) console.error(e);
    return { ok: false, error: toErrorPayload(e) };
  }
}

async function openCase(request: OpenRequest): Promise<OpenedCase> {
  if (open) throw new UserError('conflict', `This case host already holds ${open.api.dir}.`);
  let api: CaseApi;
  if ('recent' in request) {
    const recent = request.recent.find((dir) => caseExists(dir));
    if (!recent && !caseExists(request.sample.dir)) await buildSampleCase(request.sample.dir, { resources: request.sample.resources });
    api = createCaseApi({ dir: recent ?? request.sample.dir });
  } else {
    api = createCaseApi({ dir: request.dir, create: request.create });
  }
  open = { api, dispatcher: createDispatcher(api, (e) => console.error(e)) };
  const info = await api.caseInfo({});
  return { dir: api.dir, title: info.title, readOnly: info.readOnly ?? null };
}

function closeCase(): void {
  open?.api.close();
  open = null;
}

function stop(): void {
  closeCase();
  process.exit(0);
}

const electronPort = (process as { parentPort?: ParentPort }).parentPort;
function send(message: FromHost): void {
  if (electronPort) electronPort.postMessage(message);
  else process.send?.(message);
}
const receive = (message: ToHost) => void answer(message);
if (electronPort) electronPort.on('message', (event) => receive(event.data as ToHost));
else if (process.send) {
  process.on('message', (message) => receive(message as ToHost));
  // The parent is gone (closed the channel, or died): the case is closed cleanly before the host goes.
  process.on('disconnect', () => stop());
} else {
  process.stderr.write('The case host runs as a child process (utilityProcess.fork or child_process.fork), not on its own.\n');
  process.exit(2);
}
// Ctrl+C in a terminal reaches the whole process group: the parent decides when the case closes, not the keyboard.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => stop());
