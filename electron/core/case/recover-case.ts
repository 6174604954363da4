// Rebuilds a damaged case in a new folder: the vault is the source of truth, so every original is imported again
// (under the name its salvaged row knew, in the old order) and the salvaged edits and tags are put back on top.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors.ts';
import type { Exhibit, ExhibitEdit, NumberingScheme } from '../../../shared/model.ts';
import { createCaseApi, type CaseApi } from '../api.ts';
import { fsyncDir } from '../durable-fs.ts';
import { createAuditLog } from '../store/audit.ts';
import { sequenceOf } from '../store/exhibits.ts';
import { formatExhibitNo } from '../store/settings.ts';
import { openVault } from '../vault/vault.ts';
import { caseExists, DATABASE_FILE, requireNewFolder, VAULT_DIR } from './case-folder.ts';
import { systemClock, type Clock } from './case-context.ts';
import { salvage, type SalvagedExhibit } from './salvage.ts';
import { openDatabase } from '../store/open-database.ts';

export interface RecoverReport {
  case: string;
  exhibits: number;
  /** Exhibits whose salvaged row put back their number, title, dates, description and tags. */
  fromDatabase: number;
  /** Originals found in the vault with no readable row: imported again under a name made from their hash. */
  fromVaultOnly: number;
  /** Exhibit rows that could not be read, and salvaged rows whose original is not in the vault. */
  lostRows: number;
  missingOriginals: string[];
  /** What of the old case is not carried over (the audit log starts afresh, recording the recovery). */
  notCarried: string[];
  warnings: string[];
}

const NOT_CARRIED = ['allegations', 'evidence links', 'annotations', 'the audit history (the old case keeps it)'];

export async function recoverCase(damagedDir: string, newDir: string, now: Clock = systemClock): Promise<RecoverReport> {
  const source = path.resolve(damagedDir);
  const target = path.resolve(newDir);
  const vaultRoot = path.join(source, VAULT_DIR);
  if (!caseExists(source) && !fs.existsSync(vaultRoot)) throw new UserError('not_found', `No case at ${source}.`);
  if (target === source) throw new UserError('bad_input', 'Recover into a new folder, not into the damaged case itself.');
  requireNewFolder(target);

  const salvaged = salvage(source);
  const warnings: string[] = [];
  if (salvaged.unopenable) warnings.push(`The database could not be read at all (${salvaged.unopenable}); every exhibit comes from the vault.`);
  for (const part of salvaged.unreadable) warnings.push(`The ${part} could not be read.`);

  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const stem = path.join(parent, `.${path.basename(target)}.recovering-${randomBytes(6).toString('hex')}`);
  const staging = `${stem}-originals`;
  let temp: string | null = stem;
  const api = createCaseApi({ dir: stem, create: { title: salvaged.title ?? `Recovered from ${path.basename(source)}` }, now });
  try {
    if (salvaged.numbering) await api.setNumbering(salvaged.numbering);
    const stored = new Set(fs.existsSync(vaultRoot) ? openVault(vaultRoot).list() : []);
    const { paths, missing } = stage(salvaged.exhibits, stored, vaultRoot, staging);
    if (paths.length > 0) {
      const report = await api.importFiles({ paths });
      for (const f of report.failed) warnings.push(`${path.basename(f.path)} could not be imported again: ${f.error}`);
    }
    const listed = await api.listExhibits({});
    const imported = new Map(listed.map((e) => [e.sha256, e]));
    const fromDatabase = await restoreDetails(api, salvaged.exhibits, salvaged.tags, imported, warnings);
    const { numbering } = await api.caseInfo({});
    await restoreNumbers(api, plannedNumbers(listed, salvaged.exhibits, numbering), warnings);
    const known = new Set(salvaged.exhibits.map((e) => e.sha256));
    const report: RecoverReport = {
      case: target,
      exhibits: imported.size,
      fromDatabase,
      fromVaultOnly: [...imported.keys()].filter((sha) => !known.has(sha)).length,
      lostRows: salvaged.lostExhibitRows + missing.length,
      missingOriginals: missing,
      notCarried: NOT_CARRIED,
      warnings,
    };
    const verified = await api.verify({});
    if (!verified.ok) throw new Error(`The recovered case does not verify: ${JSON.stringify(verified.problems.slice(0, 3))}`);
    api.close();
    recordRecovery(stem, source, report, now);
    fs.renameSync(stem, target);
    temp = null;
    fsyncDir(parent);
    return report;
  } finally {
    api.close();
    fs.rmSync(staging, { recursive: true, force: true });
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Puts each original where the importer can read it under a name that says what it is: the salvaged row's file
 * name, in the old order; originals no row knows follow, largest first, so an email comes before the attachments
 * it holds and they join it as its family instead of standing alone.
 */
function stage(rows: SalvagedExhibit[], stored: Set<string>, vaultRoot: string, staging: string): { paths: string[]; missing: string[] } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const row of rows) {
    if (!stored.has(row.sha256)) {
      missing.push(row.sha256);
      continue;
    }
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
    // An attachment comes back with its family when the family's original is there to be read again.
    if (parent && stored.has(parent.sha256)) continue;
    names.set(row.sha256, safeName(row.source_name, row.sha256));
  }
  const known = new Set(rows.map((r) => r.sha256));
  const vaultFile = (sha: string) => path.join(vaultRoot, sha.slice(0, 2), sha);
  const unknown = [...stored].filter((sha) => !known.has(sha)).sort((a, b) => fs.statSync(vaultFile(b)).size - fs.statSync(vaultFile(a)).size);
  for (const sha of unknown) names.set(sha, `recovered ${sha.slice(0, 12)}`);

  const paths: string[] = [];
  let n = 0;
  for (const [sha, name] of names) {
    const dir = path.join(staging, String(n++));
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    try {
      fs.linkSync(vaultFile(sha), file);
    } catch {
      fs.copyFileSync(vaultFile(sha), file);
    }
    paths.push(file);
  }
  return { paths, missing };
}

function safeName(name: string, sha256: string): string {
  const base = path.basename(name.replace(/[\\/\u0000-\u001f]/g, '_')).slice(0, 200);
  return base && base !== '.' && base !== '..' ? base : `recovered ${sha256.slice(0, 12)}`;
}

/** Puts back what the user had set on each exhibit; returns how many salvaged rows found their exhibit again. */
async function restoreDetails(
  api: CaseApi,
  rows: SalvagedExhibit[],
  tags: Map<number, string[]>,
  imported: Map<string, Exhibit>,
  warnings: string[],
): Promise<number> {
  let found = 0;
  for (const row of rows) {
    const exhibit = imported.get(row.sha256);
    if (!exhibit) continue;
    found++;
    const wanted: ExhibitEdit = {
      title: row.title,
      date: row.doc_date,
      author: row.author,
      from: row.from_addr,
      to: row.to_addr,
      cc: row.cc_addr,
      subject: row.subject,
      description: row.description,
      confidentiality: row.confidentiality,
    };
    const edit = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => exhibit[k as keyof Exhibit] !== v));
    if (Object.keys(edit).length > 0) {
      try {
        await api.updateExhibit({ exhibit: String(exhibit.id), edit });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        warnings.push(`${row.exhibit_no}: its details could not all be put back (${e.message})`);
      }
    }
    for (const tag of tags.get(row.id) ?? []) await api.tagExhibits({ exhibits: [String(exhibit.id)], tag });
  }
  return found;
}

/**
 * The number each exhibit should end with: its old one where its row was salvaged; for one known only from the
 * vault, a new number after the highest old one.
 */
function plannedNumbers(listed: Exhibit[], rows: SalvagedExhibit[], scheme: NumberingScheme): Map<number, string> {
  const rowsBySha = new Map(rows.map((r) => [r.sha256, r]));
  const final = new Map<number, string>();
  const claimed = new Set<string>();
  for (const e of listed) {
    const row = rowsBySha.get(e.sha256);
    if (!row) continue;
    final.set(e.id, row.exhibit_no);
    claimed.add(row.exhibit_no.toLowerCase());
  }
  // A gap in the old numbers was another exhibit's number: a lone original gets a new one after the highest instead.
  let next = Math.max(scheme.start - 1, ...[...claimed].map(sequenceOf).filter(Number.isSafeInteger)) + 1;
  for (const e of listed) {
    if (final.has(e.id) || e.parentId !== null) continue;
    let no = formatExhibitNo(scheme, next++);
    while (claimed.has(no.toLowerCase())) no = formatExhibitNo(scheme, next++);
    final.set(e.id, no);
    claimed.add(no.toLowerCase());
  }
  const current = new Map(listed.map((e) => [e.id, e.exhibitNo]));
  for (const e of listed) {
    if (final.has(e.id) || e.parentId === null) continue;
    // An attachment without its row keeps its place in the family under the family's final number.
    const parentNo = current.get(e.parentId) ?? '';
    const suffix = e.exhibitNo.startsWith(`${parentNo}.`) ? e.exhibitNo.slice(parentNo.length) : `.${e.id}`;
    final.set(e.id, `${final.get(e.parentId) ?? parentNo}${suffix}`);
  }
  for (const e of listed) if (final.get(e.id) === e.exhibitNo) final.delete(e.id);
  return final;
}

/** Renumbers in two steps (each to a placeholder, then to its number) so that no two exhibits swap into a clash. */
async function restoreNumbers(api: CaseApi, numbers: Map<number, string>, warnings: string[]): Promise<void> {
  for (const id of numbers.keys()) await api.updateExhibit({ exhibit: String(id), edit: { exhibitNo: `~recovering ${id}` } });
  for (const [id, exhibitNo] of numbers) {
    try {
      await api.updateExhibit({ exhibit: String(id), edit: { exhibitNo } });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      warnings.push(`Exhibit number ${exhibitNo} could not be put back (${e.message}).`);
      await api.updateExhibit({ exhibit: String(id), edit: { exhibitNo: `Recovered ${id}` } });
    }
  }
}

/** The new case's audit log begins with where it came from and what was recovered and lost. */
function recordRecovery(dir: string, source: string, report: RecoverReport, now: Clock): void {
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  try {
    const audit = createAuditLog(db, now);
    db.transaction(() => audit.record({ action: 'case.recover', objectType: 'case', after: { ...report, source } })).immediate();
  } finally {
    db.close();
  }
}
