// The narrow interface every exporter (bundle, stamped exhibits, exhibit list, proof chart) implements, and what the
// host hands each run: the case (read-only), the folder to fill, the time, and hooks for warnings, progress and cancel.
import type { EXPORT_METHODS, ExportKindName, ParsedArgsOf } from '../../../shared/api.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { BatesRange } from './bates.ts';
import type { FilingOutcome } from '../numbers/filings.ts';

export type ExportKind = ExportKindName;
export type ExportArgs<K extends ExportKind> = ParsedArgsOf<(typeof EXPORT_METHODS)[K]>;

export type ExportRequest = { [K in ExportKind]: { kind: K; args: ExportArgs<K> } }[ExportKind];

export interface ExportJob {
  ctx: CaseContext;
  /** The folder being filled; it becomes the export's folder only once everything in it is complete. */
  folder: string;
  createdAt: string; // ISO 8601
  warn(message: string): void;
  progress(done: number, total: number, current: string | null): void;
  /** Set for a preview: draw about this many pages of exhibits, then finish (the front matter stays whole). */
  previewPages?: number;
  /** Throws a UserError('cancelled') once the user has cancelled. */
  checkCancelled(): void;
}

export interface WrittenFile {
  name: string; // within the export folder
  sha256: string;
  bytes: number;
  pages: number | null;
  exhibits: string[]; // exhibit numbers of the families it holds
}

/** An original that an exported file reproduces, and the Bates numbers of its pages there. */
export interface ExportedOriginal {
  exhibitId: number;
  exhibitNo: string;
  sourceName: string;
  sha256: string;
  bates: { first: string; last: string };
}

export interface ExportedExhibit {
  exhibitId: number;
  exhibitNo: string;
  title: string;
  bates: { first: string; last: string } | null;
  pages: number | null;
  files: string[];
  bundlePage?: number;
  originals: ExportedOriginal[];
}

/** A family's Bates numbers as the audit log keeps them, for exhibit lists and proof charts made later. */
export interface BatesAssignment extends BatesRange {
  members: BatesRange[];
}

export interface ExportOutcome {
  files: WrittenFile[];
  exhibits: ExportedExhibit[];
  bates: BatesAssignment[] | null;
  settings: Record<string, unknown>;
  /** For a bundle or stamped export made for a filing: the labels it gave and what it cited, to be recorded. */
  filing?: FilingOutcome | null;
}

export interface Exporter<K extends ExportKind> {
  kind: K;
  run(job: ExportJob, args: ExportArgs<K>): Promise<ExportOutcome>;
}
