// The readable text of a pageless document (email body, web page, Word document, text file), as the core stored it.
import { useEffect, useState } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';

export type OriginalText = { state: 'loading' } | { state: 'ready'; text: string | null } | { state: 'failed'; message: string };

export function useOriginalText(exhibit: Exhibit): OriginalText {
  const [result, setResult] = useState<OriginalText>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    api.documentText({ exhibit: String(exhibit.id) }).then(
      ({ text }) => current && setResult({ state: 'ready', text }),
      (e: unknown) => current && setResult({ state: 'failed', message: (e as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [exhibit]);
  return result;
}
