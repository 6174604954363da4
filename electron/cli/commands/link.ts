// exhibit-desk link: ties an exhibit (optionally pages) to a complaint paragraph as evidence.
import { STANCES, type Stance } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command } from '../command.ts';
import { paragraphNumber } from './allegations.ts';

const usage = 'link CASE_DIR EXHIBIT PARAGRAPH [--pages 3-4] [--stance supports|contradicts|context] [--note TEXT] [--quote TEXT] [--json]';

export const link: Command = {
  name: 'link',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      pages: { type: 'string' },
      stance: { type: 'string' },
      note: { type: 'string' },
      quote: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [dir, exhibit, paragraph] = requirePositionals(positionals, ['CASE_DIR', 'EXHIBIT', 'PARAGRAPH'], usage);
    if (values.stance !== undefined && !STANCES.includes(values.stance as Stance)) {
      throw new UserError('bad_input', `--stance must be one of ${STANCES.join(', ')}.`);
    }
    const pages = values.pages === undefined ? undefined : parsePages(values.pages);
    const created = await withCase(dir!, (api) =>
      api.linkEvidence({
        exhibit: exhibit!,
        paragraph: paragraphNumber(paragraph!),
        pageFrom: pages?.[0],
        pageTo: pages?.[1],
        stance: values.stance as Stance | undefined,
        note: values.note,
        quote: values.quote,
      }),
    );
    if (values.json) printJson(io, created);
    else io.out(`Linked ${created.cite} to ¶ ${created.paragraphNo} (${created.stance}).`);
    return EXIT.ok;
  },
};

function parsePages(raw: string): [number, number] {
  const m = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(raw.trim());
  if (!m) throw new UserError('bad_input', `--pages takes a page or a range such as 3-4, not "${raw}".`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || to < from) throw new UserError('bad_input', `--pages ${raw}: the range must run forwards from page 1.`);
  return [from, to];
}
