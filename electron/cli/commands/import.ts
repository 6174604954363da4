// exhibit-desk import: imports files and folders, or one production volume (--production), reporting imported,
// duplicate and failed files (a volume's problems by load file and line), then reads scanned pages with OCR (unless --no-ocr).
import { UserError } from '../../../shared/errors.ts';
import type { ImportReport } from '../../../shared/model.ts';
import { EXIT, interruptible, parseFlags, parseInteger, printJson, progressLine, requirePositionals, withCase, type Command, type Io } from '../command.ts';
import { warmExtractWorkers } from '../../core/import/worker-pool.ts';
import { printOcrSummary, runOcr } from './ocr.ts';

const usage =
  'import CASE_DIR PATH... [--password PW]... [--timeout SECONDS] [--no-ocr] [--json]\n' +
  '       import CASE_DIR VOLUME_DIR --production [--field FIELD=COLUMN]... [--producing-party NAME] [--no-ocr] [--json]';

export const importCommand: Command = {
  name: 'import',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      json: { type: 'boolean' },
      password: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'no-ocr': { type: 'boolean' },
      production: { type: 'boolean' },
      field: { type: 'string', multiple: true },
      'producing-party': { type: 'string' },
    });
    const [dir, ...paths] = requirePositionals(positionals, ['CASE_DIR', 'PATH'], usage);
    const timeoutSeconds = parseInteger(values.timeout, '--timeout');
    const production = values.production === true;
    if (!production && (values.field !== undefined || values['producing-party'] !== undefined)) {
      throw new UserError('bad_input', '--field and --producing-party go with --production.');
    }
    if (production && paths.length !== 1) throw new UserError('bad_input', `--production imports one volume folder at a time, not ${paths.length}.`);
    const fieldMap = production ? parseFieldMap(values.field ?? []) : undefined;
    // The extraction threads load their readers while the case is opened.
    if (!production) warmExtractWorkers(paths);
    const { report, ocr } = await interruptible((signal) =>
      withCase(dir!, async (api) => {
        const onProgress = progressLine(io);
        const report = production
          ? await api.importProduction(
              { path: paths[0]!, ...(fieldMap ? { fieldMap } : {}), ...(values['producing-party'] ? { producingParty: values['producing-party'] } : {}) },
              { signal, onProgress },
            )
          : await api.importFiles({ paths, passwords: values.password, timeoutSeconds }, { signal, onProgress });
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

/**
 * --field begBates=PRODBEG …: our field names to the load file's columns ("date=" reads the date from no column);
 * what differs from the usual names is kept for the case's next volume. None given: the case's choices apply.
 */
function parseFieldMap(pairs: string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const [field, column] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    if (at < 1 || field === '') throw new UserError('bad_input', `--field takes FIELD=COLUMN, such as begBates=PRODBEG (or date= for none), not "${pair}".`);
    map[field] = column;
  }
  return map;
}

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
