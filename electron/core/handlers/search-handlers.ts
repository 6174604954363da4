// Search: turns what the user typed and chose into a safe index query.
import type { SearchFilters } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { CaseContext } from '../case/case-context.ts';
import { createNoteSearch } from '../search/note-search.ts';
import { parseSearch } from '../search/query-parser.ts';
import { createSearchIndex, type ResolvedFilters } from '../search/search-index.ts';
import type { HandlerGroup } from './handler.ts';
import { designationHits, withDesignationHits } from '../numbers/designation-search.ts';

const DEFAULT_LIMIT = 200;
/** Notes found come before the pages, up to this many (a case's notes are few beside its pages). */
const NOTE_LIMIT = 50;
const NUMBER_LIMIT = 50;

export function searchHandlers(ctx: CaseContext): HandlerGroup<'search' | 'countMatches'> {
  const index = createSearchIndex(ctx.db);
  const notes = createNoteSearch(ctx.db);

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
      const { match, terms, ranking } = parseSearch(query);
      const resolved = resolve(filters);
      const found = [...notes.search(match, terms, resolved, NOTE_LIMIT), ...index.search(match, terms, resolved, limit ?? DEFAULT_LIMIT, ranking)];
      // An exhibit named by one of its numbers ("Smith Dep. Ex. 4", "PX 12") comes first.
      return withDesignationHits(designationHits(ctx, query, resolved, NUMBER_LIMIT), found);
    },
    countMatches({ query, filters = {} }) {
      const resolved = resolve(filters);
      const counted = index.count(parseSearch(query).match, resolved);
      const numbered = designationHits(ctx, query, resolved, NUMBER_LIMIT).length;
      return numbered === 0 ? counted : { ...counted, matches: counted.matches + numbered };
    },
  };
}
