// Search: turns what the user typed and chose into a safe index query.
import { UserError } from '../../../shared/errors.ts';
import type { CaseContext } from '../case/case-context.ts';
import { parseSearch } from '../search/query-parser.ts';
import { createSearchIndex, type ResolvedFilters } from '../search/search-index.ts';
import type { HandlerGroup } from './handler.ts';

const DEFAULT_LIMIT = 200;

export function searchHandlers(ctx: CaseContext): HandlerGroup<'search'> {
  const index = createSearchIndex(ctx.db);
  return {
    search({ query, filters = {}, limit }) {
      const { match, terms } = parseSearch(query);
      const resolved: ResolvedFilters = {
        kinds: filters.kinds,
        dateFrom: filters.dateFrom,
        dateTo: filters.dateTo,
        paragraph: filters.paragraph,
      };
      if (filters.tags?.length) {
        resolved.tagIds = filters.tags.flatMap((name) => {
          const tag = ctx.tags.find(name);
          if (!tag) throw new UserError('not_found', `No tag "${name}".`);
          return ctx.tags.withDescendants(tag.id);
        });
      }
      if (filters.paragraph !== undefined) ctx.allegations.paragraph(filters.paragraph);
      return index.search(match, terms, resolved, limit ?? DEFAULT_LIMIT);
    },
  };
}
