// exhibit-desk facts: the case's chronology — add, edit, remove and list facts, tie them to exhibits and paragraphs,
// propose them from dated exhibits, accept or reject proposals, and write the chronology report.
import type { FactFilters } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import { FACT_STATUSES, FACT_STATUS_LABELS, type Fact, type FactStatus } from '../../../shared/model.ts';
import { EXIT, parseFlags, parseInteger, printJson, requirePositionals, withCase, type Command } from '../command.ts';
import { paragraphNumber } from './allegations.ts';
import { parseSelection } from './export.ts';

const usage = [
  `facts add CASE_DIR --date TEXT --text TEXT [--status ${FACT_STATUSES.join('|')}] [--key] [--tag T]… [--paragraph N]… [--exhibit EXHIBIT [--pages 3-4] [--quote TEXT]] [--json]`,
  '    (--date as written: "28 March 2017", "03/??/2017", "c. 2016", "before 2018", "2017-03 to 2017-05", TBD …)',
  'facts edit CASE_DIR ID [--date TEXT] [--text TEXT] [--status S] [--key|--not-key] [--sequence N] [--tag T]… [--json]   (--tag replaces the fact\'s tags)',
  'facts remove CASE_DIR ID [--json]',
  'facts list CASE_DIR [--tag T] [--paragraph N] [--key] [--status S] [--from DATE] [--to DATE] [--unsourced] [--proposed] [--json]',
  'facts link CASE_DIR ID EXHIBIT [--pages 3-4] [--quote TEXT] [--json]',
  'facts link CASE_DIR ID --paragraph N [--json]',
  'facts unlink CASE_DIR SOURCE_ID [--json]        (the id `facts list --json` gives each source)',
  'facts unlink CASE_DIR ID --paragraph N [--json]',
  'facts propose CASE_DIR [--select all|tag:NAME|paragraph:N|numbers:1,3-7] [--json]',
  'facts accept CASE_DIR ID...|all [--json]',
  'facts reject CASE_DIR ID...|all [--json]',
  'facts export CASE_DIR --format docx|pdf|csv --out DIR [--tag T] [--paragraph N] [--key] [--status S] [--from DATE] [--to DATE] [--json]',
].join('\n  ');

const FLAGS = {
  date: { type: 'string' },
  text: { type: 'string' },
  status: { type: 'string' },
  key: { type: 'boolean' },
  'not-key': { type: 'boolean' },
  sequence: { type: 'string' },
  tag: { type: 'string', multiple: true },
  paragraph: { type: 'string', multiple: true },
  exhibit: { type: 'string' },
  pages: { type: 'string' },
  quote: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  unsourced: { type: 'boolean' },
  proposed: { type: 'boolean' },
  select: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Flag = keyof typeof FLAGS;
type Values = ReturnType<typeof parseFlags<typeof FLAGS>>['values'];

const FILTERS: Flag[] = ['tag', 'paragraph', 'key', 'status', 'from', 'to', 'unsourced'];

const ALLOWED: Record<string, Flag[]> = {
  add: ['date', 'text', 'status', 'key', 'sequence', 'tag', 'paragraph', 'exhibit', 'pages', 'quote'],
  edit: ['date', 'text', 'status', 'key', 'not-key', 'sequence', 'tag'],
  remove: [],
  list: [...FILTERS, 'proposed'],
  link: ['pages', 'quote', 'paragraph'],
  unlink: ['paragraph'],
  propose: ['select'],
  accept: [],
  reject: [],
  export: [...FILTERS, 'format', 'out'],
};

export const facts: Command = {
  name: 'facts',
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    const allowed = action === undefined ? undefined : ALLOWED[action];
    if (!allowed) throw new UserError('bad_input', `Usage:\n  exhibit-desk ${usage}`);
    const { values, positionals } = parseFlags(rest, FLAGS);
    const refused = (Object.keys(values) as Flag[]).find((f) => f !== 'json' && !allowed.includes(f));
    if (refused) throw new UserError('bad_input', `--${refused} does not apply to facts ${action}.`);
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], `facts ${action} CASE_DIR …`);
    const args = positionals.slice(1);
    const json = values.json === true;
    const show = (value: unknown, text: () => string[]) => {
      if (json) printJson(io, value);
      else for (const line of text()) io.out(line);
      return EXIT.ok;
    };

    switch (action) {
      case 'add': {
        noMore(args, 0);
        if (values.text === undefined) throw new UserError('bad_input', 'Give the fact with --text TEXT.');
        if (values.exhibit === undefined && (values.pages !== undefined || values.quote !== undefined)) {
          throw new UserError('bad_input', '--pages and --quote need the exhibit they are in: --exhibit EXHIBIT.');
        }
        const pages = parsePages(values.pages);
        const fact = await withCase(dir!, (api) =>
          api.addFact({
            statement: values.text!,
            date: values.date ?? '',
            status: status(values.status),
            key: values.key,
            sequence: parseSequence(values.sequence),
            tags: values.tag,
            paragraphs: values.paragraph?.map(paragraphNumber),
            source: values.exhibit === undefined ? undefined : { exhibit: values.exhibit, pageFrom: pages?.[0], pageTo: pages?.[1], quote: values.quote },
          }),
        );
        return show(fact, () => [`Added ${line(fact)}`]);
      }
      case 'edit': {
        const id = factId(args, 1);
        if (values.key && values['not-key']) throw new UserError('bad_input', 'Give --key or --not-key, not both.');
        const edit = {
          date: values.date,
          statement: values.text,
          status: status(values.status),
          key: values.key ? true : values['not-key'] ? false : undefined,
          sequence: parseSequence(values.sequence),
          tags: values.tag,
        };
        const fact = await withCase(dir!, (api) => api.editFact({ id, edit }));
        return show(fact, () => [`Fact now: ${line(fact)}`]);
      }
      case 'remove': {
        const id = factId(args, 1);
        const fact = await withCase(dir!, (api) => api.removeFact({ id }));
        return show(fact, () => [`Removed ${line(fact)}`]);
      }
      case 'list': {
        noMore(args, 0);
        const list = await withCase(dir!, (api) => api.listFacts({ ...filters(values), includeProposed: values.proposed }));
        return show(list, () => [...list.map(line), `${list.length} fact(s); ${list.filter((f) => f.unsourced).length} without a source.`]);
      }
      case 'link':
      case 'unlink': {
        const paragraphs = values.paragraph ?? [];
        if (paragraphs.length > 1) throw new UserError('bad_input', 'Give one --paragraph at a time.');
        if (paragraphs.length === 1) {
          if (values.pages !== undefined || values.quote !== undefined) throw new UserError('bad_input', '--pages and --quote go with an exhibit, not a paragraph.');
          const id = factId(args, 1);
          const paragraph = paragraphNumber(paragraphs[0]!);
          const fact = await withCase(dir!, (api) => (action === 'link' ? api.linkFactParagraph({ id, paragraph }) : api.unlinkFactParagraph({ id, paragraph })));
          return show(fact, () => [`${action === 'link' ? 'Linked' : 'Unlinked'} ¶ ${paragraph}: ${line(fact)}`]);
        }
        if (action === 'unlink') {
          const sourceId = factId(args, 1, 'A source id');
          const source = await withCase(dir!, (api) => api.unlinkFact({ sourceId }));
          return show(source, () => [`Unlinked ${source.cite} from fact ${source.factId}.`]);
        }
        if (args.length < 2) throw new UserError('bad_input', `Name the fact and the exhibit. Usage: exhibit-desk ${usage.split('\n')[5]!.trim()}`);
        noMore(args, 2);
        const id = factId(args.slice(0, 1), 1);
        const pages = parsePages(values.pages);
        const source = await withCase(dir!, (api) => api.linkFact({ id, exhibit: args[1]!, pageFrom: pages?.[0], pageTo: pages?.[1], quote: values.quote }));
        return show(source, () => [`Linked ${source.cite} to fact ${id} (source ${source.id}).`]);
      }
      case 'propose': {
        noMore(args, 0);
        const result = await withCase(dir!, (api) => api.proposeFacts({ select: values.select === undefined ? undefined : parseSelection(values.select) }));
        return show(result, () => [
          ...result.proposed.map(line),
          `${result.proposed.length} proposal(s); accept with: exhibit-desk facts accept ${dir} ID… or all`,
          ...result.skipped.map((s) => `skipped   ${s}`),
        ]);
      }
      case 'accept':
      case 'reject': {
        if (args.length === 0) throw new UserError('bad_input', `Name the proposals to ${action} by id, or "all".`);
        const ids = args.length === 1 && args[0] === 'all' ? ('all' as const) : args.map((a) => parseInteger(a, 'A fact id')!);
        const result = await withCase(dir!, (api) => api.decideFacts({ ids, accept: action === 'accept' }));
        return show(result, () => [`${action === 'accept' ? 'Accepted' : 'Rejected'} ${result.changed} proposal(s).`]);
      }
      default: {
        noMore(args, 0);
        const format = values.format;
        if (format !== 'docx' && format !== 'pdf' && format !== 'csv') throw new UserError('bad_input', '--format takes docx, pdf or csv.');
        if (values.out === undefined) throw new UserError('bad_input', 'Choose the folder to export to with --out DIR.');
        const result = await withCase(dir!, (api) => api.exportChronology({ outDir: values.out!, format, filters: filters(values) }));
        return show(result, () => [...result.files.map((f) => `wrote     ${f.path}`), `manifest  ${result.manifest}`, ...result.warnings.map((w) => `warning   ${w}`)]);
      }
    }
  },
};

/** One fact on one line: "12  28 Mar 2017  KEY  Undisputed  BES asks … [PX-005; ¶ 33]". */
function line(f: Fact): string {
  const statement = f.statement.length > 100 ? `${f.statement.slice(0, 99)}…` : f.statement;
  const cites = [...f.sources.map((s) => s.cite), ...f.paragraphs.map((p) => `¶ ${p}`)];
  const marks = [f.proposed ? 'PROPOSED' : null, f.key ? 'KEY' : null, FACT_STATUS_LABELS[f.status]].filter((m) => m !== null).join(', ');
  return `${String(f.id).padStart(5)}  ${f.date.display.padEnd(16)} ${statement} (${marks}) [${cites.length > 0 ? cites.join('; ') : 'no source'}]`;
}

function filters(values: Values): FactFilters {
  const paragraphs = values.paragraph ?? [];
  if (paragraphs.length > 1) throw new UserError('bad_input', 'Give one --paragraph to filter by.');
  const tags = values.tag ?? [];
  if (tags.length > 1) throw new UserError('bad_input', 'Give one --tag to filter by.');
  return {
    tag: tags[0],
    paragraph: paragraphs[0] === undefined ? undefined : paragraphNumber(paragraphs[0]),
    key: values.key ? true : undefined,
    status: status(values.status),
    dateFrom: values.from,
    dateTo: values.to,
    unsourced: values.unsourced ? true : undefined,
  };
}

function status(raw: string | undefined): FactStatus | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!(FACT_STATUSES as readonly string[]).includes(s)) throw new UserError('bad_input', `--status takes one of ${FACT_STATUSES.join(', ')}, not "${raw}".`);
  return s as FactStatus;
}

function parseSequence(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d{1,7}$/.test(raw.trim())) throw new UserError('bad_input', `--sequence takes a whole number, not "${raw}".`);
  return Number(raw);
}

function factId(args: string[], count: number, what = 'A fact id'): number {
  if (args.length === 0) throw new UserError('bad_input', `Name the fact by id (see exhibit-desk facts list).`);
  noMore(args, count);
  const id = parseInteger(args[0], what)!;
  if (id < 1) throw new UserError('bad_input', `${what} starts at 1.`);
  return id;
}

function noMore(args: string[], count: number): void {
  if (args.length > count) throw new UserError('bad_input', `Unexpected argument "${args[count]}".`);
}

/** --pages 3 or 3-4. */
function parsePages(raw: string | undefined): [number, number] | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(raw.trim());
  if (!m) throw new UserError('bad_input', `--pages takes a page or a range such as 3-4, not "${raw}".`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || to < from) throw new UserError('bad_input', `--pages ${raw}: the range must run forwards from page 1.`);
  return [from, to];
}
