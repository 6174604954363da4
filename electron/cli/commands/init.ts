// exhibit-desk init: creates a case folder.
import { EXIT, parseFlags, parseInteger, requirePositionals, type Command } from '../command.ts';

const usage = 'init CASE_DIR [--title TEXT] [--prefix PX-] [--start 1] [--padding 3]';

export const init: Command = {
  name: 'init',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      title: { type: 'string' },
      prefix: { type: 'string' },
      start: { type: 'string' },
      padding: { type: 'string' },
    });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], usage);
    const { createCaseApi } = await import('../../core/api.ts');
    const { formatExhibitNo } = await import('../../core/store/settings.ts');
    const api = createCaseApi({ dir: dir!, create: { title: values.title ?? 'Untitled case' } });
    try {
      const current = (await api.caseInfo({})).numbering;
      const numbering = {
        prefix: values.prefix ?? current.prefix,
        start: parseInteger(values.start, '--start') ?? current.start,
        padding: parseInteger(values.padding, '--padding') ?? current.padding,
      };
      const info = await api.setNumbering(numbering);
      io.out(`Created case "${info.title}" in ${api.dir}; the first exhibit will be ${formatExhibitNo(info.numbering, info.numbering.start)}.`);
    } finally {
      api.close();
    }
    return EXIT.ok;
  },
};
