// A production volume: DATA/VOL.dat and VOL.opt, IMAGES/, TEXT/ and NATIVES/, Bates per prefix.
import { UserError } from '../../../shared/errors.ts';
import type { Exporter } from './export-job.ts';

export const productionExporter: Exporter<'production'> = {
  kind: 'production',
  run() {
    throw new UserError('unsupported_format', 'Producing a volume is not available yet.');
  },
};
