// The case's tags with their colours and counts.
import { useCallback, useEffect, useState } from 'react';
import type { Tag } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';

export function useTags(): { tags: Tag[]; reload: () => Promise<void> } {
  const [tags, setTags] = useState<Tag[]>([]);
  const reload = useCallback(async () => setTags(await api.listTags({})), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { tags, reload };
}
