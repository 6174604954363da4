// Converts between what the screen shows and where a passage is on the page. Highlights are stored in PDF points
// from the top-left corner of the unrotated page, so they stay put at any zoom or rotation.
import type { PageViewport } from 'pdfjs-dist/build/pdf.mjs';
import type { Rect } from '../../../shared/model.ts';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The boxes of a selection on one page, one per line, in that page's coordinates. */
export function selectionRects(range: Range, pageElement: HTMLElement, viewport: PageViewport): Rect[] {
  const page = pageElement.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const r of Array.from(range.getClientRects())) {
    const box = {
      left: Math.max(r.left, page.left) - page.left,
      top: Math.max(r.top, page.top) - page.top,
      right: Math.min(r.right, page.right) - page.left,
      bottom: Math.min(r.bottom, page.bottom) - page.top,
    };
    if (box.right - box.left >= 1 && box.bottom - box.top >= 1) boxes.push(box);
  }
  return mergeLines(boxes).slice(0, 500).map((b) => toPdfRect(b, viewport));
}

/** Joins the boxes that share a line, as the browser reports one box per text run. */
function mergeLines(boxes: Box[]): Box[] {
  const lines: Box[] = [];
  for (const b of [...boxes].sort((x, y) => x.top - y.top || x.left - y.left)) {
    const line = lines.find((l) => {
      const overlap = Math.min(l.bottom, b.bottom) - Math.max(l.top, b.top);
      return overlap > 0.5 * Math.min(l.bottom - l.top, b.bottom - b.top);
    });
    if (line) {
      line.left = Math.min(line.left, b.left);
      line.right = Math.max(line.right, b.right);
      line.top = Math.min(line.top, b.top);
      line.bottom = Math.max(line.bottom, b.bottom);
    } else {
      lines.push({ ...b });
    }
  }
  return lines;
}

function toPdfRect(b: Box, viewport: PageViewport): Rect {
  const [x1, y1] = viewport.convertToPdfPoint(b.left, b.top) as [number, number];
  const [x2, y2] = viewport.convertToPdfPoint(b.right, b.bottom) as [number, number];
  const [minX, , , maxY] = viewport.viewBox as [number, number, number, number];
  return {
    x: round(Math.min(x1, x2) - minX),
    y: round(maxY - Math.max(y1, y2)),
    width: round(Math.abs(x2 - x1)),
    height: round(Math.abs(y2 - y1)),
  };
}

/** Where a stored rectangle falls on the page as drawn now, in CSS pixels from the page's top-left corner. */
export function toScreenRect(rect: Rect, viewport: PageViewport): { left: number; top: number; width: number; height: number } {
  const [minX, , , maxY] = viewport.viewBox as [number, number, number, number];
  const x1 = minX + rect.x;
  const y2 = maxY - rect.y;
  const [a, b, c, d] = viewport.convertToViewportRectangle([x1, y2 - rect.height, x1 + rect.width, y2]) as [number, number, number, number];
  return { left: Math.min(a, c), top: Math.min(b, d), width: Math.abs(c - a), height: Math.abs(d - b) };
}
