// Find in document: every match of what the user typed, page by page, and which one is current.
import type { PDFDocumentProxy } from 'pdfjs-dist/build/pdf.mjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, joinRuns, termsPattern } from './text-marks.ts';

export interface Match {
  page: number;
  /** Which match on its page. */
  index: number;
}

export interface Find {
  query: string;
  setQuery: (q: string) => void;
  pattern: RegExp | null;
  matches: Match[] | null; // null while pages are still being read
  current: number;
  step: (by: 1 | -1) => void;
}

export function useFind(doc: PDFDocumentProxy | null, page: number, goTo: (page: number) => void): Find {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Match[] | null>([]);
  const [current, setCurrent] = useState(-1);
  const texts = useRef(new Map<number, string>());
  const pattern = useMemo(() => termsPattern(query.trim() ? [query] : []), [query]);
  const pageRef = useRef(page);
  pageRef.current = page;

  useEffect(() => {
    texts.current = new Map();
  }, [doc]);

  useEffect(() => {
    if (!doc || !pattern) {
      setMatches([]);
      setCurrent(-1);
      return;
    }
    let live = true;
    setMatches(null);
    (async () => {
      const found: Match[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        let text = texts.current.get(n);
        if (text === undefined) {
          const content = await (await doc.getPage(n)).getTextContent();
          text = joinRuns(content.items.flatMap((item) => ('str' in item ? [{ str: item.str, hasEOL: item.hasEOL }] : []))).text;
          texts.current.set(n, text);
        }
        if (!live) return;
        findAll(text, pattern).forEach((_, index) => found.push({ page: n, index }));
      }
      setMatches(found);
      const next = found.findIndex((m) => m.page >= pageRef.current);
      const first = next >= 0 ? next : found.length > 0 ? 0 : -1;
      setCurrent(first);
      if (first >= 0) goTo(found[first]!.page);
    })().catch(() => {
      // The document was closed (its tab closed) while its pages were being read.
    });
    return () => {
      live = false;
    };
  }, [doc, pattern, goTo]);

  const step = (by: 1 | -1) => {
    if (!matches || matches.length === 0) return;
    const next = (current + by + matches.length) % matches.length;
    setCurrent(next);
    goTo(matches[next]!.page);
  };

  return { query, setQuery, pattern, matches, current, step };
}
