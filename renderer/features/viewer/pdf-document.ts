// Opens an original with pdf.js, from the app's own origin only: worker, character maps, fonts and wasm are
// served next to the app, and pdf.js never evaluates code from a PDF.
import type { PDFDocumentProxy } from 'pdfjs-dist/build/pdf.mjs';
import { bridge } from '../../api/api.ts';

type PdfJs = typeof import('pdfjs-dist/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is evaluated when the first PDF opens, not at start-up, so the exhibit list shows sooner. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/build/pdf.mjs').then((module) => {
    module.GlobalWorkerOptions.workerSrc = './pdf.worker.mjs';
    return module;
  });
  return pdfjs;
}

export interface LoadedPdf {
  doc: PDFDocumentProxy;
  close: () => void;
}

export async function openPdf(sha256: string, signal: AbortSignal, onProgress: (loaded: number, total: number) => void): Promise<LoadedPdf> {
  return openPdfData(await readOriginal(sha256, signal, onProgress), signal);
}

/** Opens a PDF already in memory (an original once read, an export's preview). */
export async function openPdfData(data: Uint8Array, signal: AbortSignal): Promise<LoadedPdf> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data,
    isEvalSupported: false,
    cMapUrl: './pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: './pdfjs/standard_fonts/',
    wasmUrl: './pdfjs/wasm/',
    enableXfa: false,
  });
  let locked = false;
  // The viewer never asks for a password: a protected original says so instead of waiting for one.
  task.onPassword = () => {
    locked = true;
    void task.destroy();
  };
  signal.addEventListener('abort', () => void task.destroy(), { once: true });
  const doc = await task.promise.catch((e: unknown) => {
    if (locked) throw new Error('This PDF is protected by a password, so it cannot be shown here.');
    throw e;
  });
  return { doc, close: () => void task.destroy() };
}

/** The original's bytes, reporting how much has arrived (large scans take a moment even on loopback). */
export async function readOriginal(sha256: string, signal: AbortSignal, onProgress?: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const { url, headers } = bridge.originalRequest(sha256);
  const response = await fetch(url, { signal, headers });
  if (!response.ok || !response.body) throw new Error(`The original could not be read (${response.status}).`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, total);
  }
  const data = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    data.set(chunk, at);
    at += chunk.length;
  }
  return data;
}
