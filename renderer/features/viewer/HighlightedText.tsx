// Plain text with the search terms marked, the first mark scrolled into view.
import { useEffect, useMemo, useRef } from 'react';
import { revealIn } from '../../components/reveal.ts';
import { findAll, termsPattern } from './text-marks.ts';

export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const parts = useMemo(() => {
    const ranges = findAll(text, termsPattern(terms));
    const out: { text: string; marked: boolean }[] = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) out.push({ text: text.slice(at, start), marked: false });
      out.push({ text: text.slice(start, end), marked: true });
      at = end;
    }
    if (at < text.length) out.push({ text: text.slice(at), marked: false });
    return out;
  }, [text, terms]);

  useEffect(() => {
    revealIn(ref.current?.closest('.paper-scroller') ?? null, ref.current?.querySelector('mark'));
  }, [parts]);

  return (
    <div ref={ref} className="document-text">
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </div>
  );
}
