// exhibit-desk export: the exhibit bundle, stamped exhibits, the exhibit list, the proof chart and a production volume,
// into a new folder.
import path from 'node:path';
import type { BatesSettings, Caption, ExportKindName, ExportSelection } from '../../../shared/api.ts';
import type { CourtId } from '../../../shared/court-profiles.ts';
import { UserError } from '../../../shared/errors.ts';
import { parseNumberList } from '../../../shared/number-list.ts';
import { BATES_POSITIONS, DESIGNATION_KINDS, FILING_SCHEMES, type BatesPosition, type DesignationKind, type ExportResult, type FilingScheme } from '../../../shared/model.ts';
import type { CaseApi } from '../../core/api.ts';
import { stopExportThread, warmExportThread } from '../../core/export/export-thread.ts';
import { EXIT, interruptible, parseCourt, parseFlags, parseInteger, parseMegabytes, printJson, progressLine, requirePositionals, withCase, type Command, type Io } from '../command.ts';

const STAMP_FLAGS =
  '[--bates-prefix P] [--bates-start N] [--bates-digits N] [--bates-position bottom-right|bottom-center|bottom-left] [--case-number TEXT] [--court cacd|cand|mdd|generic] [--page-labels] [--redaction-labels] [--no-redactions] [--skip-changed] [--print-natives]';
const CAPTION_FLAGS = '[--caption-court TEXT] [--caption-title TEXT] [--caption-number TEXT] [--filing-title TEXT]';
const SELECT_FLAG = '[--select all|tag:NAME|paragraph:N|numbers:1,3-7]';
const FILING_FLAGS = '[--filing TITLE [--labels letters|numbers] [--refile]]';
const CITE_FLAGS = `[--cite-by ${DESIGNATION_KINDS.join('|')}] [--cite-also KIND,KIND]`;

const usage = [
  `export CASE_DIR bundle --out DIR ${STAMP_FLAGS} [--max-mb N] ${SELECT_FLAG} [--cover TEXT] ${CAPTION_FLAGS} ${FILING_FLAGS} [--password PW]... [--json]`,
  `export CASE_DIR stamped --out DIR ${STAMP_FLAGS} ${SELECT_FLAG} ${FILING_FLAGS} [--password PW]... [--json]`,
  `export CASE_DIR list --format pdf|docx|csv --out DIR ${SELECT_FLAG} ${CITE_FLAGS} [--json]`,
  `export CASE_DIR proof-chart --format pdf|docx --out DIR ${CITE_FLAGS} [--json]`,
  `export CASE_DIR trial-list --format pdf|docx --out DIR ${SELECT_FLAG} [--caption-court TEXT] [--caption-title TEXT] [--caption-number TEXT] [--judge NAME] [--trial-dates TEXT] [--json]`,
  'export CASE_DIR jury --out DIR [--index] [--case-number TEXT] [--password PW]... [--json]',
  `export CASE_DIR production --out DIR --prefix P [--digits N] [--volume NAME] [--images tiff|pdf] [--no-text] [--natives spreadsheets|all|none] ${SELECT_FLAG} [--no-redactions] [--password PW]... [--json]`,
  '    Each export goes into a new folder inside DIR, with manifest.json beside its files. Accepted redactions are',
  '    applied (with a redaction log) unless --no-redactions is given. A document received in a production whose original',
  '    is a native file is exported as the images it was produced as, unless --print-natives is given.',
].join('\n  ');

const FLAGS = {
  out: { type: 'string' },
  filing: { type: 'string' },
  labels: { type: 'string' },
  refile: { type: 'boolean' },
  'cite-by': { type: 'string' },
  'cite-also': { type: 'string' },
  judge: { type: 'string' },
  'trial-dates': { type: 'string' },
  index: { type: 'boolean' },
  format: { type: 'string' },
  select: { type: 'string' },
  'bates-prefix': { type: 'string' },
  'bates-start': { type: 'string' },
  'bates-digits': { type: 'string' },
  'bates-position': { type: 'string' },
  'case-number': { type: 'string' },
  'max-mb': { type: 'string' },
  court: { type: 'string' },
  cover: { type: 'string' },
  'caption-court': { type: 'string' },
  'caption-title': { type: 'string' },
  'caption-number': { type: 'string' },
  'filing-title': { type: 'string' },
  'page-labels': { type: 'boolean' },
  'redaction-labels': { type: 'boolean' },
  'no-redactions': { type: 'boolean' },
  'skip-changed': { type: 'boolean' },
  'print-natives': { type: 'boolean' },
  password: { type: 'string', multiple: true },
  prefix: { type: 'string' },
  digits: { type: 'string' },
  volume: { type: 'string' },
  images: { type: 'string' },
  'no-text': { type: 'boolean' },
  natives: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Flag = keyof typeof FLAGS;

const STAMP_FLAG_NAMES: Flag[] = [
  'select', 'bates-prefix', 'bates-start', 'bates-digits', 'bates-position', 'case-number', 'court', 'password', 'page-labels', 'redaction-labels', 'no-redactions', 'skip-changed', 'print-natives',
  'filing', 'labels', 'refile',
];

/** The flags each kind of export takes besides --out and --json; any other is refused rather than ignored. */
const ALLOWED: Record<string, Flag[]> = {
  bundle: [...STAMP_FLAG_NAMES, 'max-mb', 'cover', 'caption-court', 'caption-title', 'caption-number', 'filing-title'],
  stamped: STAMP_FLAG_NAMES,
  list: ['format', 'select', 'cite-by', 'cite-also'],
  'proof-chart': ['format', 'cite-by', 'cite-also'],
  'trial-list': ['format', 'select', 'caption-court', 'caption-title', 'caption-number', 'judge', 'trial-dates'],
  jury: ['index', 'case-number', 'password'],
  production: ['select', 'prefix', 'digits', 'volume', 'images', 'no-text', 'natives', 'no-redactions', 'password'],
};

type Values = ReturnType<typeof parseFlags<typeof FLAGS>>['values'];

export const exportCommand: Command = {
  name: 'export',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS);
    const [dir, kind] = requirePositionals(positionals, ['CASE_DIR', 'bundle|stamped|list|proof-chart|production|trial-list|jury'], usage.split('\n')[0]!);
    const allowed = ALLOWED[kind!];
    if (!allowed) throw new UserError('bad_input', `"${kind}" is not an export; choose bundle, stamped, list, proof-chart, production, trial-list or jury.`);
    if (positionals.length > 2) throw new UserError('bad_input', `Unexpected argument "${positionals[2]}".`);
    const given = (Object.keys(values) as Flag[]).filter((f) => f !== 'out' && f !== 'json');
    const refused = given.find((f) => !allowed.includes(f));
    if (refused) throw new UserError('bad_input', `--${refused} does not apply to the ${kind} export.`);
    if (!values.out) throw new UserError('bad_input', `Give the folder to export to with --out DIR.`);
    const outDir = values.out;
    const select = values.select === undefined ? undefined : parseSelection(values.select);
    const call = exportCall(kind!, values, outDir, select);
    // The worker thread loads its libraries while the case is opened and the call checked.
    warmExportThread(kind as ExportKindName);

    try {
      const result = await interruptible((signal) => withCase(dir!, (api) => call(api, { signal, onProgress: progressLine(io) })));
      if (values.json) printJson(io, result);
      else if (kind === 'production') printVolume(io, result);
      else printResult(io, result);
      return EXIT.ok;
    } finally {
      stopExportThread();
    }
  },
};

type Call = (api: CaseApi, options: Parameters<CaseApi['exportBundle']>[1]) => Promise<ExportResult>;

/** Checks every flag and builds the call, all before the case is opened. */
function exportCall(kind: string, values: Values, outDir: string, select: ExportSelection | undefined): Call {
  switch (kind) {
    case 'bundle': {
      const args = { outDir, select, ...stampSettings(values), maxMb: parseMegabytes(values['max-mb']), cover: values.cover, caption: caption(values), passwords: values.password, filing: filing(values) };
      return (api, options) => api.exportBundle(args, options);
    }
    case 'stamped': {
      const args = { outDir, select, ...stampSettings(values), passwords: values.password, filing: filing(values) };
      return (api, options) => api.exportStamped(args, options);
    }
    case 'list': {
      const args = { outDir, select, format: format(values.format, ['pdf', 'docx', 'csv']), ...citeOptions(values) };
      return (api, options) => api.exportList(args, options);
    }
    case 'trial-list': {
      const heading = caption(values);
      const args = {
        outDir,
        select,
        format: format(values.format, ['pdf', 'docx']),
        caption: heading && { court: heading.court, caseTitle: heading.caseTitle, caseNumber: heading.caseNumber },
        judge: values.judge,
        trialDates: values['trial-dates'],
      };
      return (api, options) => api.exportTrialList(args, options);
    }
    case 'jury': {
      const args = { outDir, index: values.index ?? false, caseNumber: values['case-number'], passwords: values.password };
      return (api, options) => api.exportJuryCopy(args, options);
    }
    case 'production': {
      if (values.prefix === undefined) throw new UserError('bad_input', 'Give the Bates prefix of the production with --prefix P.');
      const args = {
        outDir,
        select,
        prefix: values.prefix,
        digits: parseInteger(values.digits, '--digits'),
        volume: values.volume,
        images: format(values.images ?? 'tiff', ['tiff', 'pdf'], '--images'),
        text: !values['no-text'],
        natives: format(values.natives ?? 'spreadsheets', ['spreadsheets', 'all', 'none'], '--natives'),
        redactions: !values['no-redactions'],
        passwords: values.password,
      };
      return (api, options) => api.exportProduction(args, options);
    }
    default: {
      const args = { outDir, format: format(values.format, ['pdf', 'docx']), ...citeOptions(values) };
      return (api, options) => api.exportProofChart(args, options);
    }
  }
}

/** --filing TITLE [--labels letters|numbers] [--refile]: the export is made for a filing, whose labels are frozen. */
function filing(values: Values): { title: string; labels: FilingScheme; cite: boolean } | undefined {
  if (values.filing === undefined) {
    if (values.labels !== undefined || values.refile) throw new UserError('bad_input', '--labels and --refile go with --filing TITLE.');
    return undefined;
  }
  return { title: values.filing, labels: format(values.labels ?? 'letters', [...FILING_SCHEMES], '--labels'), cite: !values.refile };
}

/** --cite-by trial --cite-also deposition,production: "PX 12 (Smith Dep. Ex. 4; ABC0000123)". */
function citeOptions(values: Values): { citeBy?: DesignationKind; citeAlso?: DesignationKind[] } {
  const kinds = [...DESIGNATION_KINDS];
  const citeBy = values['cite-by'] === undefined ? undefined : format(values['cite-by'], kinds, '--cite-by');
  const citeAlso = values['cite-also']?.split(',').map((k) => format(k.trim(), kinds, '--cite-also'));
  return { citeBy, citeAlso };
}

function caption(values: Values): Caption | undefined {
  const given = { court: values['caption-court'], caseTitle: values['caption-title'], caseNumber: values['caption-number'], filingTitle: values['filing-title'] };
  return Object.values(given).some((v) => v !== undefined) ? given : undefined;
}

function stampSettings(values: Values): {
  bates: Partial<BatesSettings>;
  caseNumber?: string;
  court?: CourtId;
  redactions: boolean;
  redactionLabels: boolean;
  pageLabels: boolean;
  skipChanged: boolean;
  printNatives: boolean;
} {
  if (values['no-redactions'] && values['redaction-labels']) throw new UserError('bad_input', '--redaction-labels and --no-redactions contradict each other.');
  const position = values['bates-position'];
  if (position !== undefined && !BATES_POSITIONS.includes(position as BatesPosition)) {
    throw new UserError('bad_input', `--bates-position must be one of ${BATES_POSITIONS.join(', ')}.`);
  }
  const digits = parseInteger(values['bates-digits'], '--bates-digits');
  if (digits !== undefined && (digits < 1 || digits > 15)) throw new UserError('bad_input', '--bates-digits takes a number from 1 to 15.');
  return {
    bates: {
      prefix: values['bates-prefix'],
      start: parseInteger(values['bates-start'], '--bates-start'),
      digits,
      position: position as BatesPosition | undefined,
    },
    caseNumber: values['case-number'],
    court: parseCourt(values.court),
    redactions: !values['no-redactions'],
    redactionLabels: values['redaction-labels'] ?? false,
    pageLabels: values['page-labels'] ?? false,
    skipChanged: values['skip-changed'] ?? false,
    printNatives: values['print-natives'] ?? false,
  };
}

function format<F extends string>(value: string | undefined, formats: F[], flag = '--format'): F {
  if (value === undefined) throw new UserError('bad_input', `Give the format with ${flag} ${formats.join('|')}.`);
  if (!formats.includes(value as F)) throw new UserError('bad_input', `${flag} must be one of ${formats.join(', ')}, not "${value}".`);
  return value as F;
}

/** "all", "tag:NAME", "paragraph:N", or "numbers:1,3-7,PX-012" (numbers and ranges of numbers, or exhibit numbers). */
export function parseSelection(raw: string): ExportSelection {
  const text = raw.trim();
  if (text === 'all') return { by: 'all' };
  const [, how, rest] = /^(tag|paragraph|numbers):(.*)$/s.exec(text) ?? [];
  const bad = () => new UserError('bad_input', `--select takes all, tag:NAME, paragraph:N or numbers:1,3-7, not "${raw}".`);
  if (how === 'tag' && rest!.trim() !== '') return { by: 'tag', tag: rest!.trim() };
  if (how === 'paragraph' && /^\s*¶?\s*\d+\s*$/.test(rest!)) return { by: 'paragraph', paragraph: Number(rest!.replace(/\D/g, '')) };
  if (how !== 'numbers') throw bad();
  const list = parseNumberList(rest!);
  if (list.ranges.length + list.exhibits.length === 0) throw bad();
  return { by: 'numbers', ...list };
}

/** A volume holds a file per page: what goes where, by folder, rather than thousands of lines. */
function printVolume(io: Io, result: ExportResult): void {
  const folder = path.dirname(result.manifest);
  const counts = new Map<string, number>();
  for (const f of result.files) {
    const parts = path.relative(folder, f.path).split(path.sep);
    const where = parts.length > 2 ? parts.slice(0, 2).join(path.sep) : path.join(...parts);
    counts.set(where, (counts.get(where) ?? 0) + 1);
  }
  for (const [where, n] of counts) io.out(`wrote     ${path.join(folder, where)}${n > 1 ? ` (${n} files)` : ''}`);
  io.out(`manifest  ${result.manifest}`);
  for (const w of result.warnings) io.out(`warning   ${w}`);
}

function printResult(io: Io, result: ExportResult): void {
  for (const f of result.files) {
    const size = f.bytes >= 1_000_000 ? `${(f.bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(f.bytes / 1000)} KB`;
    io.out(`wrote     ${f.path} (${f.pages === null ? '' : `${f.pages} p., `}${size})`);
  }
  io.out(`manifest  ${result.manifest}`);
  for (const w of result.warnings) io.out(`warning   ${w}`);
  if (result.filing) {
    const f = result.filing;
    io.out(`filing    ${f.id}: ${f.title} (once docketed: exhibit-desk filing CASE_DIR docket ${f.id} --number N)`);
    for (const e of f.exhibits) io.out(`          ${e.exhibitNo} is Ex. ${e.label}`);
  }
}
