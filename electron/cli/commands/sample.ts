// exhibit-desk sample: builds the sample case (BES v. Huawei, reconstructed) in a new case folder.
import { EXIT, parseFlags, printJson, requirePositionals, type Command } from '../command.ts';

const usage = 'sample CASE_DIR [--json]                (builds the sample case, a reconstructed BES v. Huawei, in a new folder)';

export const sample: Command = {
  name: 'sample',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
    const [dir] = requirePositionals(positionals, ['CASE_DIR'], 'sample CASE_DIR');
    const { buildSampleCase } = await import('../../core/sample/build-sample-case.ts');
    const summary = await buildSampleCase(dir!);
    if (values.json) {
      printJson(io, summary);
      return EXIT.ok;
    }
    for (const e of summary.exhibits) {
      io.out(`${e.exhibitNo.padEnd(10)} ${e.kind.padEnd(6)} ${(e.pages === null ? '' : `${e.pages} p.`).padEnd(6)}${e.title}`);
    }
    io.out(
      `Built "${summary.title}" in ${summary.dir}: ${summary.exhibits.length} exhibits, ${summary.paragraphs} paragraphs in ` +
        `${summary.causes} causes of action, ${summary.evidenceLinks} evidence links, ${summary.annotations} annotations; ` +
        `${summary.unsupportedParagraphs.length} paragraphs without supporting evidence.`,
    );
    return EXIT.ok;
  },
};
