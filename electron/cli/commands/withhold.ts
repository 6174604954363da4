// exhibit-desk withhold: mark an exhibit withheld from productions as privileged (a slip sheet and a privilege-log
// row stand in for it), or clear the mark.
import { PRIVILEGE_LABELS, PRIVILEGE_TYPES, type PrivilegeType } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const usage = 'withhold CASE_DIR EXHIBIT --type attorney-client|work-product|other --description TEXT [--json]\n  withhold CASE_DIR EXHIBIT --clear [--json]';

// The command line spells the types with hyphens, as people write them; the contract with underscores.
const TYPES = new Map<string, PrivilegeType>(PRIVILEGE_TYPES.map((t) => [t.replace(/_/g, '-'), t]));

export const withhold: Command = {
  name: 'withhold',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      type: { type: 'string' },
      description: { type: 'string' },
      clear: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const [dir, ref] = requirePositionals(positionals, ['CASE_DIR', 'EXHIBIT'], usage.split('\n')[0]!);
    if (positionals.length > 2) throw new UserError('bad_input', `Unexpected argument "${positionals[2]}".`);
    let withheld: { type: PrivilegeType; description: string } | null = null;
    if (values.clear) {
      if (values.type !== undefined || values.description !== undefined) throw new UserError('bad_input', '--clear takes no --type or --description.');
    } else {
      const type = TYPES.get(values.type ?? '');
      if (!type) throw new UserError('bad_input', `Give the privilege with --type ${[...TYPES.keys()].join('|')}${values.type === undefined ? '' : `, not "${values.type}"`}.`);
      if (values.description === undefined) throw new UserError('bad_input', 'Describe what is withheld, for the privilege log, with --description TEXT.');
      withheld = { type, description: values.description };
    }
    const result = await withCase(dir!, (api) => api.setWithheld({ exhibit: ref!, withheld }));
    if (values.json) printJson(io, result);
    else io.out(result ? `Withheld ${ref}: ${PRIVILEGE_LABELS[result.type]} – ${result.description}` : `${ref} is no longer withheld.`);
    return EXIT.ok;
  },
};
