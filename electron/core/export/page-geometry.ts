// Where a page shows what: its visible box, its rotation, and the matrices between the page's own coordinates and
// the page as the reader sees it (upright, origin at the bottom left), in which every stamp is placed.

/** A PDF transformation matrix [a b c d e f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = [number, number, number, number, number, number];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageView {
  box: Box; // the visible area in the page's own coordinates
  rotate: 0 | 90 | 180 | 270; // clockwise, as the page is shown
  width: number; // as shown
  height: number;
  /** From the page's own coordinates to the page as shown. */
  toView: Matrix;
}

/** The matrix that applies `first`, then `second`. */
export function compose(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [A, B, C, D, E, F] = second;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

export function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

export function apply([a, b, c, d, e, f]: Matrix, x: number, y: number): [number, number] {
  return [a * x + c * y + e, b * x + d * y + f];
}

/** The smallest upright box around a box carried through a matrix. */
export function transformBox(m: Matrix, box: Box): Box {
  const corners = [apply(m, box.x0, box.y0), apply(m, box.x1, box.y0), apply(m, box.x0, box.y1), apply(m, box.x1, box.y1)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export function pageView(box: Box, rotation: number): PageView {
  const rotate = ((((Math.round(rotation / 90) * 90) % 360) + 360) % 360) as PageView['rotate'];
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const { x0, y0, x1, y1 } = box;
  const toView: Record<PageView['rotate'], Matrix> = {
    0: [1, 0, 0, 1, -x0, -y0],
    90: [0, -1, 1, 0, -y0, x1],
    180: [-1, 0, 0, -1, x1, y1],
    270: [0, 1, -1, 0, y1, -x0],
  };
  const upright = rotate % 180 === 0;
  return { box, rotate, width: upright ? w : h, height: upright ? h : w, toView: toView[rotate] };
}

/**
 * The band kept free of content at the top and bottom of a stamped page: 4.5 % of its height (half an inch on US
 * Letter), so the content is shrunk to 91 % and the stamps stay clear of the edge that printers cannot reach.
 */
export function stampBand(height: number): number {
  return Math.min(72, Math.max(16, height * 0.045));
}
