// Messages between an export and the worker thread that builds its files.
import type { ErrorPayload } from '../../../shared/errors.ts';
import type { ImportProgress } from '../../../shared/model.ts';
import type { ExportOutcome, ExportRequest } from './export-job.ts';

export interface ExportStart {
  request: ExportRequest;
  dbFile: string;
  /** The build of SQLite's native module this process uses (the app's differs from Node's). */
  sqliteBinding: string | undefined;
  vaultRoot: string;
  folder: string;
  createdAt: string;
  /** Set for a preview (see ExportJob.previewPages). */
  previewPages?: number;
  /** Shared with the caller: set to 1 to cancel; the worker looks at it between pages. */
  cancel: Int32Array;
}

export type ExportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ExportOutcome; warnings: string[] }
  | { type: 'failed'; error: ErrorPayload };
