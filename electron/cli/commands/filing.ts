// exhibit-desk filing: the filings exports were made for (their frozen exhibit labels, and what they cited as already
// filed), and entering the docket number a filing received.
import { UserError } from '../../../shared/errors.ts';
import type { Filing } from '../../../shared/model.ts';
import { EXIT, parseFlags, parseInteger, printJson, requirePositionals, withCase, type Command, type Io } from '../command.ts';

const usage = [
  'filing CASE_DIR list [--json]',
  'filing CASE_DIR docket FILING --number N [--first-attachment N] [--json]   (FILING: its id or title; exhibits are then cited "Dkt. N-3, Ex. B")',
].join('\n  ');

const FLAGS = { number: { type: 'string' }, 'first-attachment': { type: 'string' }, json: { type: 'boolean' } } as const;

export const filing: Command = {
  name: 'filing',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS);
    const [dir, action] = requirePositionals(positionals, ['CASE_DIR', 'list|docket'], usage.split('\n')[0]!);
    if (action === 'list') {
      if (positionals.length > 2) throw new UserError('bad_input', `Unexpected argument "${positionals[2]}".`);
      if (values.number !== undefined || values['first-attachment'] !== undefined) throw new UserError('bad_input', '--number and --first-attachment go with filing docket.');
      const filings = await withCase(dir!, (api) => api.listFilings({}));
      if (values.json) printJson(io, filings);
      else if (filings.length === 0) io.out('No filings yet: export a bundle or stamped exhibits with --filing "TITLE".');
      else for (const f of filings) print(io, f);
      return EXIT.ok;
    }
    if (action !== 'docket') throw new UserError('bad_input', `Usage:\n  exhibit-desk ${usage}`);
    const [, , ref] = requirePositionals(positionals, ['CASE_DIR', 'docket', 'FILING'], usage.split('\n')[1]!);
    if (positionals.length > 3) throw new UserError('bad_input', `Unexpected argument "${positionals[3]}"; quote a title with spaces.`);
    if (values.number === undefined) throw new UserError('bad_input', 'Give the docket number with --number N.');
    const firstAttachment = parseInteger(values['first-attachment'], '--first-attachment');
    const docketed = await withCase(dir!, (api) => api.docketFiling({ filing: ref!, number: values.number!, firstAttachment }));
    if (values.json) printJson(io, docketed);
    else print(io, docketed);
    return EXIT.ok;
  },
};

function print(io: Io, f: Filing): void {
  io.out(`Filing ${f.id}: ${f.title} (${f.kind}, ${f.date}${f.docket ? `, Dkt. ${f.docket}` : ', not yet docketed'})`);
  for (const e of f.exhibits) io.out(`  ${e.exhibitNo.padEnd(12)} ${e.cite}`);
  for (const c of f.cited) io.out(`  ${c.exhibitNo.padEnd(12)} previously filed as ${c.cite}`);
}
