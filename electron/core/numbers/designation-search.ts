// Search by number: a query that is (or begins) one of an exhibit's designations ("Smith Dep. Ex. 4", "PX 12",
// "Dkt. 45-3", a Bates number in a production range) finds that exhibit first, whatever its text says. Kept beside the
// full-text index, not in it: designations change without touching the exhibit's text.
import { labelKey } from '../../../shared/designation-key.ts';
import type { Exhibit, SearchHit } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { exhibitsNumbered } from './designations.ts';

/** The filters as the search handler has resolved them (tags by id with their descendants). */
export interface NumberFilters {
  tagIds?: number[];
  kinds?: string[];
  dateFrom?: string;
  dateTo?: string;
  paragraph?: number;
}

/**
 * Exhibits a query names by one of their numbers. A one-word query must be a whole label ("PX12"); a longer one may be
 * the beginning of labels ("Smith Dep" finds every exhibit of Smith's deposition).
 */
export function designationHits(ctx: CaseContext, query: string, filters: NumberFilters, limit: number): SearchHit[] {
  const typed = query.trim().replace(/^"(.*)"$/s, '$1');
  const key = labelKey(typed);
  if (key === '' || typed.length > 200) return [];
  const whole = !key.includes(' ');
  const allowed = filter(ctx, filters);
  const hits: SearchHit[] = [];
  const seen = new Set<number>();
  for (const { exhibitId, designation } of exhibitsNumbered(ctx, typed)) {
    if (seen.has(exhibitId) || (whole && labelKey(designation.label) !== key && designation.kind !== 'production')) continue;
    const exhibit = ctx.exhibits.get(exhibitId);
    if (!allowed(exhibit)) continue;
    seen.add(exhibitId);
    const from = designation.source ?? `${designation.kind} number`;
    hits.push({ exhibitId, exhibitNo: exhibit.exhibitNo, title: exhibit.title, page: null, source: 'metadata', snippet: `«${designation.cite}» (${from})` });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** Number hits first, then the others, without an exhibit's metadata hit twice. */
export function withDesignationHits(numbered: SearchHit[], found: SearchHit[]): SearchHit[] {
  if (numbered.length === 0) return found;
  const ids = new Set(numbered.map((h) => h.exhibitId));
  return [...numbered, ...found.filter((h) => !(h.source === 'metadata' && ids.has(h.exhibitId)))];
}

function filter(ctx: CaseContext, f: NumberFilters): (e: Exhibit) => boolean {
  const paths = f.tagIds ? ctx.tags.paths() : null;
  const tagPaths = f.tagIds ? new Set(f.tagIds.map((id) => paths!.get(id)).filter((p): p is string => p !== undefined)) : null;
  const linked = f.paragraph === undefined ? null : new Set(ctx.evidence.forParagraph(ctx.allegations.paragraph(f.paragraph).id).map((l) => l.exhibitId));
  return (e) => {
    if (f.kinds?.length && !f.kinds.includes(e.kind)) return false;
    if (tagPaths && !e.tags.some((t) => tagPaths.has(t))) return false;
    const day = e.date?.slice(0, 10) ?? null;
    if (f.dateFrom && (day === null || day < f.dateFrom.slice(0, 10))) return false;
    if (f.dateTo && (day === null || day > f.dateTo.slice(0, 10))) return false;
    if (linked && !linked.has(e.id)) return false;
    return true;
  };
}
