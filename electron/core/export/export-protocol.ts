// What an export hands the worker thread that builds its files, and what it answers.
import type { ExportKind, ExportOutcome, ExportRequest } from './export-job.ts';

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

export interface ExportAnswer {
  outcome: ExportOutcome;
  warnings: string[];
}

/** Given to a thread started ahead of an export (workerData): load that kind's exporter and the fonts before it is ready. */
export interface ExportWarmth {
  prepare: ExportKind;
}
