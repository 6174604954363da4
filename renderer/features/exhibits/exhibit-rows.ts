// Turns the flat list of exhibits into the grid's rows: families (an email and its attachments) nested under their
// parent, top-level rows sorted by the chosen column, filters applied with the families of matches kept as context.
import { keyMatches, labelKey } from '../../../shared/designation-key.ts';
import type { Exhibit, ExhibitKind } from '../../../shared/model.ts';

export type SortColumn = 'number' | 'date' | 'title' | 'kind';
export interface SortOrder {
  column: SortColumn;
  descending: boolean;
}

export interface ExhibitFilter {
  kind: ExhibitKind | null;
  tag: string | null;
  dateFrom: string;
  dateTo: string;
  /** Exhibits linked to the chosen paragraph, once they are known. */
  linkedTo: { paragraph: number; exhibitIds: Set<number> } | null;
  /** A number as labelKey folds it: the exhibit's own, or one of its designations, is it or begins with it. */
  number: string;
}

export const NO_FILTER: ExhibitFilter = { kind: null, tag: null, dateFrom: '', dateTo: '', linkedTo: null, number: '' };

export interface GridRow {
  exhibit: Exhibit;
  depth: number;
  childCount: number;
  expanded: boolean;
  /** Shown only because an attachment or parent matches the filter. */
  context: boolean;
}

/**
 * A key that sorts by plain comparison the way people read: case (and, for non-ASCII text, accents) ignored, digit
 * runs by their value ("PX-2" before "PX-10"). Comparing precomputed keys keeps a sort of 100,000 rows quick.
 */
function naturalKey(text: string): string {
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  return folded.toLowerCase().replace(/\d+/g, (digits) => {
    const n = digits.replace(/^0+(?=\d)/, '');
    return String.fromCharCode(0x10 + Math.min(n.length, 0x1f)) + n;
  });
}

const numberKeys = new WeakMap<Exhibit, string>();
const titleKeys = new WeakMap<Exhibit, string>();
function cached(cache: WeakMap<Exhibit, string>, e: Exhibit, make: () => string): string {
  let k = cache.get(e);
  if (k === undefined) {
    k = make();
    cache.set(e, k);
  }
  return k;
}
const numberKey = (e: Exhibit) => cached(numberKeys, e, () => naturalKey(e.exhibitNo));
const titleKey = (e: Exhibit) => cached(titleKeys, e, () => naturalKey(e.title));

// Undated exhibits go last whichever way the column is sorted.
const UNDATED = '\uffff';

/** Sorts by the column, then by number; each row's key is made once, then compared as plain strings. */
function sortExhibits(list: readonly Exhibit[], order: SortOrder): Exhibit[] {
  const primary: (e: Exhibit) => string = {
    number: () => '',
    title: titleKey,
    kind: (e: Exhibit) => e.kind,
    date: (e: Exhibit) => e.date ?? UNDATED,
  }[order.column];
  const keyed = list.map((e) => ({ e, primary: primary(e), no: numberKey(e) }));
  const sign = order.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.primary !== b.primary) {
      if (a.primary === UNDATED || b.primary === UNDATED) return a.primary === UNDATED ? 1 : -1;
      return sign * (a.primary < b.primary ? -1 : 1);
    }
    if (a.no !== b.no) return sign * (a.no < b.no ? -1 : 1);
    return sign * (a.e.id - b.e.id);
  });
  return keyed.map((k) => k.e);
}

function isFiltering(filter: ExhibitFilter): boolean {
  return filter.kind !== null || filter.tag !== null || filter.dateFrom !== '' || filter.dateTo !== '' || filter.linkedTo !== null || filter.number !== '';
}

/** Whether the exhibit's own number, or any it carries (by its label or its cite), is or begins with the typed one. */
function numbered(e: Exhibit, typed: string): boolean {
  if (keyMatches(labelKey(e.exhibitNo), typed)) return true;
  return e.designations?.some((d) => keyMatches(labelKey(d.label), typed) || keyMatches(labelKey(d.cite), typed)) ?? false;
}

export function matches(e: Exhibit, filter: ExhibitFilter): boolean {
  if (filter.kind && e.kind !== filter.kind) return false;
  if (filter.tag) {
    const tag = filter.tag;
    if (!e.tags.some((t) => t === tag || t.startsWith(`${tag}/`))) return false;
  }
  const day = e.date?.slice(0, 10) ?? null;
  if (filter.dateFrom && (day === null || day < filter.dateFrom)) return false;
  if (filter.dateTo && (day === null || day > filter.dateTo)) return false;
  if (filter.linkedTo && !filter.linkedTo.exhibitIds.has(e.id)) return false;
  if (filter.number && !numbered(e, filter.number)) return false;
  return true;
}

export function buildRows(all: readonly Exhibit[], order: SortOrder, filter: ExhibitFilter, expanded: ReadonlySet<number>): GridRow[] {
  const present = new Set(all.map((e) => e.id));
  const children = new Map<number, Exhibit[]>();
  const roots: Exhibit[] = [];
  for (const e of all) {
    if (e.parentId !== null && present.has(e.parentId)) {
      const siblings = children.get(e.parentId);
      if (siblings) siblings.push(e);
      else children.set(e.parentId, [e]);
    } else {
      roots.push(e);
    }
  }

  const filtering = isFiltering(filter);
  // With a filter, a family shows when any member matches; the members that do not match are context.
  const shown = new Set<number>();
  const matched = new Set<number>();
  if (filtering) {
    const parentOf = new Map(all.map((e) => [e.id, e.parentId]));
    for (const e of all) {
      if (!matches(e, filter)) continue;
      matched.add(e.id);
      for (let id: number | null = e.id; id !== null && !shown.has(id); id = parentOf.get(id) ?? null) shown.add(id);
    }
  }

  const rows: GridRow[] = [];
  const visit = (e: Exhibit, depth: number) => {
    const kids = (children.get(e.id) ?? []).filter((k) => !filtering || shown.has(k.id));
    // A parent shown only for its matching attachments opens by itself, so that they are seen.
    const open = kids.length > 0 && (expanded.has(e.id) || (filtering && !matched.has(e.id)));
    rows.push({ exhibit: e, depth, childCount: kids.length, expanded: open, context: filtering && !matched.has(e.id) });
    if (open) for (const k of sortExhibits(kids, { column: 'number', descending: false })) visit(k, depth + 1);
  };
  for (const e of sortExhibits(filtering ? roots.filter((r) => shown.has(r.id)) : roots, order)) visit(e, 0);
  return rows;
}
