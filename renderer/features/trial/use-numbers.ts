// After a number is added or removed or an exhibit marked at trial: the details read again, and the grid's row given
// the exhibit's designations as they now are, without reloading every exhibit.
import { useCallback } from 'react';
import { idRef } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

export function useNumbersChanged(): (exhibitId: number) => Promise<void> {
  const { exhibits, touch } = useWorkspace();
  return useCallback(
    async (exhibitId: number) => {
      touch();
      const details = await api.getExhibit({ exhibit: idRef(exhibitId) });
      const designations = details.designations.map(({ kind, label, cite }) => ({ kind, label, cite }));
      exhibits.patch([{ ...details.exhibit, ...(designations.length > 0 ? { designations } : {}) }]);
    },
    [exhibits, touch],
  );
}

/** Today where the user is, as an ISO day: what a trial mark is dated unless another day is chosen. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
