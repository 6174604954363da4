// Zoom levels: fit the width or the whole page to the space there is, or a fixed scale.
export type Zoom = 'fit-width' | 'fit-page' | number;

const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const MARGIN = 40;

export function scaleFor(zoom: Zoom, page: { width: number; height: number }, space: { width: number; height: number }): number {
  if (typeof zoom === 'number') return zoom;
  const byWidth = (space.width - MARGIN) / page.width;
  const scale = zoom === 'fit-width' ? byWidth : Math.min(byWidth, (space.height - MARGIN) / page.height);
  return Math.max(0.25, Math.min(4, scale));
}

export function stepZoom(current: number, by: 1 | -1): number {
  if (by > 0) return ZOOM_STEPS.find((z) => z > current + 0.01) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.01) ?? ZOOM_STEPS[0]!;
}
