// exhibit-desk preflight: checks PDFs for what makes a court refuse a filing; exit 1 when any file has a problem.
import { courtLimits } from '../../../shared/court-profiles.ts';
import { EXIT, interruptible, parseCourt, parseFlags, parseMegabytes, printJson, progressLine, requirePositionals, type Command } from '../command.ts';

const usage = 'preflight PDF... [--court cacd|cand|mdd|generic] [--max-mb N] [--json]   (--max-mb overrides the court\'s cap)';

export const preflight: Command = {
  name: 'preflight',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { court: { type: 'string' }, 'max-mb': { type: 'string' }, json: { type: 'boolean' } });
    requirePositionals(positionals, ['PDF'], usage);
    const limits = courtLimits(parseCourt(values.court), parseMegabytes(values['max-mb']));
    const { preflight: runPreflight } = await import('../../core/preflight/preflight.ts');
    const report = await interruptible((signal) => runPreflight(positionals, limits, { signal, onProgress: progressLine(io) }));
    if (values.json) printJson(io, report);
    else {
      for (const file of report.files) {
        io.out(`${file.ok ? 'ok      ' : 'PROBLEMS'} ${file.path}`);
        for (const p of file.problems) io.out(`  ${p.code.padEnd(18)} ${p.message}`);
      }
      const failed = report.files.filter((f) => !f.ok).length;
      const total = report.files.length;
      io.out(failed === 0 ? `All ${total} file(s) pass for ${limits.id}.` : `${failed} of ${total} file(s) have problems for ${limits.id}.`);
    }
    return report.files.every((f) => f.ok) ? EXIT.ok : EXIT.checkFailed;
  },
};
