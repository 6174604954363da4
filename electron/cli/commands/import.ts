// exhibit-desk import: imports files and folders, reporting imported, duplicate and failed files, then reads scanned
// pages with OCR (unless --no-ocr).
import type { ImportReport } from '../../../shared/model.ts';
import { EXIT, interruptible, parseFlags, parseInteger, printJson, progressLine, requirePositionals, withCase, type Command, type Io } from '../command.ts';
import { printOcrSummary, runOcr } from './ocr.ts';

const usage = 'import CASE_DIR PATH... [--password PW]... [--timeout SECONDS] [--no-ocr] [--json]';

export const importCommand: Command = {
  name: 'import',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      json: { type: 'boolean' },
      password: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'no-ocr': { type: 'boolean' },
    });
    const [dir, ...paths] = requirePositionals(positionals, ['CASE_DIR', 'PATH'], usage);
    const timeoutSeconds = parseInteger(values.timeout, '--timeout');
    const { report, ocr } = await interruptible((signal) =>
      withCase(dir!, async (api) => {
        const report = await api.importFiles({ paths, passwords: values.password, timeoutSeconds }, { signal, onProgress: progressLine(io) });
        // Every page waiting for OCR is read, not only this import's: a run stopped earlier is finished too.
        const skip = values['no-ocr'] === true || report.cancelled;
        const ocr = skip ? null : await runOcr(api, io, { passwords: values.password }, signal);
        return { report, ocr: ocr && (ocr.pages > 0 || ocr.pending > 0 || ocr.warnings.length > 0) ? ocr : null };
      }),
    );
    if (values.json) printJson(io, ocr ? { ...report, ocr } : report);
    else {
      printSummary(io, report);
      if (ocr) printOcrSummary(io, ocr);
    }
    return report.failed.length > 0 || report.cancelled || ocr?.cancelled ? EXIT.checkFailed : EXIT.ok;
  },
};

function printSummary(io: Io, report: ImportReport): void {
  for (const i of report.imported) {
    io.out(`imported  ${i.exhibitNo.padEnd(12)} ${i.title}${i.pages != null ? ` (${i.pages} p.)` : ''}`);
    for (const w of i.warnings) io.out(`          warning: ${w}`);
  }
  for (const d of report.duplicates) io.out(`duplicate ${d.path} (same as exhibit id ${d.existingId})`);
  for (const f of report.failed) io.out(`failed    ${f.path}: ${f.error}`);
  io.out(
    `${report.imported.length} imported, ${report.duplicates.length} duplicate(s), ${report.failed.length} failed${report.cancelled ? ' — cancelled' : ''}.`,
  );
}
