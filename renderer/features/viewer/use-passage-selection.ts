// The passage the user has selected in the page's text layer, as a quote and rectangles on the page.
import type { PageViewport } from 'pdfjs-dist/build/pdf.mjs';
import { useEffect, useState, type RefObject } from 'react';
import type { Rect } from '../../../shared/model.ts';
import { selectionRects } from './page-geometry.ts';

export interface Passage {
  page: number;
  quote: string;
  rects: Rect[];
}

export function usePassageSelection(pageRef: RefObject<HTMLDivElement | null>, viewport: PageViewport | null, page: number): Passage | null {
  const [passage, setPassage] = useState<Passage | null>(null);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      const selection = document.getSelection();
      const element = pageRef.current;
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !element || !viewport) return setPassage(null);
      const range = selection.getRangeAt(0);
      if (!element.contains(range.commonAncestorContainer)) return setPassage(null);
      const quote = selection.toString().replace(/\s+/g, ' ').trim();
      const rects = selectionRects(range, element, viewport);
      setPassage(quote && rects.length > 0 ? { page, quote: quote.slice(0, 20_000), rects } : null);
    };
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(read);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [pageRef, viewport, page]);
  return passage;
}
