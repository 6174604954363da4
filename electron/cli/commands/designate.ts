// exhibit-desk designate: gives an exhibit another number it carries (a deposition exhibit, a trial number, a filing's
// citation, a production range, any other), or removes one.
import { UserError } from '../../../shared/errors.ts';
import { DESIGNATION_KINDS, PARTIES, type Designation, type DesignationKind, type Party } from '../../../shared/model.ts';
import { EXIT, parseFlags, parseInteger, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const usage = [
  `designate CASE_DIR EXHIBIT --kind ${DESIGNATION_KINDS.join('|')} --label TEXT [--source TEXT] [--witness NAME] [--date YYYY-MM-DD] [--party ${PARTIES.join('|')}] [--json]`,
  'designate CASE_DIR EXHIBIT --remove ID [--json]        (the id `show --json` gives each designation)',
].join('\n  ');

const FLAGS = {
  kind: { type: 'string' },
  label: { type: 'string' },
  source: { type: 'string' },
  witness: { type: 'string' },
  date: { type: 'string' },
  party: { type: 'string' },
  remove: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const designate: Command = {
  name: 'designate',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS);
    const [dir, exhibit] = requirePositionals(positionals, ['CASE_DIR', 'EXHIBIT'], usage.split('\n')[0]!);
    if (positionals.length > 2) throw new UserError('bad_input', `Unexpected argument "${positionals[2]}".`);
    const show = (d: Designation, verb: string) => {
      if (values.json) printJson(io, d);
      else io.out(`${verb} ${describe(d)}${d.id === null ? '' : ` (id ${d.id})`}`);
      return EXIT.ok;
    };

    if (values.remove !== undefined) {
      const refused = (['kind', 'label', 'source', 'witness', 'date', 'party'] as const).find((f) => values[f] !== undefined);
      if (refused) throw new UserError('bad_input', `--${refused} does not go with --remove.`);
      const id = parseInteger(values.remove, '--remove')!;
      const removed = await withCase(dir!, async (api) => {
        const { exhibit: e, designations } = await api.getExhibit({ exhibit: exhibit! });
        if (!designations.some((d) => d.id === id)) throw new UserError('not_found', `${e.exhibitNo} has no designation with id ${id}.`);
        return api.removeDesignation({ id });
      });
      return show(removed, 'Removed');
    }

    if (values.kind === undefined || values.label === undefined) {
      throw new UserError('bad_input', `Give --kind and --label (or --remove ID). Usage:\n  exhibit-desk ${usage}`);
    }
    const added = await withCase(dir!, (api) =>
      api.addDesignation({
        exhibit: exhibit!,
        kind: oneOf(values.kind!, DESIGNATION_KINDS, '--kind') as DesignationKind,
        label: values.label!,
        source: values.source,
        witness: values.witness,
        date: values.date,
        party: values.party === undefined ? undefined : (oneOf(values.party, PARTIES, '--party') as Party),
      }),
    );
    return show(added, 'Added');
  },
};

function oneOf(value: string, allowed: readonly string[], flag: string): string {
  if (!allowed.includes(value)) throw new UserError('bad_input', `${flag} takes one of ${allowed.join(', ')}, not "${value}".`);
  return value;
}

/** "deposition Smith Dep. Ex. 4 (Deposition of John Smith, 2024-03-05)". */
export function describe(d: Designation): string {
  const from = d.source ?? (d.party ? `${d.party}'s trial number` : null);
  return `${d.kind} ${d.cite}${from ? ` (${from})` : ''}`;
}
