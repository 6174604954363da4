// One import at a time: in browser mode first the sending of chosen or dropped files to the local server, then the
// import's progress as the core reports it, cancellation, then the reading of scanned pages (OCR) with its own progress
// and cancel, and the reports at the end. A production volume is imported the same way, from its folder, with the field
// map and producing party the user confirmed.
import { useCallback, useRef, useState } from 'react';
import type { ArgsOf } from '../../../shared/api.ts';
import type { ImportProgress, ImportReport, OcrReport } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { sendAndImport, type FileToSend, type SendProgress } from './send-files.ts';

export type ImportPhase =
  | { state: 'idle' }
  | { state: 'sending'; progress: SendProgress; cancelling: boolean }
  | { state: 'running'; progress: ImportProgress; cancelling: boolean }
  | { state: 'ocr'; report: ImportReport; progress: ImportProgress; cancelling: boolean }
  | { state: 'done'; report: ImportReport; ocr: OcrReport | null }
  | { state: 'failed'; message: string };

/** How a folder is imported as a production volume (its path is the one path given). */
export type ProductionImport = Omit<ArgsOf<'importProduction'>, 'path'>;

/** What to import: paths on this computer (typed, or dropped in the desktop app), files sent from a browser, or both. */
export interface ImportWhat {
  paths?: string[];
  files?: readonly FileToSend[];
}

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
    async (what: ImportWhat, passwords: string[], production?: ProductionImport) => {
      const controller = new AbortController();
      abort.current = controller;
      const paths = what.paths ?? [];
      const files = what.files ?? [];
      // The import's first report ends the sending of files.
      const running = (progress: ImportProgress) =>
        setPhase((p) => (p.state === 'running' ? { ...p, progress } : p.state === 'sending' ? { state: 'running', progress, cancelling: p.cancelling } : p));
      setPhase(
        files.length > 0
          ? { state: 'sending', progress: { sent: 0, total: 0, current: null }, cancelling: false }
          : { state: 'running', progress: { done: 0, total: 0, current: null }, cancelling: false },
      );
      try {
        const options = { signal: controller.signal, onProgress: running };
        let report: ImportReport;
        if (production) report = await api.importProduction({ path: paths[0]!, ...production }, options);
        else {
          const sent =
            files.length > 0
              ? await sendAndImport(files, {
                  passwords,
                  signal: controller.signal,
                  onSend: (progress) => setPhase((p) => (p.state === 'sending' ? { ...p, progress } : p)),
                  onProgress: running,
                })
              : null;
          const typed = paths.length > 0 && !controller.signal.aborted ? await api.importFiles({ paths, passwords: passwords.length ? passwords : undefined }, options) : null;
          report = merged(sent, typed);
        }
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
    setPhase((p) => (p.state === 'sending' || p.state === 'running' || p.state === 'ocr' ? { ...p, cancelling: true } : p));
  }, []);

  const reset = useCallback(() => setPhase({ state: 'idle' }), []);
  return { phase, start, cancel, reset };
}

/** One report of files sent and paths typed, imported one after the other. */
function merged(a: ImportReport | null, b: ImportReport | null): ImportReport {
  const reports = [a, b].filter((r): r is ImportReport => r !== null);
  return {
    imported: reports.flatMap((r) => r.imported),
    duplicates: reports.flatMap((r) => r.duplicates),
    failed: reports.flatMap((r) => r.failed),
    cancelled: reports.some((r) => r.cancelled),
  };
}
