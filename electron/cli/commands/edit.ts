// exhibit-desk edit and renumber: change an exhibit's number or metadata; renumber all exhibits at once.
import { CONFIDENTIALITY, type Confidentiality } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import { EXIT, parseFlags, parseInteger, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const editUsage =
  'edit CASE_DIR EXHIBIT [--number NO] [--title T] [--date 2020-09-16|9/16/2020] [--description D] [--confidentiality none|confidential|highly_confidential_aeo] [--json]';

export const edit: Command = {
  name: 'edit',
  usage: editUsage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      number: { type: 'string' },
      title: { type: 'string' },
      date: { type: 'string' },
      description: { type: 'string' },
      confidentiality: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [dir, ref] = requirePositionals(positionals, ['CASE_DIR', 'EXHIBIT'], editUsage);
    if (values.confidentiality !== undefined && !CONFIDENTIALITY.includes(values.confidentiality as Confidentiality)) {
      throw new UserError('bad_input', `--confidentiality must be one of ${CONFIDENTIALITY.join(', ')}.`);
    }
    const after = await withCase(dir!, (api) =>
      api.updateExhibit({
        exhibit: ref!,
        edit: {
          exhibitNo: values.number,
          title: values.title,
          date: values.date,
          description: values.description,
          confidentiality: values.confidentiality as Confidentiality | undefined,
        },
      }),
    );
    if (values.json) printJson(io, after);
    else io.out(`Updated ${after.exhibitNo}: ${after.title}`);
    return EXIT.ok;
  },
};

const renumberUsage = 'renumber CASE_DIR [--prefix PX-] [--start 1] [--padding 3] [--json]';

export const renumber: Command = {
  name: 'renumber',
  usage: renumberUsage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      prefix: { type: 'string' },
      start: { type: 'string' },
      padding: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], renumberUsage);
    const result = await withCase(dir!, async (api) => {
      const current = (await api.caseInfo({})).numbering;
      const scheme = {
        prefix: values.prefix ?? current.prefix,
        start: parseInteger(values.start, '--start') ?? current.start,
        padding: parseInteger(values.padding, '--padding') ?? current.padding,
      };
      return api.renumberExhibits({ scheme });
    });
    if (values.json) printJson(io, result);
    else {
      for (const c of result.changed) io.out(`${c.from.padEnd(14)} → ${c.to}`);
      io.out(`${result.changed.length} exhibit(s) renumbered.`);
    }
    return EXIT.ok;
  },
};
