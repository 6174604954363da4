// The chronology's facts as the filters choose them, proposals included, read again whenever the case changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FactFilters } from '../../../shared/api.ts';
import type { Fact } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

export interface FactsState {
  facts: Fact[];
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

export function useFacts(filters: FactFilters): FactsState {
  const { revision } = useWorkspace();
  const [facts, setFacts] = useState<Fact[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Answers can arrive out of order when filters change quickly; only the latest request's answer is kept.
  const request = useRef(0);
  const key = JSON.stringify(filters);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    setLoading(true);
    try {
      const list = await api.listFacts({ ...(JSON.parse(key) as FactFilters), includeProposed: true });
      if (mine !== request.current) return;
      setFacts(list);
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

  return { facts, loading, error, reload };
}
