// Exports: the exhibit bundle, stamped exhibits, the exhibit list and the proof chart, each run in a worker thread.
import type { CaseContext } from '../case/case-context.ts';
import { previewExport } from '../export/preview-export.ts';
import { runExport } from '../export/run-export.ts';
import type { HandlerGroup } from './handler.ts';

type Names = 'exportBundle' | 'exportStamped' | 'exportList' | 'exportProofChart' | 'exportProduction' | 'exportTrialList' | 'exportJuryCopy' | 'previewExport';

export function exportHandlers(ctx: CaseContext): HandlerGroup<Names> {
  return {
    exportBundle: (args, options) => runExport(ctx, { kind: 'bundle', args }, options),
    exportStamped: (args, options) => runExport(ctx, { kind: 'stamped', args }, options),
    exportList: (args, options) => runExport(ctx, { kind: 'list', args }, options),
    exportProofChart: (args, options) => runExport(ctx, { kind: 'proof-chart', args }, options),
    exportProduction: (args, options) => runExport(ctx, { kind: 'production', args }, options),
    exportTrialList: (args, options) => runExport(ctx, { kind: 'trial-list', args }, options),
    exportJuryCopy: (args, options) => runExport(ctx, { kind: 'jury', args }, options),
    previewExport: (args, options) => previewExport(ctx, args, options),
  };
}
