// Kills imports and exports with SIGKILL at seeded points and checks, after each, that the case is sound, nothing is
// half-written under a real name, and a re-run completes with nothing lost or duplicated.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import type { ExportResult } from '../../shared/model.ts';
import { tempDir } from '../fixtures/case.ts';
import { seededRandom } from '../../electron/core/seeded-random.ts';
import { cliSpawn } from '../fixtures/cli.ts';
import { pagesText } from '../fixtures/export-reading.ts';
import {
  exportEntries,
  committedRows,
  folderBytes,
  incomingFiles,
  readCaseState,
  sha256File,
  vaultOriginals,
  waitUntil,
  writeCrashSource,
  type CaseState,
} from '../fixtures/kill-points.ts';

// EXHIBIT_DESK_KILL_SEED=<n> replays a run; without it every run tries new points and names its seed.
const SEED = Number(process.env.EXHIBIT_DESK_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const IMPORT_POINTS = 10;
const EXPORT_POINTS = 10;
const PDFS = 10;
const EMAILS = 4;
const BATES = { prefix: 'KP-', start: 1, digits: 6 };
const BATES_FLAGS = ['--bates-prefix', BATES.prefix, '--bates-digits', String(BATES.digits)];
// Exports of part of the case: enough pages for points early, middle and late, few enough to keep the run short.
const SELECT = { bundle: { from: 1, to: 8 }, stamped: { from: 1, to: 5 } } as const;
// The last bytes (cross-reference tables, the last stamped file, the manifest) come in a burst too quick to catch.
const LATEST = { bundle: 0.88, stamped: 0.75 } as const;
const SEED_NOTE = `kill seed ${SEED} (replay with EXHIBIT_DESK_KILL_SEED=${SEED})`;

type ExportKind = 'bundle' | 'stamped';
type Point =
  | { op: 'import'; at: 'startup'; delayMs: number }
  | { op: 'import'; at: 'vault' | 'rows'; n: number; jitterMs: number }
  | { op: ExportKind; at: 'startup'; delayMs: number }
  | { op: ExportKind; at: 'bytes'; fraction: number; jitterMs: number };

/** Early, middle and late points alike: point i falls in the i-th slice of the run. */
function choosePoints(random: () => number): Point[] {
  const points: Point[] = [];
  const originals = PDFS + EMAILS + 1; // every email carries the same attached PDF: one more original
  for (let i = 0; i < IMPORT_POINTS; i++) {
    const fraction = (i + random()) / IMPORT_POINTS;
    // Start-up is short since the CLI loads lazily and its workers are prebuilt: the points fall within it.
    if (i === 0) points.push({ op: 'import', at: 'startup', delayMs: Math.round(50 + 700 * random()) });
    else {
      const at = random() < 0.5 ? 'vault' : 'rows';
      const n = Math.max(1, Math.min(Math.ceil(fraction * (at === 'vault' ? originals : PDFS + EMAILS)), PDFS + EMAILS - 1));
      points.push({ op: 'import', at, n, jitterMs: Math.round(30 * random()) });
    }
  }
  for (let i = 0; i < EXPORT_POINTS; i++) {
    const op: ExportKind = i % 2 === 0 ? 'bundle' : 'stamped';
    const fraction = (i + random()) / EXPORT_POINTS;
    if (i < 2) points.push({ op, at: 'startup', delayMs: Math.round(50 + 450 * random()) });
    else points.push({ op, at: 'bytes', fraction: Math.min(fraction, LATEST[op]), jitterMs: Math.round(20 * random()) });
  }
  return points;
}

const POINTS = choosePoints(seededRandom(SEED));
const src = tempDir('kill-src-');
const work = tempDir('kill-work-');
const emptyCase = path.join(work, 'empty');
const fullCase = path.join(work, 'full');
let clean: CaseState;
const cleanExport: Record<ExportKind, { bytes: number; bates: number[][]; names: string[] }> = {} as never;

beforeAll(async () => {
  console.log(SEED_NOTE);
  await writeCrashSource(src, PDFS, EMAILS);
  createCaseApi({ dir: emptyCase, create: { title: 'Kill points' } }).close();
  fs.cpSync(emptyCase, fullCase, { recursive: true });
  const api = createCaseApi({ dir: fullCase });
  try {
    const report = await api.importFiles({ paths: [src] });
    if (report.failed.length > 0) throw new Error(`the clean import failed: ${JSON.stringify(report.failed)}`);
    for (const op of ['bundle', 'stamped'] as const) {
      const outDir = path.join(work, `clean-${op}`);
      const result = await exportIn(api, op, outDir);
      const folder = path.dirname(result.manifest);
      cleanExport[op] = { bytes: folderBytes(folder), bates: result.files.map((f) => stampedBates(f.path)), names: result.files.map((f) => path.basename(f.path)) };
    }
  } finally {
    api.close();
  }
  clean = readCaseState(fullCase);
}, 180_000);

// A failing point's case and export folder stay behind in the temporary folder (kill-import-…, kill-bundle-…).
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(src, { recursive: true, force: true });
});

/** The export a kill point interrupts, run to completion in this process. */
function exportIn(api: CaseApi, op: ExportKind, outDir: string): Promise<ExportResult> {
  const select = { by: 'numbers' as const, ranges: [SELECT[op]], exhibits: [] };
  return op === 'bundle' ? api.exportBundle({ outDir, bates: BATES, select }) : api.exportStamped({ outDir, bates: BATES, select });
}

/** The Bates number of each stamped page: alone on its last line (slip sheets and the index show ranges there). */
function stampedBates(file: string): number[] {
  const alone = new RegExp(`^\\s*${BATES.prefix}(\\d{${BATES.digits}})\\s*$`);
  return pagesText(file).flatMap((page) => {
    const last = page.split('\n').filter((line) => line.trim() !== '').at(-1) ?? '';
    const found = alone.exec(last);
    return found ? [Number(found[1])] : [];
  });
}

function describePoint(p: Point): string {
  switch (p.at) {
    case 'startup':
      return `${p.op}, ${p.delayMs} ms after start`;
    case 'vault':
      return `import, when the vault holds ${p.n} original(s) (+${p.jitterMs} ms)`;
    case 'rows':
      return `import, when ${p.n} exhibit row(s) are committed (+${p.jitterMs} ms)`;
    case 'bytes':
      return `${p.op}, at ${Math.round(p.fraction * 100)} % of its bytes written (+${p.jitterMs} ms)`;
  }
}

function tempFolderOf(outDir: string): string | null {
  const hidden = exportEntries(outDir).hidden[0];
  return hidden ? path.join(outDir, hidden) : null;
}

/** Resolves when the point is reached; false when the process finished first. */
async function reach(p: Point, child: ChildProcess, caseDir: string, outDir: string): Promise<boolean> {
  let exited = child.exitCode !== null || child.signalCode !== null;
  child.once('exit', () => (exited = true));
  const reached = (): boolean => {
    switch (p.at) {
      case 'startup':
        return false;
      case 'vault':
        return vaultOriginals(caseDir).length >= p.n;
      case 'rows':
        return committedRows(caseDir) >= p.n;
      case 'bytes': {
        const temp = tempFolderOf(outDir);
        return temp !== null && folderBytes(temp) >= p.fraction * cleanExport[p.op].bytes;
      }
    }
  };
  if (p.at === 'startup') await new Promise((r) => setTimeout(r, p.delayMs));
  else await waitUntil(() => exited || reached(), 120_000, describePoint(p));
  if (p.at !== 'startup' && p.jitterMs > 0) await new Promise((r) => setTimeout(r, p.jitterMs));
  return !exited;
}

async function killAt(p: Point, args: string[], caseDir: string, outDir: string): Promise<{ pid: number; killed: boolean }> {
  const child = cliSpawn(...args);
  const exit = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const inTime = await reach(p, child, caseDir, outDir);
  if (inTime) child.kill('SIGKILL');
  const signal = await exit;
  return { pid: child.pid!, killed: signal === 'SIGKILL' };
}

/** What must hold on disk right after a kill, before anything opens the case again. */
function checkAfterKill(caseDir: string, pid: number): CaseState {
  const state = readCaseState(caseDir);
  expect(state.integrity, SEED_NOTE).toBe('ok');
  for (const e of state.exhibits) expect(sha256File(path.join(caseDir, 'vault', e.sha256.slice(0, 2), e.sha256)), `${e.exhibitNo} ${SEED_NOTE}`).toBe(e.sha256);
  // Under a real name, only whole originals: every file's content hashes to its name.
  for (const file of vaultOriginals(caseDir)) expect(sha256File(file), SEED_NOTE).toBe(path.basename(file));
  // What the killed writer left is in the vault's temp folder, named for it, for the next open to sweep.
  for (const name of incomingFiles(caseDir)) expect(name, SEED_NOTE).toMatch(new RegExp(`^${pid}-[0-9a-f]{16}\\.part$`));
  // Families are stored whole and in input order: the exhibits are a prefix of the clean run's.
  expect(state.exhibits, SEED_NOTE).toEqual(clean.exhibits.slice(0, state.exhibits.length));
  return state;
}

/** Opens the case as the next run does (sweeping what the killed one left) and verifies originals and audit chain. */
async function verifyCase(caseDir: string, checked: number): Promise<void> {
  const api = createCaseApi({ dir: caseDir });
  try {
    expect(await api.verify({}), SEED_NOTE).toMatchObject({ ok: true, checked, auditOk: true, integrity: 'ok', problems: [] });
  } finally {
    api.close();
  }
  expect(incomingFiles(caseDir), SEED_NOTE).toEqual([]);
}

/** Every published export folder is complete: its manifest lists every file in it, each with its SHA-256. */
function checkPublished(outDir: string, kind: ExportKind): void {
  for (const name of exportEntries(outDir).published) {
    expect(name, SEED_NOTE).toMatch(new RegExp(`^${kind} \\d{4}-\\d\\d-\\d\\d \\d\\d\\.\\d\\d\\.\\d\\d`));
    const folder = path.join(outDir, name);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    expect(fs.readdirSync(folder).sort(), SEED_NOTE).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
    for (const f of manifest.files) expect(sha256File(path.join(folder, f.name)), `${f.name} ${SEED_NOTE}`).toBe(f.sha256);
  }
}

async function importPoint(p: Point): Promise<void> {
  const caseDir = path.join(tempDir('kill-import-'), 'case');
  fs.cpSync(emptyCase, caseDir, { recursive: true });
  // As for exports below: an import that finished before its point (a faster start, a quiet moment) is tried again
  // on a fresh copy of the case, up to three times.
  let { pid, killed } = await killAt(p, ['import', caseDir, src, '--json'], caseDir, '');
  for (let again = 0; !killed && again < 2; again++) {
    fs.rmSync(caseDir, { recursive: true, force: true });
    fs.cpSync(emptyCase, caseDir, { recursive: true });
    ({ pid, killed } = await killAt(p, ['import', caseDir, src, '--json'], caseDir, ''));
  }
  expect(killed, `the import finished before the point was reached, three times; ${SEED_NOTE}`).toBe(true);
  const before = checkAfterKill(caseDir, pid);
  await verifyCase(caseDir, new Set(before.exhibits.map((e) => e.sha256)).size);

  const api = createCaseApi({ dir: caseDir });
  try {
    const rerun = await api.importFiles({ paths: [src] });
    expect(rerun.failed, SEED_NOTE).toEqual([]);
    expect(rerun.imported.length + before.exhibits.length, SEED_NOTE).toBe(clean.exhibits.length);
  } finally {
    api.close();
  }
  const after = readCaseState(caseDir);
  // Nothing lost, nothing twice, numbered as a clean run numbers them, and no original left without its exhibit.
  expect(after.exhibits, SEED_NOTE).toEqual(clean.exhibits);
  expect(vaultOriginals(caseDir).map((f) => path.basename(f)).sort(), SEED_NOTE).toEqual(clean.exhibits.map((e) => e.sha256).sort());
  await verifyCase(caseDir, clean.exhibits.length);
  fs.rmSync(path.dirname(caseDir), { recursive: true, force: true });
}

async function exportPoint(p: Point & { op: ExportKind }): Promise<void> {
  const caseDir = path.join(tempDir(`kill-${p.op}-`), 'case');
  fs.cpSync(fullCase, caseDir, { recursive: true });
  const outDir = path.join(path.dirname(caseDir), 'out');
  const select = ['--select', `numbers:${SELECT[p.op].from}-${SELECT[p.op].to}`];
  const args = ['export', caseDir, p.op, '--out', outDir, ...BATES_FLAGS, ...select, '--json'];
  // On a loaded machine a small export can be written whole between two looks at its folder: it then finished cleanly
  // (a complete export, checked below like any other), and the kill is tried again on a fresh run.
  let { pid, killed } = await killAt(p, args, caseDir, outDir);
  for (let again = 0; !killed && again < 2; again++) ({ pid, killed } = await killAt(p, args, caseDir, outDir));
  expect(killed, `the export finished before the point was reached, three times; ${SEED_NOTE}`).toBe(true);
  checkAfterKill(caseDir, pid);
  expect(readCaseState(caseDir).exhibits, SEED_NOTE).toEqual(clean.exhibits);
  // A hidden temporary folder of the killed export may remain; nothing else but complete exports.
  for (const name of exportEntries(outDir).hidden) expect(name, SEED_NOTE).toMatch(new RegExp(`^\\.${p.op}-${pid}-[0-9a-f]{12}\\.part$`));
  checkPublished(outDir, p.op);
  await verifyCase(caseDir, new Set(clean.exhibits.map((e) => e.sha256)).size);

  const api = createCaseApi({ dir: caseDir });
  let files: string[];
  try {
    const result = await exportIn(api, p.op, outDir);
    files = result.files.map((f) => f.path);
  } finally {
    api.close();
  }
  // The next export into the folder removed what the killed one left.
  expect(exportEntries(outDir).hidden, SEED_NOTE).toEqual([]);
  checkPublished(outDir, p.op);
  expect(files.map((f) => path.basename(f)), SEED_NOTE).toEqual(cleanExport[p.op].names);
  expect(files.map(stampedBates), SEED_NOTE).toEqual(cleanExport[p.op].bates);
  await verifyCase(caseDir, new Set(clean.exhibits.map((e) => e.sha256)).size);
  fs.rmSync(path.dirname(caseDir), { recursive: true, force: true });
}

describe(`SIGKILL at ${POINTS.length} seeded points (${SEED_NOTE})`, () => {
  it('the clean runs the kill points are compared with number Bates pages contiguously', () => {
    expect(clean.exhibits.filter((e) => e.parentId === null).map((e) => e.exhibitNo)).toEqual(
      Array.from({ length: PDFS + EMAILS }, (_, i) => `PX-${String(i + 1).padStart(3, '0')}`),
    );
    for (const op of ['bundle', 'stamped'] as const) {
      const numbers = cleanExport[op].bates.flat();
      expect(numbers.length).toBeGreaterThan(12);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    }
  });

  for (const [i, p] of POINTS.entries()) {
    it(`kill ${i + 1}: ${describePoint(p)}`, () => (p.op === 'import' ? importPoint(p) : exportPoint(p as Point & { op: ExportKind })), 120_000);
  }
});
