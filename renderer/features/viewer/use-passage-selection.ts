// The passage the user has selected in the page's text layer (by mouse or by keyboard), as a quote and rectangles on
// the page; and the passage a range covers, for a find match made a highlight.
import type { PageViewport } from 'pdfjs-dist/build/pdf.mjs';
import { useEffect, useState, type RefObject } from 'react';
import type { Rect } from '../../../shared/model.ts';
import { selectionRects } from './page-geometry.ts';

export interface Passage {
  page: number;
  quote: string;
  rects: Rect[];
}

/** The passage `range` covers on the page, or null when it holds no words there. */
export function passageOf(range: Range, element: HTMLElement, viewport: PageViewport, page: number): Passage | null {
  if (!element.contains(range.commonAncestorContainer)) return null;
  const quote = range.toString().replace(/\s+/g, ' ').trim();
  const rects = selectionRects(range, element, viewport);
  return quote && rects.length > 0 ? { page, quote: quote.slice(0, 20_000), rects } : null;
}

export function usePassageSelection(pageRef: RefObject<HTMLDivElement | null>, viewport: PageViewport | null, page: number): Passage | null {
  const [passage, setPassage] = useState<Passage | null>(null);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      const selection = document.getSelection();
      const element = pageRef.current;
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !element || !viewport) return setPassage(null);
      setPassage(passageOf(selection.getRangeAt(0), element, viewport, page));
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
