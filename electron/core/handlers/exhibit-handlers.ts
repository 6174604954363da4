// Exhibits: list, details, edits, renumbering, page text, import.
import { UserError } from '../../../shared/errors.ts';
import { EXHIBIT_FIELD_LABELS, type EditableExhibitField } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { isDamage } from '../case/case-folder.ts';
import { importFiles } from '../import/import-files.ts';
import { changedOnly, refuseIfStale } from './edit-guard.ts';
import type { HandlerGroup } from './handler.ts';
import { exhibitsNumberedIn, numbersOf, resolveExhibit, withDesignations } from '../numbers/designations.ts';

type Names = 'listExhibits' | 'getExhibit' | 'updateExhibit' | 'renumberExhibits' | 'pageText' | 'picturePage' | 'documentText' | 'importFiles';

// A screen's worth of a page: enough to read a 300 dpi letter page, a quarter of what OCR renders.
const VIEWER_PIXELS = 4_000_000;

export function exhibitHandlers(ctx: CaseContext): HandlerGroup<Names> {
  return {
    listExhibits({ tag, kind, limit, offset, designation }) {
      let tagIds: number[] | undefined;
      if (tag !== undefined) {
        const found = ctx.tags.find(tag);
        if (!found) throw new UserError('not_found', `No tag "${tag}".`);
        tagIds = ctx.tags.withDescendants(found.id);
      }
      if (designation === undefined) return withDesignations(ctx, ctx.exhibits.list({ tagIds, kind, limit, offset }));
      const numbered = exhibitsNumberedIn(ctx, designation, ctx.exhibits.list({ tagIds, kind }));
      return withDesignations(ctx, numbered.slice(offset ?? 0, limit === undefined ? undefined : (offset ?? 0) + limit));
    },

    getExhibit({ exhibit }) {
      const e = resolveExhibit(ctx, exhibit);
      return {
        // The same record the list gives, numbers summarised, so an exhibit reads the same wherever it is shown.
        exhibit: withDesignations(ctx, [e])[0]!,
        children: ctx.exhibits.children(e.id),
        paragraphs: ctx.allegations.forExhibit(e.id),
        evidence: ctx.evidence.forExhibit(e.id),
        annotations: ctx.annotations.forExhibit(e.id),
        redactions: ctx.redactions.forExhibit(e.id),
        production: ctx.productionSources.get(e.id),
        withheld: ctx.withheld.get(e.id),
        history: ctx.audit.history('exhibit', e.id),
        unreadablePages: pagesOcrCouldNotRead(ctx, e.id),
        ...numbersOf(ctx, e.id),
      };
    },

    updateExhibit({ exhibit, edit, expected }) {
      // Read, checked and written in one immediate transaction, so that no other window or process can change the
      // exhibit between the check against `expected` and the write.
      return ctx.db.transaction(() => {
        const current = ctx.exhibits.resolve(exhibit);
        refuseIfStale(current, expected, current.exhibitNo, (f) => EXHIBIT_FIELD_LABELS[f as EditableExhibitField].toLowerCase());
        const changes = changedOnly(current, edit);
        const changed = Object.keys(changes) as (keyof typeof changes)[];
        if (changed.length === 0) return withDesignations(ctx, [current])[0]!;
        const { before, after } = ctx.exhibits.update(current.id, changes);
        ctx.audit.record({
          action: 'exhibit.edit',
          objectType: 'exhibit',
          objectId: current.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
        return withDesignations(ctx, [after])[0]!;
      }).immediate();
    },

    renumberExhibits({ scheme }) {
      return ctx.db.transaction(() => {
        const used = scheme ?? ctx.settings.numbering();
        if (scheme) ctx.settings.setNumbering(scheme);
        const changed = ctx.exhibits.renumber(used);
        ctx.audit.record({ action: 'exhibit.renumber', objectType: 'case', before: null, after: { scheme: used, changed } });
        return { changed };
      }).immediate();
    },

    pageText({ exhibit, page }) {
      const e = ctx.exhibits.resolve(exhibit);
      if (e.pages !== null && page > e.pages) throw new UserError('not_found', `${e.exhibitNo} has ${e.pages} page(s).`);
      return { text: ctx.exhibits.pageText(e.id, page) };
    },

    async picturePage({ exhibit, page }) {
      const e = ctx.exhibits.resolve(exhibit);
      if (e.kind !== 'image') throw new UserError('bad_input', `${e.exhibitNo} is not a picture.`);
      // Loaded on first use: the picture decoders bring a native canvas that most sessions never need.
      const { openPicture } = await import('../pictures/picture.ts');
      const picture = await openPicture(await ctx.vault.read(e.sha256));
      if (page > picture.pageCount) throw new UserError('not_found', `${e.exhibitNo} has ${picture.pageCount} page(s).`);
      const { canvas, width, height } = await picture.render(page - 1, VIEWER_PIXELS);
      return { png: canvas.toBuffer('image/png').toString('base64'), width, height, pages: picture.pageCount };
    },

    documentText: ({ exhibit }) => ({ text: ctx.exhibits.bodyText(ctx.exhibits.resolve(exhibit).id) }),

    importFiles({ paths, passwords, timeoutSeconds }, options) {
      return importFiles(ctx, paths, {
        passwords,
        onProgress: options.onProgress,
        signal: options.signal,
        pool: timeoutSeconds === undefined ? undefined : { timeoutMs: timeoutSeconds * 1000 },
      });
    },
  };
}

/** The pages OCR gave up on; in a case whose text table is damaged, none can be named, and the details still show. */
function pagesOcrCouldNotRead(ctx: CaseContext, exhibitId: number): { page: number; reason: string }[] {
  try {
    return ctx.ocr.unreadable(exhibitId);
  } catch (e) {
    if (isDamage(e)) return [];
    throw e;
  }
}
