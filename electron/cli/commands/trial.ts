// exhibit-desk trial: at trial, records an exhibit offered, marked, admitted, refused or withdrawn (dated, with its
// witness); before it, gives exhibits trial numbers; and shows the trial exhibit list.
import { UserError } from '../../../shared/errors.ts';
import { FILING_SCHEMES, PARTIES, TRIAL_EVENTS, type FilingScheme, type Party, type TrialEvent, type TrialExhibit } from '../../../shared/model.ts';
import { EXIT, parseFlags, parseInteger, printJson, requirePositionals, withCase, type Command } from '../command.ts';
import { parseSelection } from './export.ts';

const usage = [
  `trial mark CASE_DIR EXHIBIT --${TRIAL_EVENTS.join('|--')} [--date YYYY-MM-DD] [--witness NAME] [--json]   (the date is today unless given)`,
  `trial number CASE_DIR --party ${PARTIES.join('|')} [--scheme ${FILING_SCHEMES.join('|')}] [--prefix P] [--start N] [--select all|tag:NAME|paragraph:N|numbers:1,3-7] [--json]`,
  'trial list CASE_DIR [--json]',
].join('\n  ');

const FLAGS = {
  ...Object.fromEntries(TRIAL_EVENTS.map((e) => [e, { type: 'boolean' }])),
  date: { type: 'string' },
  witness: { type: 'string' },
  party: { type: 'string' },
  scheme: { type: 'string' },
  prefix: { type: 'string' },
  start: { type: 'string' },
  select: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies Record<string, { type: 'boolean' | 'string' }>;

type Values = Record<string, string | boolean | undefined>;

const ALLOWED: Record<string, string[]> = {
  mark: [...TRIAL_EVENTS, 'date', 'witness'],
  number: ['party', 'scheme', 'prefix', 'start', 'select'],
  list: [],
};

export const trial: Command = {
  name: 'trial',
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    const allowed = action === undefined ? undefined : ALLOWED[action];
    if (!allowed) throw new UserError('bad_input', `Usage:\n  exhibit-desk ${usage}`);
    const { values: parsed, positionals } = parseFlags(rest, FLAGS);
    const values = parsed as Values;
    const refused = Object.keys(values).find((f) => f !== 'json' && !allowed.includes(f));
    if (refused) throw new UserError('bad_input', `--${refused} does not apply to trial ${action}.`);
    const json = values.json === true;

    if (action === 'mark') {
      const [dir, exhibit] = requirePositionals(positionals, ['CASE_DIR', 'EXHIBIT'], usage.split('\n')[0]!);
      const events = TRIAL_EVENTS.filter((e) => values[e] === true);
      if (events.length !== 1) throw new UserError('bad_input', `Give exactly one of --${TRIAL_EVENTS.join(', --')}.`);
      const event: TrialEvent = events[0]!;
      const mark = await withCase(dir!, (api) => api.markTrial({ exhibit: exhibit!, event, date: values.date as string | undefined, witness: values.witness as string | undefined }));
      if (json) printJson(io, mark);
      else io.out(`${exhibit} ${event} ${mark.date}${mark.witness ? ` (witness: ${mark.witness})` : ''}`);
      return EXIT.ok;
    }

    const [dir] = requirePositionals(positionals, ['CASE_DIR'], `trial ${action} CASE_DIR …`);
    if (positionals.length > 1) throw new UserError('bad_input', `Unexpected argument "${positionals[1]}".`);
    if (action === 'number') {
      if (values.party === undefined) throw new UserError('bad_input', `Give whose trial numbers these are: --party ${PARTIES.join('|')}.`);
      const party = choose(values.party as string, PARTIES, '--party') as Party;
      const scheme = values.scheme === undefined ? undefined : (choose(values.scheme as string, FILING_SCHEMES, '--scheme') as FilingScheme);
      const select = values.select === undefined ? undefined : parseSelection(values.select as string);
      const added = await withCase(dir!, (api) =>
        api.numberTrialExhibits({ party, scheme, prefix: values.prefix as string | undefined, start: parseInteger(values.start as string | undefined, '--start'), select }),
      );
      if (json) printJson(io, added);
      else if (added.length === 0) io.out('Every exhibit selected already has a trial number for that party.');
      else for (const d of added) io.out(`${d.label}`.padEnd(10) + ` exhibit id ${d.exhibitId}`);
      return EXIT.ok;
    }

    const rows = await withCase(dir!, (api) => api.listTrialExhibits({}));
    if (json) printJson(io, rows);
    else for (const r of rows) io.out(line(r));
    return EXIT.ok;
  },
};

function choose(value: string, allowed: readonly string[], flag: string): string {
  if (!allowed.includes(value)) throw new UserError('bad_input', `${flag} takes one of ${allowed.join(', ')}, not "${value}".`);
  return value;
}

/** "PX 12   —   offered 2026-03-02  admitted 2026-03-02  PX-001 Award notice". */
function line(r: TrialExhibit): string {
  const days = [
    r.offered && `offered ${r.offered}`,
    r.marked && `marked ${r.marked}`,
    r.admitted && `admitted ${r.admitted}`,
    r.outcome && `${r.outcome.event} ${r.outcome.date}`,
  ].filter(Boolean);
  return `${(r.plaintiffNo ?? '—').padEnd(8)} ${(r.defendantNo ?? '—').padEnd(8)} ${r.exhibitNo.padEnd(10)} ${r.title}${days.length ? `  [${days.join(', ')}]` : ''}`;
}
