// The exporters, one entry per kind of export, all behind the same small interface.
import { bundleExporter } from './bundle.ts';
import { exhibitListExporter } from './exhibit-list.ts';
import type { ExportJob, ExportKind, ExportOutcome, ExportRequest, Exporter } from './export-job.ts';
import { productionExporter } from './production.ts';
import { proofChartExporter } from './proof-chart.ts';
import { stampedExporter } from './stamped.ts';

const EXPORTERS: { [K in ExportKind]: Exporter<K> } = {
  bundle: bundleExporter,
  stamped: stampedExporter,
  list: exhibitListExporter,
  'proof-chart': proofChartExporter,
  production: productionExporter,
};

export function runExporter(job: ExportJob, request: ExportRequest): Promise<ExportOutcome> {
  return (EXPORTERS[request.kind] as Exporter<ExportKind>).run(job, request.args);
}
