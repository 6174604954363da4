// The redactions of one page drawn over it (accepted ones dark, proposals hatched), and in redact mode the surface a
// box is drawn on with the mouse. Boxes are placed in percentages of the page, so they follow any zoom by themselves.
import { useRef, useState, type PointerEvent } from 'react';
import type { Rect, Redaction } from '../../../shared/model.ts';
import { dragBox, fractionToScreen, screenToFraction, type QuarterTurn, type ScreenBox } from './redaction-geometry.ts';

interface RedactionLayerProps {
  redactions: readonly Redaction[];
  /** How far the viewer turns the upright page. */
  rotation: QuarterTurn;
  /** Redact mode: a drag draws a box. */
  drawing: boolean;
  onDrawn: (rect: Rect) => void;
}

/** Smaller than this (in CSS pixels) is a click, not a box. */
const MIN_BOX = 4;

export function RedactionLayer({ redactions, rotation, drawing, onDrawn }: RedactionLayerProps) {
  const layer = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: { x: number; y: number }; to: { x: number; y: number } } | null>(null);
  const unit = { width: 100, height: 100, rotation };

  const at = (e: PointerEvent) => {
    const r = layer.current!.getBoundingClientRect();
    return { x: Math.max(0, Math.min(r.width, e.clientX - r.left)), y: Math.max(0, Math.min(r.height, e.clientY - r.top)) };
  };

  function finish(e: PointerEvent) {
    if (!drag) return;
    const box = dragBox(drag.from, at(e));
    setDrag(null);
    const r = layer.current!.getBoundingClientRect();
    if (box.width >= MIN_BOX && box.height >= MIN_BOX) onDrawn(screenToFraction(box, { width: r.width, height: r.height, rotation }));
  }

  const live: ScreenBox | null = drag ? dragBox(drag.from, drag.to) : null;
  return (
    <div
      ref={layer}
      className={drawing ? 'redaction-layer drawing' : 'redaction-layer'}
      role="group"
      aria-label="Redactions on this page"
      onPointerDown={(e) => {
        if (!drawing || e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        const p = at(e);
        setDrag({ from: p, to: p });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, to: at(e) })}
      onPointerUp={finish}
      onPointerCancel={() => setDrag(null)}
    >
      {redactions.flatMap((r) =>
        r.rects.map((rect, i) => {
          const box = fractionToScreen(rect, unit);
          const what = `${r.status === 'proposed' ? 'Proposed redaction' : 'Redaction'}: ${r.reason}${r.label ? ` (“${r.label}”)` : ''}`;
          return (
            <div
              key={`${r.id}-${i}`}
              className={`redaction-box ${r.status}`}
              role="img"
              aria-label={what}
              title={r.text ? `${what} — ${r.text}` : what}
              style={{ left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` }}
            />
          );
        }),
      )}
      {live && (
        <div
          className="redaction-box drawing-box"
          aria-hidden="true"
          style={{ left: live.left, top: live.top, width: live.width, height: live.height }}
        />
      )}
    </div>
  );
}
