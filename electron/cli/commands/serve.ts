// exhibit-desk serve: browser mode — the app for one case over HTTP on 127.0.0.1; the first line is the URL to open.
import { createCaseApi } from '../../core/api.ts';
import { buildRenderer } from '../../serve/renderer-build.ts';
import { serve as startServer } from '../../serve/server.ts';
import { EXIT, parseFlags, parseInteger, requirePositionals, type Command } from '../command.ts';

const usage = 'serve CASE_DIR [--port N]';

export const serve: Command = {
  name: 'serve',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { port: { type: 'string' } });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], usage);
    const port = parseInteger(values.port, '--port');
    const api = createCaseApi({ dir: dir! });
    const rendererDir = await buildRenderer();
    const server = await startServer({ api, rendererDir, port, onInternalError: (e) => io.err(`internal error: ${String(e)}`) });
    io.out(server.url);
    io.err(`Serving ${api.dir} on 127.0.0.1 only. Press Ctrl+C to stop.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    api.close();
    return EXIT.ok;
  },
};
