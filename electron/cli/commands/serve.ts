// exhibit-desk serve: browser mode — the app for one case over HTTP on 127.0.0.1; the first line is the URL to open.
// Browser mode is a program of its own (electron/serve/browser-mode.ts, with the case in a host process): this
// command checks the flags and runs it, passing on Ctrl+C and its exit code. It is started, not imported, since one
// adapter never imports another (scripts/check-layers.mjs).
import { spawn } from 'node:child_process';
import { runnableEntry } from '../../core/runnable-entry.ts';
import { parseFlags, parseInteger, requirePositionals, type Command } from '../command.ts';

const usage = 'serve CASE_DIR [--port N]';
const BROWSER_MODE = new URL('../../serve/browser-mode.ts', import.meta.url);

export const serve: Command = {
  name: 'serve',
  usage,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { port: { type: 'string' } });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], usage);
    const port = parseInteger(values.port, '--port');
    const entry = await runnableEntry(BROWSER_MODE);
    const child = spawn(process.execPath, [entry, dir!, ...(port === undefined ? [] : ['--port', String(port)])], { stdio: 'inherit' });
    // Ctrl+C in a terminal reaches browser mode itself; a signal sent to this process alone is passed on.
    const relay = (signal: NodeJS.Signals) => () => void child.kill(signal);
    const onInt = relay('SIGINT');
    const onTerm = relay('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    try {
      return await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    }
  },
};
