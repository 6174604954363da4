import { PDFDocument, degrees } from '@cantoo/pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { apply, compose, invert, pageView } from '../../electron/core/export/page-geometry.ts';

describe('page geometry', () => {
  it('sees a page as pdf.js shows it, whatever its rotation and crop box', async () => {
    const box = { x0: 30, y0: 50, x1: 530, y1: 750 };
    for (const rotation of [0, 90, 180, 270]) {
      const doc = await PDFDocument.create();
      const page = doc.addPage([612, 792]);
      page.setCropBox(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
      page.setRotation(degrees(rotation));
      const shown = await (await getDocument({ data: await doc.save() }).promise).getPage(1);
      const viewport = shown.getViewport({ scale: 1 });
      const view = pageView(box, rotation);
      expect([view.width, view.height]).toEqual([viewport.width, viewport.height]);
      for (const [x, y] of [[30, 50], [530, 50], [30, 750], [200, 400]] as const) {
        const [vx, vy] = apply(view.toView, x, y);
        const [px, py] = viewport.convertToViewportPoint(x, y);
        // pdf.js measures down from the top; the view, up from the bottom.
        expect([vx, view.height - vy]).toEqual([expect.closeTo(px!, 6), expect.closeTo(py!, 6)]);
      }
    }
  });

  it('composes and inverts matrices', () => {
    const m = compose([0, -1, 1, 0, 10, 20], [2, 0, 0, 2, 5, 5]);
    expect(apply(m, 3, 4)).toEqual([2 * (4 + 10) + 5, 2 * (-3 + 20) + 5]);
    const back = apply(invert(m), ...apply(m, 3, 4));
    expect(back.map((n) => Math.round(n * 1e9) / 1e9)).toEqual([3, 4]);
  });
});
