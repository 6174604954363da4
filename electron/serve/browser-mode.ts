// Browser mode as a program (`exhibit-desk serve` starts it): the case opens in a case host, a child process, so this
// process's event loop only answers HTTP; the first line on stdout is the URL to open.
// Arguments: CASE_DIR [--port N], already checked by the CLI.
import { parseArgs } from 'node:util';
import { isUserError } from '../../shared/errors.ts';
import { forkCaseHost } from '../host/client.ts';
import { buildRenderer } from './renderer-build.ts';
import { serve } from './server.ts';

const INTERNAL_ERROR = 70;
const fail = (message: string, code: number) => {
  process.stderr.write(`exhibit-desk serve: ${message}\n`);
  process.exit(code);
};

const { values, positionals } = parseArgs({ options: { port: { type: 'string' } }, allowPositionals: true });
const [dir] = positionals;
if (!dir) fail('Missing CASE_DIR.', 2);

// Ctrl+C reaches this process and its host at once: the host waits to be closed by this one, which ends cleanly.
let stopping = false;
const stopSignal = new Promise<void>((resolve) => {
  process.on('SIGINT', resolve);
  process.on('SIGTERM', resolve);
});

const [host, rendererDir] = await Promise.all([forkCaseHost({ dir: dir! }), buildRenderer()]).catch((e: unknown) =>
  fail(isUserError(e) ? e.message.replace(/\n/g, ' ') : `internal error: ${e instanceof Error ? e.message : String(e)}`, isUserError(e) ? 2 : INTERNAL_ERROR),
);
host.onStopped((code) => {
  if (!stopping) fail(`the case stopped unexpectedly (exit code ${code ?? 'none'}).`, INTERNAL_ERROR);
});
const server = await serve({
  api: host,
  rendererDir,
  port: values.port === undefined ? undefined : Number(values.port),
  onInternalError: (e) => process.stderr.write(`internal error: ${String(e)}\n`),
});
process.stdout.write(`${server.url}\n`);
process.stderr.write(`Serving ${host.dir} on 127.0.0.1 only. Press Ctrl+C to stop.\n`);
await stopSignal;
stopping = true;
await server.close();
await host.close();
process.exit(0);
