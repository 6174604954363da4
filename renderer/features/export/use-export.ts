// One export at a time: its progress and Cancel, then the files it wrote and the preflight check of its PDFs.
import { useCallback, useRef, useState } from 'react';
import type { ExportResult, ImportProgress } from '../../../shared/model.ts';
import type { PreflightReport } from '../../../shared/preflight.ts';
import { api } from '../../api/api.ts';
import type { ExportRequest } from './export-form.ts';

export type ExportPhase =
  | { state: 'idle' }
  | { state: 'running'; progress: ImportProgress; cancelling: boolean }
  | { state: 'checking'; result: ExportResult }
  | { state: 'done'; result: ExportResult; preflight: PreflightReport | null; preflightError: string | null }
  | { state: 'failed'; message: string };

function run(request: ExportRequest, options: { signal: AbortSignal; onProgress: (p: ImportProgress) => void }): Promise<ExportResult> {
  switch (request.kind) {
    case 'bundle':
      return api.exportBundle(request.args, options);
    case 'stamped':
      return api.exportStamped(request.args, options);
    case 'list':
      return api.exportList(request.args, options);
    case 'proof-chart':
      return api.exportProofChart(request.args, options);
    case 'production':
      return api.exportProduction(request.args, options);
    case 'trial-list':
      return api.exportTrialList(request.args, options);
    case 'jury':
      return api.exportJuryCopy(request.args, options);
  }
}

export function useExport() {
  const [phase, setPhase] = useState<ExportPhase>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async (request: ExportRequest) => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ state: 'running', progress: { done: 0, total: 0, current: null }, cancelling: false });
    let result: ExportResult;
    try {
      result = await run(request, {
        signal: controller.signal,
        onProgress: (progress) => setPhase((p) => (p.state === 'running' ? { ...p, progress } : p)),
      });
    } catch (e) {
      setPhase({ state: 'failed', message: (e as Error).message });
      return;
    } finally {
      abort.current = null;
    }
    // Preflight: what a court's filing system would refuse, checked on every PDF the export wrote.
    const pdfs = result.files.map((f) => f.path).filter((p) => p.toLowerCase().endsWith('.pdf'));
    if (pdfs.length === 0) return setPhase({ state: 'done', result, preflight: null, preflightError: null });
    setPhase({ state: 'checking', result });
    const court = 'court' in request.args ? request.args.court : undefined;
    const maxMb = request.kind === 'bundle' ? request.args.maxMb : undefined;
    try {
      const preflight = await api.preflight({ paths: pdfs, court, maxMb });
      setPhase({ state: 'done', result, preflight, preflightError: null });
    } catch (e) {
      setPhase({ state: 'done', result, preflight: null, preflightError: (e as Error).message });
    }
  }, []);

  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase((p) => (p.state === 'running' ? { ...p, cancelling: true } : p));
  }, []);

  const reset = useCallback(() => setPhase({ state: 'idle' }), []);
  return { phase, start, cancel, reset };
}
