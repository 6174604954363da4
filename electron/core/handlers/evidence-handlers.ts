// Evidence links and annotations: tie exhibits and marked passages to complaint paragraphs.
import { UserError } from '../../../shared/errors.ts';
import type { Exhibit } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

type Names =
  | 'linkEvidence'
  | 'unlinkEvidence'
  | 'evidenceForParagraph'
  | 'addAnnotation'
  | 'listAnnotations'
  | 'removeAnnotation';

const DEFAULT_HIGHLIGHT = '#ffd54f';

function checkPage(e: Exhibit, page: number | undefined): void {
  if (page !== undefined && e.pages !== null && page > e.pages) {
    throw new UserError('bad_input', `${e.exhibitNo} has ${e.pages} page(s); there is no page ${page}.`);
  }
}

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
      return ctx.db.transaction(() => {
        const link = ctx.evidence.add({
          exhibitId: e.id,
          paragraphId: p.id,
          pageFrom: args.pageFrom ?? null,
          pageTo: args.pageTo ?? args.pageFrom ?? null,
          quote: args.quote ?? null,
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

    addAnnotation(args) {
      const e = ctx.exhibits.resolve(args.exhibit);
      checkPage(e, args.page);
      return ctx.db.transaction(() => {
        const a = ctx.annotations.add({
          exhibitId: e.id,
          page: args.page,
          rects: args.rects,
          quote: args.quote ?? null,
          note: args.note ?? null,
          color: args.colour ?? DEFAULT_HIGHLIGHT,
          createdAt: ctx.now(),
        });
        ctx.audit.record({ action: 'annotation.add', objectType: 'exhibit', objectId: e.id, after: a });
        return a;
      }).immediate();
    },

    listAnnotations: ({ exhibit }) => ctx.annotations.forExhibit(ctx.exhibits.resolve(exhibit).id),

    removeAnnotation({ id }) {
      return ctx.db.transaction(() => {
        const before = ctx.annotations.remove(id);
        ctx.audit.record({ action: 'annotation.remove', objectType: 'exhibit', objectId: before.exhibitId, before });
        return before;
      }).immediate();
    },
  };
}
