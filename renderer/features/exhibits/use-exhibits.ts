// Loads every exhibit of the case in pages: the first page small, so rows show at once, the rest in the background,
// shown in a few large steps rather than page by page so that a case of 100,000 is not re-sorted twenty times.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';

const FIRST_PAGE = 120;
const PAGE = 5000;
const SHOW_EVERY_MS = 1500;

export interface ExhibitsState {
  list: Exhibit[];
  byId: Map<number, Exhibit>;
  /** How many have arrived so far (more than `list` holds while a step is gathering). */
  fetched: number;
  /** False while later pages are still arriving. */
  complete: boolean;
  error: string | null;
  reload: () => Promise<void>;
  /** Replaces exhibits the user just changed, without reloading the rest. */
  patch: (changed: Exhibit[]) => void;
}

let prefetched: Promise<Exhibit[]> | null = null;

/**
 * Asks for the first page as soon as the UI's code runs, before React's first render and effects: on a large case the
 * answer then arrives while the page is being built instead of after it.
 */
export function prefetchExhibits(): void {
  prefetched = api.listExhibits({ limit: FIRST_PAGE, offset: 0 });
  prefetched.catch(() => {}); // the first load reports the failure
}

/** The first page: the prefetched one the first time, if any, else asked for now. */
function firstPage(): Promise<Exhibit[]> {
  const page = prefetched ?? api.listExhibits({ limit: FIRST_PAGE, offset: 0 });
  prefetched = null;
  return page;
}

export function useExhibits(): ExhibitsState {
  const [list, setList] = useState<Exhibit[]>([]);
  const [fetched, setFetched] = useState(0);
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setComplete(false);
    setError(null);
    let all: Exhibit[] = [];
    let limit = FIRST_PAGE;
    let shownAt = 0;
    try {
      for (;;) {
        const rows = await (all.length === 0 ? firstPage() : api.listExhibits({ limit, offset: all.length }));
        if (mine !== generation.current) return;
        all = all.concat(rows);
        setFetched(all.length);
        const done = rows.length < limit;
        if (done || shownAt === 0 || Date.now() - shownAt >= SHOW_EVERY_MS) {
          setList(all);
          shownAt = Date.now();
        }
        if (done) break;
        limit = PAGE;
      }
      setComplete(true);
    } catch (e) {
      if (mine === generation.current) setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const patch = useCallback((changed: Exhibit[]) => {
    const byId = new Map(changed.map((e) => [e.id, e]));
    setList((prev) => prev.map((e) => byId.get(e.id) ?? e));
  }, []);

  const byId = useMemo(() => new Map(list.map((e) => [e.id, e])), [list]);
  return useMemo(
    () => ({ list, byId, fetched, complete, error, reload, patch }),
    [list, byId, fetched, complete, error, reload, patch],
  );
}
