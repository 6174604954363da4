// exhibit-desk ocr: reads the scanned pages (no text of their own, or only a stamp in the margins) with OCR, resuming any
// earlier run; pages given up on as unreadable are read again only with --retry.
import type { OcrReport } from '../../../shared/model.ts';
import type { CaseApi } from '../../core/api.ts';
import { EXIT, interruptible, parseFlags, parseInteger, printJson, progressLine, requirePositionals, withCase, type Command, type Io } from '../command.ts';

const usage = 'ocr CASE_DIR [--password PW]... [--timeout SECONDS] [--retry] [--json]';

export const ocrCommand: Command = {
  name: 'ocr',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      json: { type: 'boolean' },
      password: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      retry: { type: 'boolean' },
    });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], usage);
    const pageTimeoutSeconds = parseInteger(values.timeout, '--timeout');
    const report = await interruptible((signal) => withCase(dir!, (api) => runOcr(api, io, { passwords: values.password, pageTimeoutSeconds, retry: values.retry }, signal)));
    if (values.json) printJson(io, report);
    else printOcrSummary(io, report);
    return report.cancelled || report.pending > 0 ? EXIT.checkFailed : EXIT.ok;
  },
};

/** Runs OCR with progress drawn on a terminal; shared with import, which runs it after importing. */
export function runOcr(api: CaseApi, io: Io, args: Parameters<CaseApi['runOcr']>[0], signal: AbortSignal): Promise<OcrReport> {
  return api.runOcr(args, { signal, onProgress: progressLine(io, 'OCR ') });
}

export function printOcrSummary(io: Io, report: OcrReport): void {
  for (const w of report.warnings) io.out(`          warning: ${w}`);
  for (const c of report.completed) io.out(`ocr       ${c.exhibitNo}`);
  const perPage = report.pages > 0 ? `, ${(report.seconds / report.pages).toFixed(1)} s a page` : '';
  io.out(
    `OCR: ${report.pages} page(s) read in ${report.seconds.toFixed(1)} s${perPage}, ${report.pending} still waiting${report.cancelled ? ' — cancelled' : ''}.`,
  );
}
