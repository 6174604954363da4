// The complaint's causes of action and paragraphs, with their evidence counts, reloaded after every link.
import { useCallback, useEffect, useState } from 'react';
import type { Allegations } from '../../../shared/api.ts';
import { api } from '../../api/api.ts';

export function useAllegations(): { allegations: Allegations | null; reload: () => Promise<void> } {
  const [allegations, setAllegations] = useState<Allegations | null>(null);
  const reload = useCallback(async () => setAllegations(await api.listAllegations({})), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { allegations, reload };
}
