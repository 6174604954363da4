// One PDF page as pdf.js draws it: the canvas, the selectable text layer over it, the case's highlights and
// redactions, and the marks of search terms and of find-in-document matches.
import type { PageViewport, PDFPageProxy, TextLayer } from 'pdfjs-dist/build/pdf.mjs';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Annotation, Rect, Redaction } from '../../../shared/model.ts';
import { revealIn } from '../../components/reveal.ts';
import { pdfFrame } from '../redaction/redaction-geometry.ts';
import { RedactionLayer } from '../redaction/RedactionLayer.tsx';
import { toScreenRect } from './page-geometry.ts';
import { loadPdfJs } from './pdf-document.ts';
import { applyMarks, clearMarks, findAll, joinRuns, type MarkRange, type PageText, type TextRun } from './text-marks.ts';

interface Rendered {
  divs: HTMLElement[];
  runs: TextRun[];
  text: PageText;
}

interface PdfPageProps {
  page: PDFPageProxy;
  scale: number;
  termPattern: RegExp | null;
  findPattern: RegExp | null;
  /** Which find match on this page is the current one, or -1. */
  findCurrent: number;
  annotations: readonly Annotation[];
  redactions: readonly Redaction[];
  /** Redact mode with the box tool: a drag on the page draws a box. */
  drawing: boolean;
  onDrawn: (rect: Rect) => void;
  pageRef: RefObject<HTMLDivElement | null>;
  onViewport: (viewport: PageViewport) => void;
}

export function PdfPage(props: PdfPageProps) {
  const { page, scale, termPattern, findPattern, findCurrent, annotations, pageRef, onViewport } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<PageViewport>(() => page.getViewport({ scale }));
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useLayoutEffect(() => {
    const v = page.getViewport({ scale });
    setViewport(v);
    onViewport(v);
  }, [page, scale, onViewport]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const container = textRef.current;
    if (!canvas || !container) return;
    const v = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(v.width * ratio);
    canvas.height = Math.floor(v.height * ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    setRendered(null);
    setFailed(null);
    const task = page.render({
      canvas,
      canvasContext: context,
      viewport: v,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
    });
    const drawn = task.promise.then(
      () => true,
      (e: unknown) => {
        if ((e as { name?: string }).name === 'RenderingCancelledException') return false;
        throw e;
      },
    );
    let textLayer: TextLayer | null = null;
    let live = true;
    void (async () => {
      try {
        const [content, { TextLayer }] = await Promise.all([page.getTextContent(), loadPdfJs()]);
        if (!live) return;
        container.replaceChildren();
        textLayer = new TextLayer({ textContentSource: content, container, viewport: v });
        await textLayer.render();
        if (!live) return;
        const runs: TextRun[] = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, hasEOL: item.hasEOL }] : []));
        setRendered({ divs: textLayer.textDivs, runs, text: joinRuns(runs) });
        await drawn;
      } catch (e) {
        if (live && (e as { name?: string }).name !== 'AbortException') setFailed((e as Error).message);
      }
    })();
    return () => {
      live = false;
      task.cancel();
      textLayer?.cancel();
    };
  }, [page, scale]);

  useEffect(() => {
    if (!rendered) return;
    const { divs, runs, text } = rendered;
    clearMarks(divs, runs);
    const finds = findAll(text.text, findPattern);
    const ranges: MarkRange[] = [
      ...findAll(text.text, termPattern).map(([start, end]) => ({ start, end, className: 'term' })),
      ...finds.map(([start, end], i) => ({ start, end, className: i === findCurrent ? 'find current' : 'find' })),
    ];
    const firsts = applyMarks(divs, runs, text, ranges);
    const focus = textRef.current?.querySelector('mark.current') ?? (findCurrent < 0 ? firsts[0] : undefined);
    revealIn(pageRef.current?.parentElement ?? null, focus);
  }, [rendered, termPattern, findPattern, findCurrent, pageRef]);

  return (
    <div
      ref={pageRef}
      className="pdf-page"
      style={{ width: viewport.width, height: viewport.height, ['--total-scale-factor' as string]: String(viewport.scale) }}
      data-page-number={page.pageNumber}
    >
      <canvas ref={canvasRef} className="pdf-canvas" style={{ width: viewport.width, height: viewport.height }} aria-hidden="true" />
      <div className="highlight-layer" aria-hidden="true">
        {annotations.flatMap((a) =>
          a.rects.map((r, i) => {
            const box = toScreenRect(r, viewport);
            return (
              <div
                key={`${a.id}-${i}`}
                className="page-highlight"
                title={a.note ?? a.quote ?? undefined}
                style={{ left: box.left, top: box.top, width: box.width, height: box.height, background: a.color }}
              />
            );
          }),
        )}
      </div>
      <div ref={textRef} className="textLayer" />
      <RedactionLayer redactions={props.redactions} rotation={pdfFrame(viewport, page.rotate).rotation} drawing={props.drawing} onDrawn={props.onDrawn} />
      {failed && <p className="page-error">This page could not be drawn: {failed}</p>}
    </div>
  );
}
