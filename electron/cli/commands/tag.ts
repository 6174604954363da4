// exhibit-desk tag: adds a tag to, or removes it from, one or more exhibits.
import { UserError } from '../../../shared/errors.ts';
import { EXIT, parseFlags, requirePositionals, withCase, type Command } from '../command.ts';

const usage = 'tag CASE_DIR EXHIBIT... (--add TAG | --remove TAG)';

export const tag: Command = {
  name: 'tag',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { add: { type: 'string' }, remove: { type: 'string' } });
    const [dir, ...exhibits] = requirePositionals(positionals, ['CASE_DIR', 'EXHIBIT'], usage);
    if ((values.add === undefined) === (values.remove === undefined)) {
      throw new UserError('bad_input', `Give exactly one of --add TAG or --remove TAG. Usage: exhibit-desk ${usage}`);
    }
    const name = (values.add ?? values.remove)!;
    const { changed } = await withCase(dir!, (api) =>
      api.tagExhibits({ exhibits, tag: name, remove: values.remove !== undefined }),
    );
    io.out(`${values.add !== undefined ? 'Tagged' : 'Untagged'} ${changed} exhibit(s) "${name}".`);
    return EXIT.ok;
  },
};
