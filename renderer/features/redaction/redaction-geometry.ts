// Converts between a redaction's rectangles (fractions of the page as shown upright, from its top-left corner) and
// boxes on the screen, where the viewer may have turned the upright page further by a quarter turn or more.
import type { PageViewport } from 'pdfjs-dist/build/pdf.mjs';
import type { Rect } from '../../../shared/model.ts';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** A page as drawn: its size on screen in CSS pixels, and how far (clockwise) it is turned from upright. */
export interface PageFrame {
  width: number;
  height: number;
  rotation: QuarterTurn;
}

/** CSS pixels from the top-left corner of the page as drawn. */
export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp01 = (n: number) => Math.max(0, Math.min(1, n));
const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function quarterTurn(degrees: number): QuarterTurn {
  return ((((Math.round(degrees / 90) * 90) % 360) + 360) % 360) as QuarterTurn;
}

/**
 * The frame of a PDF page drawn with `viewport`: pdf.js's viewport rotation includes the page's own /Rotate, which
 * the upright page already has, so only what the viewer adds on top of it turns the fractions.
 */
export function pdfFrame(viewport: PageViewport, pageRotate: number): PageFrame {
  return { width: viewport.width, height: viewport.height, rotation: quarterTurn(viewport.rotation - pageRotate) };
}

/** A point of the upright page (fractions) to the drawn page (fractions), turned clockwise by `r`. */
function turn([u, v]: [number, number], r: QuarterTurn): [number, number] {
  switch (r) {
    case 0:
      return [u, v];
    case 90:
      return [1 - v, u];
    case 180:
      return [1 - u, 1 - v];
    case 270:
      return [v, 1 - u];
  }
}

function unturn([s, t]: [number, number], r: QuarterTurn): [number, number] {
  switch (r) {
    case 0:
      return [s, t];
    case 90:
      return [t, 1 - s];
    case 180:
      return [1 - s, 1 - t];
    case 270:
      return [1 - t, s];
  }
}

/** Where a redaction's rectangle falls on the page as drawn now. */
export function fractionToScreen(rect: Rect, frame: PageFrame): ScreenBox {
  const [x1, y1] = turn([rect.x, rect.y], frame.rotation);
  const [x2, y2] = turn([rect.x + rect.width, rect.y + rect.height], frame.rotation);
  return {
    left: Math.min(x1, x2) * frame.width,
    top: Math.min(y1, y2) * frame.height,
    width: Math.abs(x2 - x1) * frame.width,
    height: Math.abs(y2 - y1) * frame.height,
  };
}

/** A box drawn on the page as shown, as a redaction's rectangle; what falls outside the page is cut off. */
export function screenToFraction(box: ScreenBox, frame: PageFrame): Rect {
  const s1 = clamp01(box.left / frame.width);
  const t1 = clamp01(box.top / frame.height);
  const s2 = clamp01((box.left + box.width) / frame.width);
  const t2 = clamp01((box.top + box.height) / frame.height);
  const [u1, v1] = unturn([s1, t1], frame.rotation);
  const [u2, v2] = unturn([s2, t2], frame.rotation);
  return {
    x: round(Math.min(u1, u2)),
    y: round(Math.min(v1, v2)),
    width: round(Math.abs(u2 - u1)),
    height: round(Math.abs(v2 - v1)),
  };
}

/** The box between two points of a drag, in the page's CSS pixels. */
export function dragBox(from: { x: number; y: number }, to: { x: number; y: number }): ScreenBox {
  return { left: Math.min(from.x, to.x), top: Math.min(from.y, to.y), width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y) };
}

/** The whole page, upright. */
export const WHOLE_PAGE: Rect = { x: 0, y: 0, width: 1, height: 1 };
