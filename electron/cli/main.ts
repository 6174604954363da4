// The exhibit-desk command line: dispatches to one command per file; user errors are one line on stderr, exit 2.
import { isUserError } from '../../shared/errors.ts';
import type { Command, Io } from './command.ts';
import { allegations } from './commands/allegations.ts';
import { edit, renumber } from './commands/edit.ts';
import { exportCommand } from './commands/export.ts';
import { facts } from './commands/facts.ts';
import { importCommand } from './commands/import.ts';
import { init } from './commands/init.ts';
import { link } from './commands/link.ts';
import { ocrCommand } from './commands/ocr.ts';
import { preflight } from './commands/preflight.ts';
import { redact } from './commands/redact.ts';
import { list } from './commands/list.ts';
import { sample } from './commands/sample.ts';
import { search } from './commands/search.ts';
import { serve } from './commands/serve.ts';
import { show } from './commands/show.ts';
import { tag } from './commands/tag.ts';
import { verify } from './commands/verify.ts';
import { backup } from './commands/backup.ts';
import { restore } from './commands/restore.ts';
import { recover } from './commands/recover.ts';
import { withhold } from './commands/withhold.ts';
import { EXIT } from './command.ts';

const COMMANDS: readonly Command[] = [init, importCommand, ocrCommand, list, show, edit, renumber, search, tag, allegations, link, verify, serve, sample, exportCommand, preflight, redact, backup, restore, recover, withhold, facts];

const INTERNAL_ERROR = 70;

function help(): string {
  return ['Usage:', ...COMMANDS.map((c) => `  exhibit-desk ${c.usage}`)].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run "exhibit-desk help" for the list.`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (isUserError(e)) {
      io.err(`exhibit-desk ${name}: ${e.message.replace(/\n/g, ' ')}`);
      return EXIT.usage;
    }
    io.err(`exhibit-desk ${name}: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    if (process.env.EXHIBIT_DESK_DEBUG) console.error(e);
    return INTERNAL_ERROR;
  }
}

const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(text.startsWith('\r') ? text : `${text}\n`),
  interactive: process.stderr.isTTY === true,
};

process.exitCode = await main(process.argv.slice(2), io);
