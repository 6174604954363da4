// Messages between the import pipeline and its extraction workers.
import type { ErrorPayload } from '../../../shared/errors.ts';
import type { ExtractedDocument } from './extractor.ts';

// Larger files are kept as originals (hashed as a stream) without reading their text into memory.
export const MAX_READ_BYTES = 512 * 1024 * 1024;

export interface ExtractRequest {
  path: string;
  fileName: string;
  passwords: string[];
}

/** One file as read by a worker: its hash, what was extracted (or why not), and its attachments, recursively. */
export interface ExtractedFile {
  fileName: string;
  sha256: string;
  size: number;
  doc: Omit<ExtractedDocument, 'attachments'> | null;
  error: ErrorPayload | null;
  children: ExtractedChild[];
}

export interface ExtractedChild extends ExtractedFile {
  bytes: Uint8Array;
  inline: boolean;
}
