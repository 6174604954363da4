// Messages between an OCR run and its worker threads (each renders pages and hosts one Tesseract recognizer).
import type { ErrorPayload } from '../../../shared/errors.ts';
import type { PageReading } from './recognizer.ts';

export interface OcrRequest {
  id: number;
  /** The original's file in the vault. */
  file: string;
  page: number;
  passwords: string[];
}

/** First message of a worker: its recognizer is loaded (or could not be), so page time limits may start. */
export type OcrReady = { type: 'ready' } | { type: 'unavailable'; error: ErrorPayload };

export type OcrResponse = { id: number; ok: true; reading: PageReading } | { id: number; ok: false; error: ErrorPayload };
