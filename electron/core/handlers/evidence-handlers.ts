// Evidence links: tie exhibits, their pages and marked passages to complaint paragraphs; the same link is made once.
import { UserError } from '../../../shared/errors.ts';
import type { Exhibit } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

type Names = 'linkEvidence' | 'unlinkEvidence' | 'evidenceForParagraph';

function checkPage(e: Exhibit, page: number | undefined): void {
  if (page !== undefined && e.pages !== null && page > e.pages) {
    throw new UserError('bad_input', `${e.exhibitNo} has ${e.pages} page(s); there is no page ${page}.`);
  }
}

/** Quotes are compared as read: line breaks and runs of spaces from the page's layout count as one space. */
const quoteText = (quote: string | undefined): string | null => quote?.replace(/\s+/g, ' ').trim() || null;

export function evidenceHandlers(ctx: CaseContext): HandlerGroup<Names> {
  return {
    linkEvidence(args) {
      const e = ctx.exhibits.resolve(args.exhibit);
      checkPage(e, args.pageFrom);
      checkPage(e, args.pageTo);
      const p = ctx.allegations.paragraph(args.paragraph);
      if (args.annotationId !== undefined && ctx.annotations.get(args.annotationId).exhibitId !== e.id) {
        throw new UserError('bad_input', `Annotation ${args.annotationId} is not on ${e.exhibitNo}.`);
      }
      const fields = {
        exhibitId: e.id,
        paragraphId: p.id,
        pageFrom: args.pageFrom ?? null,
        pageTo: args.pageTo ?? args.pageFrom ?? null,
        quote: quoteText(args.quote),
      };
      return ctx.db.transaction(() => {
        // The same exhibit, pages and passage for the same paragraph is one piece of evidence: a second link would
        // count it twice in the pane and cite it twice in the proof chart, so it is refused, whatever its stance.
        const same = ctx.evidence.findSame(fields);
        if (same) {
          const passage = same.quote ? ` with the passage “${same.quote.length > 60 ? `${same.quote.slice(0, 59)}…` : same.quote}”` : '';
          throw new UserError('duplicate_link', `${same.cite}${passage} is already linked to ¶ ${p.number} (${same.stance}); nothing was added.`);
        }
        const link = ctx.evidence.add({
          ...fields,
          stance: args.stance ?? 'supports',
          note: args.note ?? null,
          annotationId: args.annotationId ?? null,
          createdAt: ctx.now(),
        });
        ctx.audit.record({ action: 'evidence.link', objectType: 'exhibit', objectId: e.id, after: link });
        return link;
      }).immediate();
    },

    unlinkEvidence({ linkId }) {
      return ctx.db.transaction(() => {
        const before = ctx.evidence.remove(linkId);
        ctx.audit.record({ action: 'evidence.unlink', objectType: 'exhibit', objectId: before.exhibitId, before });
        return before;
      }).immediate();
    },

    evidenceForParagraph: ({ paragraph }) => ctx.evidence.forParagraph(ctx.allegations.paragraph(paragraph).id),
  };
}
