// What the Export dialog's form holds, and how it becomes the arguments of an export (or of its preview): one
// place that reads the fields, so that the preview always shows what the Export button would make.
import type { ArgsOf, Caption, EXPORT_METHODS, ExportKindName, ExportSelection } from '../../../shared/api.ts';
import type { CourtId } from '../../../shared/court-profiles.ts';
import { isUserError } from '../../../shared/errors.ts';
import type { BatesPosition } from '../../../shared/model.ts';
import { parseNumberList } from '../../../shared/number-list.ts';

export type SelectBy = 'all' | 'selected' | 'tag' | 'paragraph' | 'numbers';

export interface ExportForm {
  kind: ExportKindName;
  selectBy: SelectBy;
  tag: string;
  paragraph: number | null;
  numbers: string;
  batesPrefix: string;
  batesStart: string;
  batesDigits: string;
  batesPosition: BatesPosition;
  caseNumber: string;
  /** Accepted redactions applied (the default); off, the export shows what they cover. */
  redactions: boolean;
  redactionLabels: boolean;
  pageLabels: boolean;
  /** Documents received in a production with a native original printed from it, not from the images produced for it. */
  printNatives: boolean;
  caption: { court: string; caseTitle: string; caseNumber: string; filingTitle: string };
  cover: string;
  court: CourtId | '';
  maxMb: string;
  listFormat: 'pdf' | 'docx' | 'csv';
  chartFormat: 'pdf' | 'docx';
  /** A production's own settings: its Bates numbers continue per prefix, so it takes no first number. */
  production: { prefix: string; digits: string; volume: string; images: 'tiff' | 'pdf'; text: boolean; natives: 'spreadsheets' | 'all' | 'none' };
  /** A bundle or stamped exhibits made for a filing: its title and labels (frozen once made), and whether exhibits already on the docket are cited. */
  filing: { on: boolean; title: string; labels: 'letters' | 'numbers'; cite: boolean };
  /** The trial exhibit list (AO 187): its format and heading. */
  trialList: { format: 'pdf' | 'docx'; court: string; caseNumber: string; judge: string; trialDates: string };
  /** The jury's copy: with the Exhibits.txt index, and the case number on each stamp. */
  jury: { index: boolean; caseNumber: string };
  outDir: string;
}

export function defaultForm(caseFolder: string): ExportForm {
  return {
    kind: 'bundle',
    selectBy: 'all',
    tag: '',
    paragraph: null,
    numbers: '',
    batesPrefix: '',
    batesStart: '1',
    batesDigits: '6',
    batesPosition: 'bottom-right',
    caseNumber: '',
    redactions: true,
    redactionLabels: false,
    pageLabels: false,
    printNatives: false,
    caption: { court: '', caseTitle: '', caseNumber: '', filingTitle: '' },
    cover: '',
    court: '',
    maxMb: '',
    listFormat: 'pdf',
    chartFormat: 'pdf',
    production: { prefix: '', digits: '7', volume: '', images: 'tiff', text: true, natives: 'spreadsheets' },
    filing: { on: false, title: '', labels: 'letters', cite: true },
    trialList: { format: 'pdf', court: '', caseNumber: '', judge: '', trialDates: '' },
    jury: { index: true, caseNumber: '' },
    outDir: caseFolder ? `${caseFolder.replace(/[\\/]+$/, '')}${caseFolder.includes('\\') ? '\\' : '/'}Exports` : '',
  };
}

export type ExportRequest = { [K in ExportKindName]: { kind: K; args: ArgsOf<(typeof EXPORT_METHODS)[K]> } }[ExportKindName];

/** Kinds that stamp exhibits take the Bates, legend and court settings. */
export const stamps = (kind: ExportKindName) => kind === 'bundle' || kind === 'stamped';

function selection(form: ExportForm, selected: string[]): ExportSelection {
  switch (form.selectBy) {
    case 'all':
      return { by: 'all' };
    case 'selected':
      if (selected.length === 0) throw new Error('Select exhibits in the grid first, or choose another selection.');
      return { by: 'numbers', ranges: [], exhibits: selected };
    case 'tag':
      if (!form.tag) throw new Error('Choose a tag.');
      return { by: 'tag', tag: form.tag };
    case 'paragraph':
      if (form.paragraph === null) throw new Error('Choose a paragraph.');
      return { by: 'paragraph', paragraph: form.paragraph };
    case 'numbers': {
      const list = parseNumberList(form.numbers);
      if (list.ranges.length + list.exhibits.length === 0) throw new Error('Give exhibit numbers, as in 1, 3-7, PX-012.');
      return { by: 'numbers', ...list };
    }
  }
}

function whole(text: string, what: string, min: number, max: number): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new Error(`${what} must be a whole number from ${min} to ${max.toLocaleString('en-US')}.`);
  return n;
}

function readRequest(form: ExportForm, selected: string[]): ExportRequest {
  const outDir = form.outDir.trim();
  if (!outDir) throw new Error('Choose a folder to export to.');
  if (form.kind === 'list') return { kind: 'list', args: { outDir, format: form.listFormat, select: selection(form, selected) } };
  if (form.kind === 'proof-chart') return { kind: 'proof-chart', args: { outDir, format: form.chartFormat } };
  if (form.kind === 'production') return productionRequest(form, outDir, selected);
  if (form.kind === 'trial-list') return trialListRequest(form, outDir, selected);
  if (form.kind === 'jury') return { kind: 'jury', args: { outDir, index: form.jury.index, caseNumber: form.jury.caseNumber.trim() || undefined } };
  const stamped = {
    outDir,
    select: selection(form, selected),
    bates: {
      prefix: form.batesPrefix,
      start: whole(form.batesStart, 'The first Bates number', 0, 999_999_999_999),
      digits: whole(form.batesDigits, 'The Bates digits', 1, 15),
      position: form.batesPosition,
    },
    caseNumber: form.caseNumber.trim() || undefined,
    court: form.court || undefined,
    redactions: form.redactions,
    redactionLabels: form.redactions && form.redactionLabels,
    pageLabels: form.pageLabels,
    printNatives: form.printNatives,
    filing: filingOf(form),
  };
  if (form.kind === 'stamped') return { kind: 'stamped', args: stamped };
  const maxMb = form.maxMb.trim() === '' ? undefined : Number(form.maxMb);
  if (maxMb !== undefined && !(maxMb > 0)) throw new Error('The volume size must be a number of MB above 0.');
  return { kind: 'bundle', args: { ...stamped, cover: form.cover.trim() || undefined, maxMb, caption: captionOf(form) } };
}

function productionRequest(form: ExportForm, outDir: string, selected: string[]): ExportRequest {
  const p = form.production;
  const prefix = p.prefix.trim();
  // The core checks the prefix too; said here first so that the preview names what is missing instead of failing.
  if (!prefix) throw new Error('Give the Bates prefix of the production.');
  return {
    kind: 'production',
    args: {
      outDir,
      select: selection(form, selected),
      prefix,
      digits: whole(p.digits, 'The Bates digits', 4, 15),
      volume: p.volume.trim() || undefined,
      images: p.images,
      text: p.text,
      natives: p.natives,
      redactions: form.redactions,
    },
  };
}

/** The filing an export is made for, when it is: its title is needed, since later filings and the docket name it. */
function filingOf(form: ExportForm): { title: string; labels: 'letters' | 'numbers'; cite: boolean } | undefined {
  if (!form.filing.on) return undefined;
  const title = form.filing.title.trim();
  if (!title) throw new Error('Give the filing a title, such as "Opposition to summary judgment".');
  return { title, labels: form.filing.labels, cite: form.filing.cite };
}

function trialListRequest(form: ExportForm, outDir: string, selected: string[]): ExportRequest {
  const t = form.trialList;
  const caption = { court: t.court.trim() || undefined, caseNumber: t.caseNumber.trim() || undefined };
  return {
    kind: 'trial-list',
    args: {
      outDir,
      format: t.format,
      select: selection(form, selected),
      caption: caption.court || caption.caseNumber ? caption : undefined,
      judge: t.judge.trim() || undefined,
      trialDates: t.trialDates.trim() || undefined,
    },
  };
}

/** The caption's lines that were filled in, or none at all. */
function captionOf(form: ExportForm): Caption | undefined {
  const filled = Object.entries(form.caption)
    .map(([k, v]) => [k, v.trim()] as const)
    .filter(([, v]) => v !== '');
  return filled.length > 0 ? (Object.fromEntries(filled) as Caption) : undefined;
}

/** The export the form describes, or the one sentence saying what to fix first. */
export function toRequest(form: ExportForm, selected: string[]): { request: ExportRequest } | { problem: string } {
  try {
    return { request: readRequest(form, selected) };
  } catch (e) {
    if (isUserError(e) || e instanceof Error) return { problem: e.message };
    throw e;
  }
}
