// exhibit-desk recover: rebuilds a case whose database is damaged, in a new folder, from its vault and what reads.
import { EXIT, parseFlags, printJson, requirePositionals, type Command } from '../command.ts';

const usage = 'recover CASE_DIR NEW_DIR [--json]      (a damaged case, rebuilt from its vault into a new folder)';

export const recover: Command = {
  name: 'recover',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
    const [dir, newDir] = requirePositionals(positionals, ['CASE_DIR', 'NEW_DIR'], usage);
    const { recoverCase } = await import('../../core/case/recover-case.ts');
    const report = await recoverCase(dir!, newDir!);
    if (values.json) printJson(io, report);
    else {
      for (const w of report.warnings) io.out(`warning: ${w}`);
      io.out(`Recovered ${report.exhibits} exhibit(s) into ${report.case}: ${report.fromDatabase} with their details, ${report.fromVaultOnly} from the vault alone.`);
      if (report.lostRows > 0) io.out(`${report.lostRows} exhibit row(s) could not be read${report.missingOriginals.length ? `; ${report.missingOriginals.length} original(s) are not in the vault` : ''}.`);
      io.out(`Not carried over: ${report.notCarried.join(', ')}.`);
    }
    return EXIT.ok;
  },
};
