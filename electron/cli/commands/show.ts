// exhibit-desk show: one exhibit's metadata, family, evidence links and history.
import { EXIT, parseFlags, printJson, requirePositionals, withCase, type Command } from '../command.ts';
import { describe } from './designate.ts';

const usage = 'show CASE_DIR EXHIBIT [--json]';

export const show: Command = {
  name: 'show',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
    const [dir, ref] = requirePositionals(positionals, ['CASE_DIR', 'EXHIBIT'], usage);
    const details = await withCase(dir!, (api) => api.getExhibit({ exhibit: ref! }));
    if (values.json) {
      printJson(io, details);
      return EXIT.ok;
    }
    const e = details.exhibit;
    const rows: [string, string | number | null][] = [
      ['Exhibit', e.exhibitNo],
      ['Title', e.title],
      ['Kind', `${e.kind} (${e.mediaType})`],
      ['Date', e.date],
      ['Author', e.author],
      ['From', e.from],
      ['To', e.to],
      ['Cc', e.cc],
      ['Subject', e.subject],
      ['Description', e.description],
      ['Pages', e.pages === null ? null : `${e.pages}${e.textLayer ? '' : ' (some without a text layer)'}`],
      ['Confidentiality', e.confidentiality],
      ['Tags', e.tags.join(', ') || null],
      ['Source', e.sourcePath],
      ['SHA-256', e.sha256],
      ['Bytes', e.bytes],
      ['Imported', e.importedAt],
    ];
    for (const [label, value] of rows) if (value !== null && value !== '') io.out(`${label.padEnd(16)} ${value}`);
    for (const w of e.warnings) io.out(`${'Warning'.padEnd(16)} ${w}`);
    for (const u of details.unreadablePages) io.out(`${'Unreadable'.padEnd(16)} page ${u.page}: ${u.reason} (ocr --retry tries again)`);
    for (const d of details.designations) io.out(`${'Number'.padEnd(16)} ${describe(d)}${d.id === null ? '' : ` [id ${d.id}]`}`);
    for (const m of details.trialMarks) io.out(`${'At trial'.padEnd(16)} ${m.event} ${m.date}${m.witness ? ` (witness: ${m.witness})` : ''}`);
    for (const c of details.children) io.out(`${'Attachment'.padEnd(16)} ${c.exhibitNo} ${c.title}`);
    for (const l of details.evidence) io.out(`${'Evidence'.padEnd(16)} ¶ ${l.paragraphNo} (${l.stance}): ${l.cite}${l.note ? ` — ${l.note}` : ''}`);
    return EXIT.ok;
  },
};
