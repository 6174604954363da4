// A column's right edge in the grid's header: drag it, or focus it and press ← → (Shift for bigger steps); Home or a
// double-click lets the column share the room again. A focusable separator carrying the column's width, as ARIA's
// window splitter does; the width starts from what the column measures now.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { KEY_STEP, MAX_WIDTH, MIN_WIDTH } from './column-widths.ts';

interface ColumnResizerProps {
  label: string;
  onResize: (width: number | null) => void;
}

export function ColumnResizer({ label, onResize }: ColumnResizerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const [width, setWidth] = useState(0);

  // The column's width as laid out (it may be sharing the room), for the value the separator announces.
  useEffect(() => {
    const cell = ref.current?.parentElement;
    if (!cell) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(cell.getBoundingClientRect().width)));
    observer.observe(cell);
    return () => observer.disconnect();
  }, []);

  const measured = () => Math.round(ref.current?.parentElement?.getBoundingClientRect().width ?? width);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: measured() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.width + e.clientX - drag.current.x);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') onResize(measured() + (e.key === 'ArrowRight' ? step : -step));
    else if (e.key === 'Home') onResize(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label={`Width of the ${label} column`}
      aria-valuenow={width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      className="column-resizer"
      title="Drag, or press ← →, to change the width (Home: as it was)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(null)}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
