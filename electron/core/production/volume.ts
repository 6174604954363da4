// Reads a production volume someone served on us (DAT + OPT + images, text and natives) into whole documents: each
// DAT row matched to its page images, its files found on disk, its family worked out. A document with any problem
// is left out and the problem reported with the load file and line to fix; nothing is returned half.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors.ts';
import { readDat, type DatFile, type DatRow } from './dat.ts';
import { resolveFieldMap, type ColumnChoices, type ProductionField, type ResolvedFieldMap } from './field-map.ts';
import { decodeLoadFile } from './load-file-text.ts';
import { readOpt, type OptPage } from './opt.ts';
import { findLoadFiles, VolumePaths } from './volume-files.ts';

export { batesRange, formatBates, parseBates, type ParsedBates } from './bates.ts';
export { DEFAULT_FIELD_MAP, PRODUCTION_FIELDS, type ProductionField, type ResolvedFieldMap } from './field-map.ts';

export interface ProductionPage {
  key: string;
  /** Absolute path of the page image. */
  path: string;
}

export interface ProductionDocument {
  datLine: number;
  begBates: string;
  endBates: string;
  pages: ProductionPage[];
  textPath: string | null;
  nativePath: string | null;
  /** The mapped columns under our field names, every other column under its DAT name; values as the DAT gives them. */
  fields: Record<string, string>;
  /** The family's BEGATTACH, for a document produced with family members (or whose parent was withheld). */
  familyId: string | null;
  /** The BEGBATES of the family's parent, for the family's other members. */
  parentBegBates: string | null;
}

export interface ProductionProblem {
  /** The line of `file` to look at; null when the problem is with the volume as a whole. */
  line: number | null;
  /** The load file (relative to the volume root, forward slashes), or the folder itself ('.'). */
  file: string;
  message: string;
}

export interface ProductionVolume {
  documents: ProductionDocument[];
  problems: ProductionProblem[];
  fields: string[];
  fieldMap: ResolvedFieldMap;
  /** The map the usual column names alone give (no choices), to tell what a user changed. */
  usualFieldMap: ResolvedFieldMap;
  /** Each field's first value that is not empty, cut short ('' when none). */
  samples: string[];
  volumeName: string;
  datFile: string | null;
  optFile: string | null;
  /** How the DAT was read: its encoding and dialect, null when no DAT was read. */
  datFormat: Pick<DatFile, 'encoding' | 'dialect' | 'delimiter' | 'qualifier'> | null;
}

export interface ReadVolumeOptions {
  /** The DAT to read (relative to the volume or absolute) when the volume holds several. */
  datFile?: string;
  optFile?: string;
  /** Whether the DAT's first line names the fields; guessed when not given. */
  hasHeader?: boolean;
  /** The case's choices for columns by name, applied after the caller's field map. */
  choices?: ColumnChoices;
}

/** Reads the volume in `dir`; throws a UserError only when it is not a production volume at all. */
export function readProductionVolume(
  dir: string,
  fieldMap: Readonly<Record<string, string>> = {},
  options: ReadVolumeOptions = {},
): ProductionVolume {
  const root = path.resolve(dir);
  if (!isDirectory(root)) throw new UserError('not_found', `The folder ${dir} does not exist.`);
  const choice = { ...(options.datFile ? { datFile: options.datFile } : {}), ...(options.optFile ? { optFile: options.optFile } : {}) };
  const found = findLoadFiles(root, choice);
  const { dat: datFile, opt: optFile } = found;
  const rel = (f: string): string => path.relative(root, f).split(path.sep).join('/') || '.';
  const empty = (problems: ProductionProblem[]): ProductionVolume => ({
    documents: [],
    problems,
    fields: [],
    fieldMap: {},
    usualFieldMap: {},
    samples: [],
    volumeName: path.basename(root),
    datFile,
    optFile,
    datFormat: null,
  });
  if (datFile === null) {
    if (found.ambiguous) return empty(found.notes.map((message) => ({ line: null, file: '.', message })));
    throw new UserError('not_found', `${dir} holds no DAT load file, so it is not a production volume this app can read.`);
  }
  const problems: ProductionProblem[] = found.notes.map((message) => ({ line: null, file: '.', message }));
  const dat = readDat(readFile(datFile), options.hasHeader === undefined ? {} : { hasHeader: options.hasHeader });
  const datRel = rel(datFile);
  const datFormat = { encoding: dat.encoding, dialect: dat.dialect, delimiter: dat.delimiter, qualifier: dat.qualifier };
  for (const p of dat.problems) problems.push({ line: p.line, file: datRel, message: p.message });

  const filled = new Set(dat.fields.filter((_, i) => dat.rows.some((r) => r.values[i]!.trim() !== '')));
  const mapping = resolveFieldMap(dat.fields, fieldMap, filled, options.choices);
  const usualFieldMap = resolveFieldMap(dat.fields, {}, filled).map;
  const samples = dat.fields.map((_, i) => sampleOf(dat.rows, i));
  for (const m of mapping.missing) {
    problems.push({ line: 1, file: datRel, message: `the field map names the column ${m.column} for ${m.field}, but the DAT has no such column` });
  }
  for (const name of mapping.unknown) problems.push({ line: null, file: '.', message: `the field map names ${name}, which is not a field this app knows` });
  if (mapping.map.begBates === undefined) {
    problems.push({
      line: 1,
      file: datRel,
      message: 'no column holds the first Bates number of each document (BEGBATES, BEGDOC, PRODBEG …); name it in the field map',
    });
    return { ...empty(problems), fields: dat.fields, fieldMap: mapping.map, usualFieldMap, samples, datFormat };
  }

  const opt = optFile ? readOpt(decodeLoadFile(readFile(optFile)).text) : { pages: [], problems: [] };
  const optRel = optFile ? rel(optFile) : '';
  for (const p of opt.problems) problems.push({ line: p.line, file: optRel, message: p.message });
  const imageDocs = groupImages(opt.pages);

  const context: RowContext = {
    dat,
    map: mapping.map,
    column: Object.fromEntries(Object.entries(mapping.map).map(([f, c]) => [f, dat.fields.indexOf(c)])),
    ours: new Map(Object.entries(mapping.map).map(([f, c]) => [c, f])),
    paths: new VolumePaths(root),
    datDir: path.dirname(datFile),
    optDir: optFile ? path.dirname(optFile) : root,
    hasOpt: optFile !== null,
  };
  const images = new Map<string, ImageDoc>();
  for (const d of imageDocs) if (!images.has(upper(d.pages[0]!.key))) images.set(upper(d.pages[0]!.key), d);
  const duplicates = duplicateBates(dat.rows, context);
  const families = familiesOf(dat.rows, context);
  const documents: ProductionDocument[] = [];
  const matched = new Set<ImageDoc>();
  for (const row of dat.rows) {
    const beg = value(context, row, 'begBates');
    const image = images.get(upper(beg));
    if (image) matched.add(image);
    const built = buildDocument(context, row, image ?? null);
    const rowProblems = [...(duplicates.get(row) ?? []), ...built.problems];
    for (const message of rowProblems) problems.push({ line: row.line, file: datRel, message: `line ${row.line}: ${message}` });
    if (rowProblems.length === 0 && built.document) {
      const family = families.get(row) ?? { familyId: null, parentBegBates: null };
      documents.push({ ...built.document, ...family });
    }
  }
  problems.push(...unclaimedImages(imageDocs.filter((d) => !matched.has(d)), optRel));
  const volumeName = opt.pages.find((p) => p.volume !== '')?.volume ?? path.basename(root);
  // The volume's own problems first, then the DAT's and the OPT's, each in line order.
  const rank = (p: ProductionProblem): number => (p.file === datRel ? 1 : p.file === optRel ? 2 : 0);
  problems.sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
  return { documents, problems, fields: dat.fields, fieldMap: mapping.map, usualFieldMap, samples, volumeName, datFile, optFile, datFormat };
}

interface RowContext {
  dat: DatFile;
  map: ResolvedFieldMap;
  /** Where each mapped field is in a row. */
  column: Partial<Record<ProductionField, number>>;
  /** DAT column → our field name. */
  ours: Map<string, string>;
  paths: VolumePaths;
  datDir: string;
  optDir: string;
  hasOpt: boolean;
}

/** The pages from one `Y` line of the OPT up to the next, with what is wrong with them. */
interface ImageDoc {
  pages: OptPage[];
  problems: string[];
}

function groupImages(pages: OptPage[]): ImageDoc[] {
  const docs: ImageDoc[] = [];
  const seen = new Map<string, number>();
  let current: ImageDoc | null = null;
  for (const p of pages) {
    if (p.docBreak || current === null) {
      current = { pages: [], problems: [] };
      if (!p.docBreak) current.problems.push(`OPT line ${p.line} lists ${p.key} first but does not mark it as the start of a document (Y)`);
      docs.push(current);
    }
    const earlier = seen.get(upper(p.key));
    if (earlier !== undefined) current.problems.push(`OPT line ${p.line} lists the page ${p.key} again (first on OPT line ${earlier})`);
    else seen.set(upper(p.key), p.line);
    current.pages.push(p);
  }
  for (const d of docs) {
    const first = d.pages[0]!;
    if (first.pageCount !== null && first.pageCount !== d.pages.length) {
      d.problems.push(`OPT line ${first.line} gives ${first.pageCount} pages for ${first.key} but lists ${d.pages.length}`);
    }
  }
  return docs;
}

function unclaimedImages(docs: ImageDoc[], optRel: string): ProductionProblem[] {
  return docs.map((d) => {
    const first = d.pages[0]!;
    const more = d.problems.length > 0 ? `; also ${d.problems.join('; ')}` : '';
    const pages = `${d.pages.length} page${d.pages.length === 1 ? '' : 's'}`;
    return { line: first.line, file: optRel, message: `line ${first.line}: the images of ${first.key} (${pages}) have no row in the DAT${more}` };
  });
}

interface Built {
  document: Omit<ProductionDocument, 'familyId' | 'parentBegBates'> | null;
  problems: string[];
}

function buildDocument(ctx: RowContext, row: DatRow, image: ImageDoc | null): Built {
  const problems: string[] = [];
  const beg = value(ctx, row, 'begBates');
  if (beg === '') return { document: null, problems: [`the ${ctx.map.begBates} column is empty`] };
  let end = value(ctx, row, 'endBates');
  const pages: ProductionPage[] = [];
  if (image) {
    problems.push(...image.problems);
    const lastKey = image.pages.at(-1)!.key;
    if (end !== '' && upper(end) !== upper(lastKey)) problems.push(`${ctx.map.endBates} ${end} but the images end at ${lastKey}`);
    if (end === '') end = lastKey;
    const unusable: string[] = [];
    for (const p of image.pages) {
      const r = ctx.paths.resolve(p.imagePath, ctx.optDir);
      if (r.ok) pages.push({ key: p.key, path: r.path });
      else unusable.push(`the page image ${p.imagePath} of ${p.key} (OPT line ${p.line}) ${r.reason === 'outside' ? 'points outside the volume' : 'is missing'}`);
    }
    // A document whose image folder is gone would otherwise list every page; three say where to look.
    problems.push(...unusable.slice(0, 3));
    if (unusable.length > 3) problems.push(`${unusable.length - 3} more of its ${image.pages.length} page images cannot be used either`);
  }
  const textPath = fileOf(ctx, row, 'textPath', 'extracted text', problems);
  const nativePath = fileOf(ctx, row, 'nativePath', 'native file', problems);
  if (!image && value(ctx, row, 'nativePath') === '') {
    problems.push(ctx.hasOpt ? `no page images in the OPT start at ${beg} and the row names no native file` : `the volume has no OPT and the row names no native file`);
  }
  const fields: Record<string, string> = {};
  ctx.dat.fields.forEach((name, i) => {
    fields[ctx.ours.get(name) ?? name] = row.values[i]!;
  });
  return { document: { datLine: row.line, begBates: beg, endBates: end || beg, pages, textPath, nativePath, fields }, problems };
}

// A text "path" holding a line break or more than a path's length is the extracted text itself (some DATs carry it).
function fileOf(ctx: RowContext, row: DatRow, field: 'textPath' | 'nativePath', what: string, problems: string[]): string | null {
  const raw = value(ctx, row, field);
  if (raw === '' || (field === 'textPath' && (raw.includes('\n') || raw.length > 260))) return null;
  const r = ctx.paths.resolve(raw, ctx.datDir);
  if (r.ok) return r.path;
  problems.push(`the ${what} ${raw} ${r.reason === 'outside' ? 'points outside the volume' : 'is missing'}`);
  return null;
}

function duplicateBates(rows: DatRow[], ctx: RowContext): Map<DatRow, string[]> {
  const byBates = new Map<string, DatRow[]>();
  for (const row of rows) {
    const beg = upper(value(ctx, row, 'begBates'));
    if (beg === '') continue;
    const list = byBates.get(beg);
    if (list) list.push(row);
    else byBates.set(beg, [row]);
  }
  const out = new Map<DatRow, string[]>();
  for (const list of byBates.values()) {
    if (list.length < 2) continue;
    for (const row of list) {
      const others = list.filter((r) => r !== row).map((r) => r.line);
      out.set(row, [`${ctx.map.begBates} ${value(ctx, row, 'begBates')} is also on line ${others.join(', ')}`]);
    }
  }
  return out;
}

// Members of a family share one BEGATTACH..ENDATTACH range; the parent is the member whose BEGBATES is BEGATTACH.
// Worked out over every row, so an attachment keeps its parent's number even when the parent is left out.
function familiesOf(rows: DatRow[], ctx: RowContext): Map<DatRow, Pick<ProductionDocument, 'familyId' | 'parentBegBates'>> {
  const groups = new Map<string, DatRow[]>();
  for (const row of rows) {
    const begAttach = value(ctx, row, 'begAttach');
    if (begAttach === '' || value(ctx, row, 'begBates') === '') continue;
    const key = `${upper(begAttach)}\u0000${upper(value(ctx, row, 'endAttach'))}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const out = new Map<DatRow, Pick<ProductionDocument, 'familyId' | 'parentBegBates'>>();
  for (const members of groups.values()) {
    const familyId = value(ctx, members[0]!, 'begAttach');
    const parent = members.find((m) => upper(value(ctx, m, 'begBates')) === upper(familyId)) ?? null;
    if (members.length === 1 && parent !== null) continue;
    const parentBegBates = parent ? value(ctx, parent, 'begBates') : null;
    for (const m of members) out.set(m, { familyId, parentBegBates: m === parent ? null : parentBegBates });
  }
  return out;
}

const SAMPLE_LENGTH = 60;

function sampleOf(rows: DatRow[], column: number): string {
  const found = rows.find((r) => (r.values[column] ?? '').trim() !== '')?.values[column]?.replace(/\s+/g, ' ').trim() ?? '';
  return found.length > SAMPLE_LENGTH ? `${found.slice(0, SAMPLE_LENGTH - 1)}…` : found;
}

function value(ctx: RowContext, row: DatRow, field: ProductionField): string {
  const i = ctx.column[field];
  return i === undefined ? '' : (row.values[i] ?? '').trim();
}

function upper(s: string): string {
  return s.trim().toUpperCase();
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UserError('io', `${file} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
