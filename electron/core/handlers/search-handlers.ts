// Search: turns what the user typed and chose into a safe index query.
import type { SearchFilters } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { CaseContext } from '../case/case-context.ts';
import { parseSearch } from '../search/query-parser.ts';
import { createSearchIndex, type ResolvedFilters } from '../search/search-index.ts';
import type { HandlerGroup } from './handler.ts';

const DEFAULT_LIMIT = 200;

export function searchHandlers(ctx: CaseContext): HandlerGroup<'search' | 'countMatches'> {
  const index = createSearchIndex(ctx.db);

  /** The filters as the index takes them: tags by id with their descendants; an unknown tag or paragraph is an error. */
  function resolve(filters: SearchFilters): ResolvedFilters {
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
    return resolved;
  }

  return {
    search({ query, filters = {}, limit }) {
      const { match, terms } = parseSearch(query);
      return index.search(match, terms, resolve(filters), limit ?? DEFAULT_LIMIT);
    },
    countMatches({ query, filters = {} }) {
      return index.count(parseSearch(query).match, resolve(filters));
    },
  };
}
