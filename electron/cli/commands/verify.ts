// exhibit-desk verify: re-hashes every original, checks the audit chain and the database; exit 1 on any problem.
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const usage = 'verify CASE_DIR [--json]';

export const verify: Command = {
  name: 'verify',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], usage);
    const report = await withCase(dir!, (api) => api.verify({}));
    if (values.json) printJson(io, report);
    else {
      for (const p of report.problems) io.out(`${p.problem.padEnd(8)} ${p.sha256} (exhibit id ${p.exhibitIds.join(', ')})`);
      if (!report.auditOk) io.out(`The audit log's hash chain is broken at entry ${report.auditBrokenAt}.`);
      if (report.integrity !== 'ok') io.out(`Database integrity: ${report.integrity}`);
      io.out(report.ok ? `OK: ${report.checked} original(s) verified.` : `${report.problems.length} problem(s) among ${report.checked} original(s).`);
    }
    return report.ok ? EXIT.ok : EXIT.checkFailed;
  },
};
