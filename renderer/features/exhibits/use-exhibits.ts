// Loads every exhibit of the case in pages: the first page small, so rows show at once, the rest in the background,
// shown in a few large steps rather than page by page so that a case of 100,000 is not re-sorted twenty times.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { arrivedFirstPage, FIRST_PAGE, firstPage } from './first-page.ts';

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

export function useExhibits(): ExhibitsState {
  // With the prefetched first page when it is already here, so that its rows are in the first render; the first
  // load then sets the same array again, which React skips.
  const [list, setList] = useState<Exhibit[]>(() => arrivedFirstPage() ?? []);
  const [fetched, setFetched] = useState(list.length);
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
        all = all.length === 0 ? rows : all.concat(rows);
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
