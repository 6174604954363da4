// Which facts a list or a chronology report holds: the case's facts in chronology order, narrowed by the filters.
import type { FactFilters } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { Fact } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { mayFallWithin } from './fuzzy-date.ts';

export function selectFacts(ctx: CaseContext, filters: FactFilters, includeProposed = false): Fact[] {
  let facts = ctx.facts.list(includeProposed);
  if (filters.tag !== undefined) {
    const tag = ctx.tags.find(filters.tag);
    if (!tag) throw new UserError('not_found', `No tag "${filters.tag}".`);
    // A tag includes the tags nested below it, as it does for exhibits.
    const paths = ctx.tags.paths();
    const wanted = new Set(ctx.tags.withDescendants(tag.id).map((id) => paths.get(id)));
    facts = facts.filter((f) => f.tags.some((t) => wanted.has(t)));
  }
  if (filters.paragraph !== undefined) {
    const number = ctx.allegations.paragraph(filters.paragraph).number;
    facts = facts.filter((f) => f.paragraphs.includes(number));
  }
  if (filters.status !== undefined) facts = facts.filter((f) => f.status === filters.status);
  if (filters.key !== undefined) facts = facts.filter((f) => f.key === filters.key);
  if (filters.unsourced !== undefined) facts = facts.filter((f) => f.unsourced === filters.unsourced);
  if (filters.dateFrom !== undefined || filters.dateTo !== undefined) {
    facts = facts.filter((f) => mayFallWithin(f.date, filters.dateFrom, filters.dateTo));
  }
  return facts;
}

/** The filters in words, for a report's heading: "tag “contract”, key facts, from 2017-01-01". */
export function describeFilters(filters: FactFilters): string | null {
  const parts = [
    filters.tag !== undefined ? `tag “${filters.tag}”` : null,
    filters.paragraph !== undefined ? `facts bearing on ¶ ${filters.paragraph}` : null,
    filters.status !== undefined ? `status ${filters.status.replace(/_/g, ' ')}` : null,
    filters.key === true ? 'key facts' : filters.key === false ? 'facts not marked key' : null,
    filters.unsourced === true ? 'facts without a source' : filters.unsourced === false ? 'facts with a source' : null,
    filters.dateFrom !== undefined ? `from ${filters.dateFrom.slice(0, 10)}` : null,
    filters.dateTo !== undefined ? `to ${filters.dateTo.slice(0, 10)}` : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? `Selected: ${parts.join(', ')}.` : null;
}
