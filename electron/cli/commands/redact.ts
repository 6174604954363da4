// exhibit-desk redact: find text to redact (presets, a term, a pattern) as proposals, accept or reject them, draw a
// box by hand, and list what each export will remove.
import { REDACTION_PRESETS, type Redaction, type RedactionPreset } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import { EXIT, interruptible, parseFlags, parseInteger, printJson, requirePositionals, withCase, type Command } from '../command.ts';
import { parseSelection } from './export.ts';

const usage = [
  `redact CASE_DIR propose --preset ${REDACTION_PRESETS.join('|')} | --pattern REGEX | --term TEXT [--select all|tag:NAME|paragraph:N|numbers:1,3-7] [--reason TEXT] [--json]`,
  'redact CASE_DIR accept ID...|all [--exhibit EXHIBIT] [--json]',
  'redact CASE_DIR reject ID...|all [--exhibit EXHIBIT] [--json]',
  'redact CASE_DIR add EXHIBIT --page N --box x,y,w,h [--box …] [--reason TEXT] [--label TEXT] [--json]',
  '    (a box in PDF points from the page\'s lower-left corner, as shown; a picture\'s points are its pixels)',
  'redact CASE_DIR remove ID [--json]',
  'redact CASE_DIR list [EXHIBIT] [--proposed|--accepted] [--json]',
].join('\n  ');

const FLAGS = {
  preset: { type: 'string' },
  pattern: { type: 'string' },
  term: { type: 'string' },
  select: { type: 'string' },
  reason: { type: 'string' },
  label: { type: 'string' },
  exhibit: { type: 'string' },
  page: { type: 'string' },
  box: { type: 'string', multiple: true },
  proposed: { type: 'boolean' },
  accepted: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Flag = keyof typeof FLAGS;

const ALLOWED: Record<string, Flag[]> = {
  propose: ['preset', 'pattern', 'term', 'select', 'reason'],
  accept: ['exhibit'],
  reject: ['exhibit'],
  add: ['page', 'box', 'reason', 'label'],
  remove: [],
  list: ['proposed', 'accepted'],
};

export const redact: Command = {
  name: 'redact',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS);
    const [dir, action] = requirePositionals(positionals, ['CASE_DIR', 'propose|accept|reject|add|remove|list'], usage.split('\n')[0]!);
    const allowed = ALLOWED[action!];
    if (!allowed) throw new UserError('bad_input', `"${action}" is not a redact command; choose propose, accept, reject, add, remove or list.`);
    const refused = (Object.keys(values) as Flag[]).find((f) => f !== 'json' && !allowed.includes(f));
    if (refused) throw new UserError('bad_input', `--${refused} does not apply to redact ${action}.`);
    const rest = positionals.slice(2);

    switch (action) {
      case 'propose': {
        const preset = values.preset;
        if (preset !== undefined && !REDACTION_PRESETS.includes(preset as RedactionPreset)) {
          throw new UserError('bad_input', `--preset takes one of ${REDACTION_PRESETS.join(', ')}, not "${preset}".`);
        }
        if (rest.length > 0) throw new UserError('bad_input', `Unexpected argument "${rest[0]}"; choose exhibits with --select.`);
        const args = {
          preset: preset as RedactionPreset | undefined,
          pattern: values.pattern,
          term: values.term,
          select: values.select === undefined ? undefined : parseSelection(values.select),
          reason: values.reason,
        };
        const result = await interruptible((signal) => withCase(dir!, (api) => api.proposeRedactions(args, { signal })));
        if (values.json) printJson(io, result);
        else {
          for (const r of result.proposals) io.out(line(r));
          io.out(`${result.proposals.length} proposal(s) on ${result.pagesSearched} page(s) searched; accept with: exhibit-desk redact ${dir} accept ID… or all`);
          for (const s of result.skipped) io.out(`skipped   ${s}`);
        }
        return EXIT.ok;
      }
      case 'accept':
      case 'reject': {
        if (rest.length === 0) throw new UserError('bad_input', `Name the proposals to ${action} by id, or "all".`);
        const ids = rest.length === 1 && rest[0] === 'all' ? ('all' as const) : rest.map((id) => parseInteger(id, 'A proposal id')!);
        const result = await withCase(dir!, (api) => api.decideRedactions({ ids, accept: action === 'accept', exhibit: values.exhibit }));
        if (values.json) printJson(io, result);
        else io.out(`${action === 'accept' ? 'Accepted' : 'Rejected'} ${result.changed} proposal(s).`);
        return EXIT.ok;
      }
      case 'add': {
        const [exhibit, extra] = rest;
        if (!exhibit) throw new UserError('bad_input', `Name the exhibit. Usage: exhibit-desk ${usage.split('\n')[3]!.trim()}`);
        if (extra !== undefined) throw new UserError('bad_input', `Unexpected argument "${extra}".`);
        const page = parseInteger(values.page, '--page');
        if (page === undefined || page < 1) throw new UserError('bad_input', 'Give the page with --page N (from 1).');
        if (!values.box || values.box.length === 0) throw new UserError('bad_input', 'Give the box with --box x,y,w,h in PDF points.');
        const rects = values.box.map(parseBox);
        const created = await withCase(dir!, (api) =>
          api.addRedaction({ exhibit, page, rects, unit: 'points', reason: values.reason ?? 'Redacted', label: values.label ?? null }),
        );
        if (values.json) printJson(io, created);
        else io.out(`Added ${line(created)}`);
        return EXIT.ok;
      }
      case 'remove': {
        if (rest.length !== 1) throw new UserError('bad_input', 'Name one redaction to remove by id.');
        const removed = await withCase(dir!, (api) => api.removeRedaction({ id: parseInteger(rest[0], 'A redaction id')! }));
        if (values.json) printJson(io, removed);
        else io.out(`Removed ${line(removed)}`);
        return EXIT.ok;
      }
      default: {
        if (values.proposed && values.accepted) throw new UserError('bad_input', 'Give --proposed or --accepted, not both.');
        if (rest.length > 1) throw new UserError('bad_input', `Unexpected argument "${rest[1]}".`);
        const status = values.proposed ? ('proposed' as const) : values.accepted ? ('accepted' as const) : undefined;
        const list = await withCase(dir!, (api) => api.listRedactions({ exhibit: rest[0], status }));
        if (values.json) printJson(io, list);
        else {
          for (const r of list) io.out(line(r));
          io.out(`${list.length} redaction(s).`);
        }
        return EXIT.ok;
      }
    }
  },
};

/** "x,y,w,h" in points. */
function parseBox(raw: string): { x: number; y: number; width: number; height: number } {
  const parts = raw.split(',').map((p) => p.trim());
  const n = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || n.some((v) => !Number.isFinite(v)) || n[2]! <= 0 || n[3]! <= 0) {
    throw new UserError('bad_input', `--box takes x,y,width,height in points (width and height above 0), not "${raw}".`);
  }
  return { x: n[0]!, y: n[1]!, width: n[2]!, height: n[3]! };
}

function line(r: Redaction): string {
  const what = r.text === null ? `${r.rects.length} box(es)` : JSON.stringify(r.text);
  return `${String(r.id).padStart(5)}  ${r.status.padEnd(8)}  ${r.exhibitNo} p. ${r.page}  ${r.reason}  ${what}`;
}

