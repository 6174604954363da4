// The exporters, one entry per kind of export, all behind the same small interface. Each kind's module is loaded
// when first asked for: a thread making stamped exhibits never loads the Word writer or the production's image code.
import type { ExportJob, ExportKind, ExportOutcome, ExportRequest, Exporter } from './export-job.ts';

const EXPORTERS: { [K in ExportKind]: () => Promise<Exporter<K>> } = {
  bundle: async () => (await import('./bundle.ts')).bundleExporter,
  stamped: async () => (await import('./stamped.ts')).stampedExporter,
  list: async () => (await import('./exhibit-list.ts')).exhibitListExporter,
  'proof-chart': async () => (await import('./proof-chart.ts')).proofChartExporter,
  production: async () => (await import('./production.ts')).productionExporter,
  'trial-list': async () => (await import('./trial-list.ts')).trialListExporter,
  jury: async () => (await import('./jury-copy.ts')).juryCopyExporter,
};

/** Loads the exporter of a kind ahead of its run (a thread started warm for an export of that kind). */
export async function loadExporter<K extends ExportKind>(kind: K): Promise<Exporter<K>> {
  return (EXPORTERS[kind] as () => Promise<Exporter<K>>)();
}

export async function runExporter(job: ExportJob, request: ExportRequest): Promise<ExportOutcome> {
  return ((await loadExporter(request.kind)) as Exporter<ExportKind>).run(job, request.args);
}
