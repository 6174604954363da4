// The exhibit-desk command line: dispatches to one command per file; user errors are one line on stderr, exit 2.
import { isUserError } from '../../shared/errors.ts';
import type { Command, Io } from './command.ts';
import { EXIT } from './command.ts';

/**
 * The commands, in the order help lists them. Each command's module is loaded only when it runs (help loads them
 * all, and they keep what they need from the core behind await import()), so a command pays only for what it uses.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  init: async () => (await import('./commands/init.ts')).init,
  import: async () => (await import('./commands/import.ts')).importCommand,
  ocr: async () => (await import('./commands/ocr.ts')).ocrCommand,
  list: async () => (await import('./commands/list.ts')).list,
  show: async () => (await import('./commands/show.ts')).show,
  edit: async () => (await import('./commands/edit.ts')).edit,
  renumber: async () => (await import('./commands/edit.ts')).renumber,
  search: async () => (await import('./commands/search.ts')).search,
  tag: async () => (await import('./commands/tag.ts')).tag,
  allegations: async () => (await import('./commands/allegations.ts')).allegations,
  link: async () => (await import('./commands/link.ts')).link,
  verify: async () => (await import('./commands/verify.ts')).verify,
  serve: async () => (await import('./commands/serve.ts')).serve,
  sample: async () => (await import('./commands/sample.ts')).sample,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  preflight: async () => (await import('./commands/preflight.ts')).preflight,
  redact: async () => (await import('./commands/redact.ts')).redact,
  backup: async () => (await import('./commands/backup.ts')).backup,
  restore: async () => (await import('./commands/restore.ts')).restore,
  recover: async () => (await import('./commands/recover.ts')).recover,
  withhold: async () => (await import('./commands/withhold.ts')).withhold,
  facts: async () => (await import('./commands/facts.ts')).facts,
  designate: async () => (await import('./commands/designate.ts')).designate,
  trial: async () => (await import('./commands/trial.ts')).trial,
  filing: async () => (await import('./commands/filing.ts')).filing,
};

const INTERNAL_ERROR = 70;

async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return ['Usage:', ...commands.map((c) => `  exhibit-desk ${c.usage}`)].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(await help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`Unknown command "${name}". Run "exhibit-desk help" for the list.`);
    return EXIT.usage;
  }
  try {
    return await (await load()).run(rest, io);
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
