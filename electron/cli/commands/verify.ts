// exhibit-desk verify: re-hashes every original, checks the audit chain and the database, and with --anchor that the
// audit log still holds the entry an export's or backup's manifest recorded; exit 1 on any problem.
import fs from 'node:fs';
import { UserError } from '../../../shared/errors.ts';
import type { AuditHead } from '../../../shared/model.ts';
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const usage = 'verify CASE_DIR [--anchor MANIFEST.json] [--json]';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** The audit head a manifest recorded (an export's manifest.json, or the one inside a backup). */
function readAnchor(file: string): AuditHead {
  let json: unknown;
  try {
    if (fs.statSync(file).size > MAX_MANIFEST_BYTES) throw new Error('too large');
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new UserError('bad_input', `${file} cannot be read as a manifest (JSON).`);
  }
  const head = (json as { auditHead?: unknown } | null)?.auditHead as Partial<AuditHead> | null | undefined;
  if (!head || !Number.isInteger(head.seq) || typeof head.hash !== 'string' || !/^[0-9a-f]{64}$/.test(head.hash)) {
    throw new UserError('bad_input', `${file} records no audit head (an export or backup manifest from this version does).`);
  }
  return { seq: head.seq!, hash: head.hash };
}

export const verify: Command = {
  name: 'verify',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' }, anchor: { type: 'string' } });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], usage);
    const anchor = values.anchor === undefined ? undefined : readAnchor(values.anchor);
    const report = await withCase(dir!, (api) => api.verify({ anchor }));
    if (values.json) printJson(io, report);
    else {
      for (const p of report.problems) io.out(`${p.problem.padEnd(8)} ${p.exhibitNos.join(', ')}: original ${p.sha256}`);
      if (!report.auditOk) io.out(`The audit log's hash chain is broken at entry ${report.auditBrokenAt}.`);
      if (report.anchor) io.out(report.anchor.ok ? `The audit log still holds entry ${report.anchor.seq} as anchored.` : `Anchor: ${report.anchor.problem}.`);
      if (report.integrity !== 'ok') io.out(`Database integrity: ${report.integrity}`);
      io.out(report.ok ? `OK: ${report.checked} original(s) verified.` : `${report.problems.length} problem(s) among ${report.checked} original(s).`);
    }
    return report.ok ? EXIT.ok : EXIT.checkFailed;
  },
};
