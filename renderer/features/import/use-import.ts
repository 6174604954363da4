// One import at a time: its progress as the core reports it, cancellation, then the reading of scanned pages (OCR)
// with its own progress and cancel, and the reports at the end. A production volume is imported the same way, from its
// folder, with the field map and producing party the user confirmed.
import { useCallback, useRef, useState } from 'react';
import type { ArgsOf } from '../../../shared/api.ts';
import type { ImportProgress, ImportReport, OcrReport } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';

export type ImportPhase =
  | { state: 'idle' }
  | { state: 'running'; progress: ImportProgress; cancelling: boolean }
  | { state: 'ocr'; report: ImportReport; progress: ImportProgress; cancelling: boolean }
  | { state: 'done'; report: ImportReport; ocr: OcrReport | null }
  | { state: 'failed'; message: string };

/** How a folder is imported as a production volume (its path is the one path given). */
export type ProductionImport = Omit<ArgsOf<'importProduction'>, 'path'>;

export function useImport(onFinished: (report: ImportReport) => Promise<void>) {
  const [phase, setPhase] = useState<ImportPhase>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  // Pages without a text layer are read after the import; a case with none pays nothing.
  const readScannedPages = useCallback(async (report: ImportReport, passwords: string[], signal: AbortSignal) => {
    setPhase({ state: 'ocr', report, progress: { done: 0, total: 0, current: null }, cancelling: false });
    const ocr = await api.runOcr(
      { passwords: passwords.length ? passwords : undefined },
      { signal, onProgress: (progress) => setPhase((p) => (p.state === 'ocr' ? { ...p, progress } : p)) },
    );
    return ocr.pages + ocr.pending > 0 ? ocr : null;
  }, []);

  const start = useCallback(
    async (paths: string[], passwords: string[], production?: ProductionImport) => {
      const controller = new AbortController();
      abort.current = controller;
      setPhase({ state: 'running', progress: { done: 0, total: 0, current: null }, cancelling: false });
      try {
        const options = {
          signal: controller.signal,
          onProgress: (progress: ImportProgress) => setPhase((p) => (p.state === 'running' ? { ...p, progress } : p)),
        };
        const report = production
          ? await api.importProduction({ path: paths[0]!, ...production }, options)
          : await api.importFiles({ paths, passwords: passwords.length ? passwords : undefined }, options);
        await onFinished(report);
        const ocr = report.cancelled ? null : await readScannedPages(report, passwords, controller.signal);
        if (ocr && ocr.pages > 0) await onFinished(report);
        setPhase({ state: 'done', report, ocr });
      } catch (e) {
        setPhase({ state: 'failed', message: (e as Error).message });
      } finally {
        abort.current = null;
      }
    },
    [onFinished, readScannedPages],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase((p) => (p.state === 'running' || p.state === 'ocr' ? { ...p, cancelling: true } : p));
  }, []);

  const reset = useCallback(() => setPhase({ state: 'idle' }), []);
  return { phase, start, cancel, reset };
}
