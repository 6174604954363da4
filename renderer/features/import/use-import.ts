// One import at a time: its progress as the core reports it, cancellation, and the report at the end.
import { useCallback, useRef, useState } from 'react';
import type { ImportProgress, ImportReport } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';

export type ImportPhase =
  | { state: 'idle' }
  | { state: 'running'; progress: ImportProgress; cancelling: boolean }
  | { state: 'done'; report: ImportReport }
  | { state: 'failed'; message: string };

export function useImport(onFinished: (report: ImportReport) => Promise<void>) {
  const [phase, setPhase] = useState<ImportPhase>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(
    async (paths: string[], passwords: string[]) => {
      const controller = new AbortController();
      abort.current = controller;
      setPhase({ state: 'running', progress: { done: 0, total: 0, current: null }, cancelling: false });
      try {
        const report = await api.importFiles(
          { paths, passwords: passwords.length ? passwords : undefined },
          {
            signal: controller.signal,
            onProgress: (progress) => setPhase((p) => (p.state === 'running' ? { ...p, progress } : p)),
          },
        );
        await onFinished(report);
        setPhase({ state: 'done', report });
      } catch (e) {
        setPhase({ state: 'failed', message: (e as Error).message });
      } finally {
        abort.current = null;
      }
    },
    [onFinished],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase((p) => (p.state === 'running' ? { ...p, cancelling: true } : p));
  }, []);

  const reset = useCallback(() => setPhase({ state: 'idle' }), []);
  return { phase, start, cancel, reset };
}
