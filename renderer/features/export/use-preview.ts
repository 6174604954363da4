// The preview beside the Export form: remade a moment after the settings stop changing (the previous request
// cancelled, its pages kept on show until the new ones arrive), and opened with pdf.js for the pages to be drawn.
import type { PDFDocumentProxy } from 'pdfjs-dist/build/pdf.mjs';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/api.ts';
import { openPdfData } from '../viewer/pdf-document.ts';
import type { ExportRequest } from './export-form.ts';

export interface PreviewPages {
  doc: PDFDocumentProxy;
  fileName: string;
  warnings: string[];
}

export interface PreviewState {
  shown: PreviewPages | null;
  /** A newer preview is being made: what is shown is out of date. */
  busy: boolean;
  error: string | null;
}

const SETTLE_MS = 350;
const PAGES = 8;

export function usePreview(request: ExportRequest | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ shown: null, busy: false, error: null });
  const shownDoc = useRef<PDFDocumentProxy | null>(null);
  // The request is compared by value: the form makes a new object on every render.
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (key === null) {
      setState((s) => ({ ...s, busy: false, error: null }));
      return;
    }
    setState((s) => ({ ...s, busy: true }));
    const wanted = JSON.parse(key) as ExportRequest;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .previewExport({ ...wanted, pages: PAGES }, { signal: controller.signal })
        .then(async (result) => {
          const bytes = Uint8Array.from(atob(result.pdf), (c) => c.charCodeAt(0));
          // Opened apart from this request's signal: once shown, the document lives until a newer one replaces it.
          const { doc } = await openPdfData(bytes, new AbortController().signal);
          if (controller.signal.aborted) return void doc.destroy();
          void shownDoc.current?.destroy();
          shownDoc.current = doc;
          setState({ shown: { doc, fileName: result.fileName, warnings: result.warnings }, busy: false, error: null });
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, busy: false, error: (e as Error).message }));
        });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  // The last document shown is released with the dialog.
  useEffect(() => () => void shownDoc.current?.destroy(), []);

  return state;
}
