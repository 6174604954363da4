// exhibit-desk list: the exhibits in exhibit-number order.
import { EXHIBIT_KINDS, type ExhibitKind } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const usage = 'list CASE_DIR [--tag TAG] [--kind pdf|email|image|document|text|html|other] [--json]';

export const list: Command = {
  name: 'list',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      json: { type: 'boolean' },
      tag: { type: 'string' },
      kind: { type: 'string' },
    });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], usage);
    if (values.kind !== undefined && !EXHIBIT_KINDS.includes(values.kind as ExhibitKind)) {
      throw new UserError('bad_input', `--kind must be one of ${EXHIBIT_KINDS.join(', ')}.`);
    }
    const exhibits = await withCase(dir!, (api) => api.listExhibits({ tag: values.tag, kind: values.kind as ExhibitKind | undefined }));
    if (values.json) {
      printJson(io, { exhibits });
      return EXIT.ok;
    }
    for (const e of exhibits) {
      const indent = e.parentId === null ? '' : '  ';
      const tags = e.tags.length ? `  [${e.tags.join(', ')}]` : '';
      io.out(`${indent}${e.exhibitNo.padEnd(12)} ${(e.date ?? '').slice(0, 10).padEnd(10)} ${e.kind.padEnd(8)} ${e.title}${tags}`);
    }
    io.out(`${exhibits.length} exhibit(s).`);
    return EXIT.ok;
  },
};
