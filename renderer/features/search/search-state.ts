// What the search box and the results pane share: the query, its hits grouped by exhibit, whether the pane is open,
// which hit the keyboard is on and which groups are folded. One search per window, so one store.
import { useSyncExternalStore } from 'react';
import type { MatchCount, SearchHit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';

export const LIMIT = 200;
const DELAY_MS = 180;
/** An exhibit with more hits than this starts folded: its count shows, its pages one key away. */
const FOLD_OVER = 5;

export type Results =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; query: string; hits: SearchHit[]; count: MatchCount | null }
  | { state: 'error'; message: string };

export interface HitGroup {
  exhibitId: number;
  exhibitNo: string;
  title: string;
  /** Notes first, then the exhibit's metadata or body, then its pages in order. */
  hits: SearchHit[];
}

/** One row of the tree as the keyboard walks it: an exhibit, or one of its hits (when the exhibit is unfolded). */
export type TreeRow = { kind: 'group'; id: string; group: HitGroup } | { kind: 'hit'; id: string; group: HitGroup; hit: SearchHit };

interface SearchState {
  query: string;
  results: Results;
  open: boolean;
  active: string | null;
  folded: ReadonlySet<number>;
}

let state: SearchState = { query: '', results: { state: 'idle' }, open: false, active: null, folded: new Set() };
const listeners = new Set<() => void>();
let latest = 0;
let timer = 0;

function update(change: Partial<SearchState>): void {
  state = { ...state, ...change };
  for (const l of listeners) l();
}

export function useSearchState(): SearchState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<number, HitGroup>();
  for (const hit of hits) {
    let g = groups.get(hit.exhibitId);
    if (!g) groups.set(hit.exhibitId, (g = { exhibitId: hit.exhibitId, exhibitNo: hit.exhibitNo, title: hit.title, hits: [] }));
    g.hits.push(hit);
  }
  const order = (h: SearchHit) => (h.source === 'note' ? -1 : (h.page ?? 0));
  for (const g of groups.values()) g.hits.sort((a, b) => order(a) - order(b));
  return [...groups.values()];
}

export const hitRowId = (g: HitGroup, i: number) => `search-hit-${g.exhibitId}-${i}`;
export const groupRowId = (g: HitGroup) => `search-group-${g.exhibitId}`;

export function visibleRows(groups: readonly HitGroup[], folded: ReadonlySet<number>): TreeRow[] {
  return groups.flatMap((group): TreeRow[] => [
    { kind: 'group', id: groupRowId(group), group },
    ...(folded.has(group.exhibitId) ? [] : group.hits.map((hit, i): TreeRow => ({ kind: 'hit', id: hitRowId(group, i), group, hit }))),
  ]);
}

export const search = {
  setQuery(query: string): void {
    update({ query, open: query.trim() !== '' });
    const q = query.trim();
    window.clearTimeout(timer);
    const mine = ++latest;
    if (q === '') return update({ results: { state: 'idle' }, active: null });
    timer = window.setTimeout(() => {
      if (state.results.state !== 'done') update({ results: { state: 'searching' } });
      api.search({ query: q, limit: LIMIT }).then(
        (hits) => {
          if (mine !== latest) return;
          const groups = groupHits(hits);
          const folded = new Set(groups.filter((g) => g.hits.length > FOLD_OVER).map((g) => g.exhibitId));
          update({ results: { state: 'done', query: q, hits, count: null }, active: null, folded });
          // Only a full page of hits leaves the number of matches unknown; the count is extra, so a failure is ignored.
          if (hits.filter((h) => h.source !== 'note').length === LIMIT) {
            api.countMatches({ query: q }).then(
              (count) => {
                if (mine === latest && state.results.state === 'done') update({ results: { ...state.results, count } });
              },
              () => {},
            );
          }
        },
        (e: unknown) => {
          if (mine === latest) update({ results: { state: 'error', message: (e as Error).message } });
        },
      );
    }, DELAY_MS);
  },
  show: () => update({ open: state.query.trim() !== '' }),
  close: () => update({ open: false }),
  setActive: (active: string | null) => update({ active }),
  fold(exhibitId: number, fold: boolean): void {
    const folded = new Set(state.folded);
    if (fold) folded.add(exhibitId);
    else folded.delete(exhibitId);
    update({ folded });
  },
};

/**
 * "No matches…", "12 hits for…", "First 200 of 3,412 matches for…" (or "of 100,000+"), then how many exhibits they are
 * in and the notes found: "12 hits for “Suzhou” in 7 exhibits, and 1 note".
 */
export function summary(query: string, hits: readonly SearchHit[], exhibits: number, count: MatchCount | null): string {
  const notes = hits.filter((h) => h.source === 'note').length;
  const pages = hits.length - notes;
  if (hits.length === 0) return `No matches for “${query}”.`;
  const found =
    pages < LIMIT
      ? `${pages} ${pages === 1 ? 'hit' : 'hits'} for “${query}”`
      : count
        ? `First ${LIMIT} of ${count.matches.toLocaleString('en-US')}${count.atLeast ? '+' : ''} matches for “${query}”`
        : `First ${LIMIT} hits for “${query}”`;
  return `${found} in ${exhibits} ${exhibits === 1 ? 'exhibit' : 'exhibits'}${notes ? `, and ${notes} ${notes === 1 ? 'note' : 'notes'}` : ''}`;
}
