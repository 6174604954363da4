// The chronology's facts as the filters choose them, proposals included, read again whenever the case changes. A new
// set of filters shows its first screenful at once and the whole list when it has come (ten thousand facts are some
// megabytes to send and parse); a reload after a change replaces the list whole.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FactFilters } from '../../../shared/api.ts';
import type { Fact } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

/** More than a tall screen's rows: what a new list shows before the rest arrives. */
const FIRST_FACTS = 60;

export interface FactsState {
  facts: Fact[];
  loading: boolean;
  error: string | null;
  /** The filters (as JSON) that `facts` answers in full: it changes only when their whole answer has arrived. */
  loadedFor: string | null;
  /** False while `facts` holds only the first of them. */
  complete: boolean;
  reload: () => Promise<void>;
}

export function useFacts(filters: FactFilters): FactsState {
  const { revision } = useWorkspace();
  const [facts, setFacts] = useState<Fact[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [complete, setComplete] = useState(false);
  // Answers can arrive out of order when filters change quickly; only the latest request's answer is kept.
  const request = useRef(0);
  const key = JSON.stringify(filters);

  const shownFor = useRef<string | null>(null);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    const args = { ...(JSON.parse(key) as FactFilters), includeProposed: true };
    setLoading(true);
    try {
      if (shownFor.current !== key) {
        const first = await api.listFacts({ ...args, limit: FIRST_FACTS });
        if (mine !== request.current) return;
        shownFor.current = key;
        setFacts(first);
        setError(null);
        if (first.length < FIRST_FACTS) {
          setLoadedFor(key);
          setComplete(true);
          return;
        }
        setComplete(false);
      }
      const list = await api.listFacts(args);
      if (mine !== request.current) return;
      setFacts(list);
      setLoadedFor(key);
      setComplete(true);
      setError(null);
    } catch (e) {
      if (mine === request.current) setError((e as Error).message);
    } finally {
      if (mine === request.current) setLoading(false);
    }
  }, [key]);

  useEffect(() => {
    void reload();
  }, [reload, revision]);

  return { facts, loading, error, loadedFor, complete, reload };
}
