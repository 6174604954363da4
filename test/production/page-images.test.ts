// Which produced pages are in colour (and so written as JPEG): judged between the stamp bands, above a sliver of the page.
import { describe, expect, it } from 'vitest';
import { isColourPage, withJfifDensity } from '../../electron/core/export/production-images.ts';
import type { RenderedPage } from '../../electron/core/import/formats/pdfium-document.ts';

const W = 425; // Letter at 50 dpi: bands of 25 pixels
const H = 550;

function page(paint: (x: number, y: number) => [number, number, number] | null): RenderedPage {
  const rgba = new Uint8Array(W * H * 4).fill(255);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const c = paint(x, y);
    if (c) rgba.set([...c, 255], (y * W + x) * 4);
  }
  return { width: W, height: H, rgba, widthPt: 612, heightPt: 792 };
}

const box = (x0: number, y0: number, size: number, c: [number, number, number]) => (x: number, y: number) =>
  x >= x0 && x < x0 + size && y >= y0 && y < y0 + size ? c : null;

describe('isColourPage', () => {
  it('calls a page colour for a red stamp a third of an inch wide, not for black text, grey, yellowed paper or a red legend in the band', () => {
    expect(isColourPage(page(box(100, 100, 18, [200, 20, 20])))).toBe(true);
    expect(isColourPage(page(box(100, 100, 8, [200, 20, 20])))).toBe(false);
    expect(isColourPage(page((x, y) => (y % 12 < 3 && x > 40 && x < 380 ? [0, 0, 0] : null)))).toBe(false);
    expect(isColourPage(page(() => [250, 244, 222]))).toBe(false);
    expect(isColourPage(page(() => [128, 128, 128]))).toBe(false);
    // The confidentiality legend: dark red across the top band only.
    expect(isColourPage(page((x, y) => (y < 20 && x > 50 && x < 375 ? [153, 0, 0] : null)))).toBe(false);
    expect(isColourPage(page((x, y) => (y > 200 && y < 300 && x > 50 && x < 375 ? [40, 60, 200] : null)))).toBe(true);
  });
});

describe('withJfifDensity', () => {
  it('sets the JFIF resolution in dots per inch, adding the header where there is none', () => {
    const jfif = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
    expect([...withJfifDensity(jfif, 300).subarray(13, 18)]).toEqual([1, 1, 44, 1, 44]);
    const bare = withJfifDensity(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 2, 0xff, 0xd9]), 200);
    expect([...bare.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect([...bare.subarray(13, 18)]).toEqual([1, 0, 200, 0, 200]);
    expect([...bare.subarray(20)]).toEqual([0xff, 0xdb, 0, 2, 0xff, 0xd9]);
  });
});
