// exhibit-desk backup: writes one zip of the case (database, vault, manifest of hashes) that restore can check.
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const usage = 'backup CASE_DIR OUT.zip [--json]';

export const backup: Command = {
  name: 'backup',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
    const [dir, out] = requirePositionals(positionals, ['CASE_DIR', 'OUT.zip'], usage);
    const result = await withCase(dir!, (api) => api.backupCase({ out: out! }));
    if (values.json) printJson(io, result);
    else io.out(`Backed up to ${result.archive}: ${result.entries} entries, ${result.bytes} bytes, SHA-256 ${result.sha256}.`);
    return EXIT.ok;
  },
};
