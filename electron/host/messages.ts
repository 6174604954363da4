// The messages between a case host and the process that started it: contract calls and their answers, progress,
// cancellation, and the host's own three calls (open a case, find an original, close). Plain data only, since they
// cross a process boundary by structured clone (Electron's utility-process port, or Node's IPC channel in 'advanced'
// serialization, which clones the same way).
import type { Result } from '../../shared/errors.ts';
import type { ImportProgress } from '../../shared/model.ts';
import type { OriginalFile } from '../core/api.ts';

/** Which case the host opens: one folder (created when asked), or at start-up the first recent case, else the sample. */
export type OpenRequest =
  | { dir: string; create?: { title: string } }
  | { recent: string[]; sample: { dir: string; resources?: string } };

export interface OpenedCase {
  dir: string;
  title: string;
  /** Set when the case's database is damaged: it is open read-only, and this says why. */
  readOnly: { reason: string } | null;
}

/**
 * The host's own calls, which only the process that started it makes (a window's calls are checked against the
 * contract first): their names hold a dot, so they can never be taken for a contract method.
 */
export interface HostCalls {
  'host.open': { args: OpenRequest; result: OpenedCase };
  'host.original': { args: { sha256: string }; result: OriginalFile | null };
  'host.close': { args: Record<string, never>; result: null };
}

/** A call (a contract method or a host call), or the cancellation of a call still running. */
export type ToHost = { id: number; method: string; args: unknown } | { id: number; cancel: true };

/** The answer to a call (sent once), or a progress report of a long call (sent any number of times before it). */
export type FromHost = ({ id: number } & Result<unknown>) | { id: number; progress: ImportProgress };
