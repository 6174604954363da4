// Links exhibits to a paragraph (from a drop, the link dialog or the viewer) and tells everyone who shows counts.
import { useCallback } from 'react';
import type { Stance } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

export interface LinkRequest {
  exhibits: string[];
  paragraph: number;
  stance?: Stance;
  pageFrom?: number;
  pageTo?: number;
  note?: string;
}

/** Resolves to an error message, or null when every exhibit was linked. */
export function useLinkExhibits(): (request: LinkRequest) => Promise<string | null> {
  const { reloadAllegations, announce, touch } = useWorkspace();
  return useCallback(
    async ({ exhibits, paragraph, ...rest }) => {
      const cites: string[] = [];
      try {
        for (const exhibit of exhibits) cites.push((await api.linkEvidence({ exhibit, paragraph, ...rest })).cite);
        announce(`Linked ${cites.join(', ')} to ¶ ${paragraph}.`);
        return null;
      } catch (e) {
        const message = (e as Error).message;
        announce(cites.length ? `Linked ${cites.join(', ')} to ¶ ${paragraph}; then: ${message}` : message);
        return message;
      } finally {
        await reloadAllegations();
        touch();
      }
    },
    [reloadAllegations, announce, touch],
  );
}
