// Tags: list, attach to or remove from exhibits, colour.
import { UserError } from '../../../shared/errors.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

export function tagHandlers(ctx: CaseContext): HandlerGroup<'listTags' | 'tagExhibits' | 'setTagColour'> {
  return {
    listTags: () => ctx.tags.list(),

    tagExhibits({ exhibits, tag, remove }) {
      const targets = exhibits.map((ref) => ctx.exhibits.resolve(ref));
      return ctx.db.transaction(() => {
        let tagId: number;
        if (remove) {
          const found = ctx.tags.find(tag);
          if (!found) throw new UserError('not_found', `No tag "${tag}".`);
          tagId = found.id;
        } else {
          tagId = ctx.tags.ensure(tag);
        }
        let changed = 0;
        for (const e of targets) {
          const did = remove ? ctx.tags.detach(e.id, tagId) : ctx.tags.attach(e.id, tagId);
          if (!did) continue;
          changed++;
          ctx.audit.record({
            action: remove ? 'exhibit.untag' : 'exhibit.tag',
            objectType: 'exhibit',
            objectId: e.id,
            after: { tag },
          });
        }
        return { changed };
      }).immediate();
    },

    setTagColour({ tag, colour }) {
      const found = ctx.tags.find(tag);
      if (!found) throw new UserError('not_found', `No tag "${tag}".`);
      ctx.db.transaction(() => {
        ctx.tags.setColor(found.id, colour);
        ctx.audit.record({ action: 'tag.colour', objectType: 'tag', objectId: found.id, before: found.color, after: colour });
      }).immediate();
      return ctx.tags.find(found.path)!;
    },
  };
}
