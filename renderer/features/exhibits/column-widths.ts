// The grid's column widths: each column shares the room by default (so the grid fits a 1280-pixel laptop with both
// side panels open); a column dragged or stepped with the arrow keys on its edge keeps the width it was given. Widths
// are kept in this browser (localStorage) across cases, since they suit a screen and a person rather than a case.
import { useCallback, useState } from 'react';
import { COLUMNS, type ColumnId } from './columns.ts';

export type ColumnWidths = Partial<Record<ColumnId, number>>;

const STORAGE_KEY = 'exhibit-desk.grid-columns';
/** How each column shares the room until it is given a width: at least `min` pixels, at most `max` (a share of the rest). */
const FLEXIBLE: Record<ColumnId, { min: number; max: string }> = {
  number: { min: 84, max: '112px' },
  date: { min: 104, max: '104px' },
  title: { min: 180, max: '3fr' },
  kind: { min: 92, max: '92px' },
  tags: { min: 100, max: '1.1fr' },
  description: { min: 90, max: '1.5fr' },
};
export const MIN_WIDTH = 56;
export const MAX_WIDTH = 900;
/** The checkbox column's width. */
export const SELECT_WIDTH = 36;
/** How far one arrow key press moves a column's edge (Shift: four times as far). */
export const KEY_STEP = 16;

function stored(): ColumnWidths {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<string, unknown>>;
    const widths: ColumnWidths = {};
    for (const { id } of COLUMNS) {
      const w = saved[id];
      if (typeof w === 'number' && Number.isFinite(w)) widths[id] = clampWidth(w);
    }
    return widths;
  } catch {
    return {};
  }
}

export function clampWidth(w: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
}

/** The CSS grid columns: the checkbox, then each column at the width it was given, or sharing the room. */
export function gridTemplate(widths: ColumnWidths): string {
  const track = (id: ColumnId) => (widths[id] === undefined ? `minmax(${FLEXIBLE[id].min}px, ${FLEXIBLE[id].max})` : `${widths[id]}px`);
  return [`${SELECT_WIDTH}px`, ...COLUMNS.map((c) => track(c.id))].join(' ');
}

/** The least width of a whole row (each column's width, or its least while it shares the room): past it the grid scrolls sideways. */
export function rowWidth(widths: ColumnWidths): number {
  return SELECT_WIDTH + COLUMNS.reduce((sum, c) => sum + (widths[c.id] ?? FLEXIBLE[c.id].min), 0);
}

export function useColumnWidths() {
  const [widths, setWidths] = useState<ColumnWidths>(stored);
  /** Gives a column its width, or (null) lets it share the room again. */
  const resize = useCallback((id: ColumnId, width: number | null) => {
    setWidths((prev) => {
      const next = { ...prev };
      if (width === null) delete next[id];
      else next[id] = clampWidth(width);
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // A browser that keeps nothing keeps the widths for this session only.
      }
      return next;
    });
  }, []);
  return { widths, resize };
}
