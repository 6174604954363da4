// exhibit-desk allegations: import the complaint, list paragraphs, show the gaps and a paragraph's evidence.
import { UserError } from '../../../shared/errors.ts';
import type { Paragraph } from '../../../shared/model.ts';
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command, type Io } from '../command.ts';

const usage = [
  'allegations import CASE_DIR FILE [--json]',
  'allegations list CASE_DIR [--json]',
  'allegations gaps CASE_DIR [--json]        paragraphs with no supporting evidence',
  'allegations evidence CASE_DIR PARAGRAPH [--json]',
].join('\n  ');

export const allegations: Command = {
  name: 'allegations',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseFlags(rest, { json: { type: 'boolean' } });
    const json = values.json === true;
    switch (sub) {
      case 'import': {
        const [dir, file] = requirePositionals(positionals, ['CASE_DIR', 'FILE'], 'allegations import CASE_DIR FILE');
        const result = await withCase(dir!, (api) => api.importAllegations({ path: file! }));
        if (json) printJson(io, result);
        else {
          io.out(`Imported ${result.causes} cause(s) of action and ${result.paragraphs} paragraph(s).`);
          for (const w of result.warnings) io.out(`warning: ${w}`);
        }
        return EXIT.ok;
      }
      case 'list': {
        const [dir] = requirePositionals(positionals, ['CASE_DIR'], 'allegations list CASE_DIR');
        const all = await withCase(dir!, (api) => api.listAllegations({}));
        if (json) printJson(io, all);
        else {
          for (const c of all.causes) io.out(`Cause ${c.ordinal}: ${c.title}`);
          printParagraphs(io, all.paragraphs);
        }
        return EXIT.ok;
      }
      case 'gaps': {
        const [dir] = requirePositionals(positionals, ['CASE_DIR'], 'allegations gaps CASE_DIR');
        const gaps = await withCase(dir!, (api) => api.unsupportedParagraphs({}));
        if (json) printJson(io, { paragraphs: gaps });
        else printParagraphs(io, gaps);
        return EXIT.ok;
      }
      case 'evidence': {
        const [dir, n] = requirePositionals(positionals, ['CASE_DIR', 'PARAGRAPH'], 'allegations evidence CASE_DIR PARAGRAPH');
        const links = await withCase(dir!, (api) => api.evidenceForParagraph({ paragraph: paragraphNumber(n!) }));
        if (json) printJson(io, { evidence: links });
        else for (const l of links) io.out(`${l.stance.padEnd(12)} ${l.cite}${l.quote ? ` — “${l.quote}”` : ''}`);
        return EXIT.ok;
      }
      default:
        throw new UserError('bad_input', `Usage:\n  exhibit-desk ${usage}`);
    }
  },
};

export function paragraphNumber(raw: string): number {
  const n = Number(raw.replace(/^¶\s*/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UserError('bad_input', `"${raw}" is not a paragraph number.`);
  return n;
}

function printParagraphs(io: Io, paragraphs: Paragraph[]): void {
  for (const p of paragraphs) {
    const text = p.text.length > 100 ? `${p.text.slice(0, 99)}…` : p.text;
    io.out(`¶ ${String(p.number).padEnd(4)} [${p.evidenceCount}] ${text}`);
  }
  io.out(`${paragraphs.length} paragraph(s).`);
}
