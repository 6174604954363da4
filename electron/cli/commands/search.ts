// exhibit-desk search: full-text search with filters; hits name the exhibit and page.
import { EXHIBIT_KINDS, type ExhibitKind } from '../../../shared/model.ts';
import { UserError } from '../../../shared/errors.ts';
import { EXIT, parseFlags, parseInteger, printJson, requirePositionals, withCase, type Command } from '../command.ts';

const usage = 'search CASE_DIR QUERY [--tag TAG]... [--kind KIND]... [--from DATE] [--to DATE] [--paragraph N] [--limit N] [--json]';

export const search: Command = {
  name: 'search',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      json: { type: 'boolean' },
      tag: { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      paragraph: { type: 'string' },
      limit: { type: 'string' },
    });
    const [dir, ...words] = requirePositionals(positionals, ['CASE_DIR', 'QUERY'], usage);
    for (const k of values.kind ?? []) {
      if (!EXHIBIT_KINDS.includes(k as ExhibitKind)) throw new UserError('bad_input', `--kind must be one of ${EXHIBIT_KINDS.join(', ')}.`);
    }
    const hits = await withCase(dir!, (api) =>
      api.search({
        query: words.join(' '),
        limit: parseInteger(values.limit, '--limit'),
        filters: {
          tags: values.tag,
          kinds: values.kind as ExhibitKind[] | undefined,
          dateFrom: values.from,
          dateTo: values.to,
          paragraph: parseInteger(values.paragraph, '--paragraph'),
        },
      }),
    );
    if (values.json) {
      printJson(io, { hits });
      return EXIT.ok;
    }
    for (const h of hits) {
      io.out(`${h.exhibitNo.padEnd(12)} ${h.page === null ? '     ' : `p. ${String(h.page).padEnd(3)}`} ${h.title}${h.source === 'ocr' ? '  (OCR)' : ''}`);
      io.out(`    ${h.snippet.replace(/\s+/g, ' ')}`);
    }
    io.out(`${hits.length} hit(s).`);
    return EXIT.ok;
  },
};
