// exhibit-desk restore: checks every entry of a backup against its manifest and restores it into a new folder.
import { EXIT, parseFlags, printJson, requirePositionals, type Command } from '../command.ts';

const usage = 'restore BACKUP.zip CASE_DIR [--json]    (CASE_DIR must be new or empty)';

export const restore: Command = {
  name: 'restore',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
    const [archive, dir] = requirePositionals(positionals, ['BACKUP.zip', 'CASE_DIR'], usage);
    const { restoreCase } = await import('../../core/backup/restore-case.ts');
    const result = await restoreCase(archive!, dir!);
    if (values.json) printJson(io, result);
    else io.out(`Restored ${result.exhibits} exhibit(s) into ${result.case}; every original verified.`);
    return EXIT.ok;
  },
};
