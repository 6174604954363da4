// Preflight: checks PDFs for what makes a court refuse a filing (size, text, page size, encryption, scripts,
// attachments, forms, fonts) and for Fed. R. Civ. P. 5.2 numbers to redact, under a court profile's limits. The paths
// are checked here; each file is read in a worker thread (preflight-thread.ts), with a time and memory limit.
import fs from 'node:fs';
import path from 'node:path';
import type { CallOptions } from '../../../shared/api.ts';
import type { CourtProfile } from '../../../shared/court-profiles.ts';
import { UserError } from '../../../shared/errors.ts';
import type { PreflightReport } from '../../../shared/preflight.ts';
import { preflightInWorker } from './preflight-thread.ts';

/** Every path must name a readable PDF file; checked before any is read, so a typo costs nothing. */
function checkedPaths(paths: string[]): string[] {
  return paths.map((p) => {
    const file = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new UserError('not_found', `There is no file ${p}.`);
    }
    if (!stat.isFile()) throw new UserError('bad_input', `${p} is not a file; name the PDFs to check.`);
    if (path.extname(file).toLowerCase() !== '.pdf') throw new UserError('bad_input', `${p} is not a PDF (its name does not end in .pdf).`);
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch {
      throw new UserError('io', `${p} cannot be read (permission denied).`);
    }
    return file;
  });
}

export async function preflight(paths: string[], limits: CourtProfile, options: CallOptions = {}): Promise<PreflightReport> {
  return { files: await preflightInWorker(checkedPaths(paths), limits, options) };
}
