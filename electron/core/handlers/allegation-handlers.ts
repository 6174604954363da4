// The complaint: import it from a PDF or text file, list and edit its paragraphs, find the gaps in the evidence.
import path from 'node:path';
import { UserError } from '../../../shared/errors.ts';
import { parseComplaint } from '../allegations/complaint-parser.ts';
import type { CaseContext } from '../case/case-context.ts';
import { createExtractPool } from '../import/worker-pool.ts';
import { refuseIfStale } from './edit-guard.ts';
import type { HandlerGroup } from './handler.ts';

type Names =
  | 'importAllegations'
  | 'listAllegations'
  | 'addParagraph'
  | 'editParagraph'
  | 'removeParagraph'
  | 'unsupportedParagraphs'
  | 'paragraphsForExhibit'
  | 'setNoEvidenceNeeded';

export function allegationHandlers(ctx: CaseContext): HandlerGroup<Names> {
  return {
    async importAllegations({ path: file }) {
      const pool = createExtractPool({ size: 1 });
      let read;
      try {
        read = await pool.extract(path.resolve(file), path.basename(file), []);
      } finally {
        await pool.close();
      }
      if (read.error) throw new UserError(read.error.code === 'internal' ? 'damaged' : read.error.code, read.error.message);
      const doc = read.doc!;
      const pages = doc.pages.length > 0 ? doc.pages : [{ page: null, text: doc.body ?? '' }];
      const parsed = parseComplaint(pages);
      if (parsed.paragraphs.length === 0) {
        throw new UserError('bad_input', `No numbered paragraphs were found in ${path.basename(file)}.`);
      }
      const counts = ctx.db.transaction(() => {
        const result = ctx.allegations.replaceComplaint(parsed.causes, parsed.paragraphs);
        ctx.audit.record({
          action: 'allegations.import',
          objectType: 'complaint',
          after: { file: path.resolve(file), ...result },
          sha256: [read.sha256],
        });
        return result;
      }).immediate();
      return { ...counts, warnings: parsed.warnings };
    },

    listAllegations: () => ({ causes: ctx.allegations.causes(), paragraphs: ctx.allegations.paragraphs() }),

    addParagraph({ number, text, cause }) {
      const causeId = cause == null ? null : (ctx.allegations.causes().find((c) => c.ordinal === cause)?.id ?? null);
      if (cause != null && causeId === null) throw new UserError('not_found', `No cause of action ${cause}.`);
      return ctx.db.transaction(() => {
        const p = ctx.allegations.addParagraph({ number, text, page: null, section: null, causeId });
        ctx.audit.record({ action: 'paragraph.add', objectType: 'paragraph', objectId: number, after: p });
        return p;
      }).immediate();
    },

    editParagraph({ number, text, expected }) {
      return ctx.db.transaction(() => {
        const current = ctx.allegations.paragraph(number);
        refuseIfStale(current, expected, `¶ ${number}`, () => 'text');
        if (text === undefined || text === current.text) return current;
        const { before, after } = ctx.allegations.editParagraph(number, { text });
        ctx.audit.record({ action: 'paragraph.edit', objectType: 'paragraph', objectId: number, before, after });
        return after;
      }).immediate();
    },

    removeParagraph({ number }) {
      return ctx.db.transaction(() => {
        const before = ctx.allegations.removeParagraph(number);
        ctx.audit.record({ action: 'paragraph.remove', objectType: 'paragraph', objectId: number, before });
        return before;
      }).immediate();
    },

    setNoEvidenceNeeded({ paragraph, reason, author }) {
      return ctx.db.transaction(() => {
        const current = ctx.allegations.paragraph(paragraph);
        if ((current.noEvidenceReason ?? null) === reason) return current;
        const { before, after } = ctx.allegations.setNoEvidenceReason(paragraph, reason);
        ctx.audit.record({
          action: reason === null ? 'paragraph.needs-evidence' : 'paragraph.no-evidence-needed',
          objectType: 'paragraph',
          objectId: paragraph,
          before: { noEvidenceReason: before.noEvidenceReason ?? null },
          after: { noEvidenceReason: after.noEvidenceReason ?? null },
          author,
        });
        return after;
      }).immediate();
    },

    unsupportedParagraphs: () => ctx.allegations.unsupported(),
    paragraphsForExhibit: ({ exhibit }) => ctx.allegations.forExhibit(ctx.exhibits.resolve(exhibit).id),
  };
}
