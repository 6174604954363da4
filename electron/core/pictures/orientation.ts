// Turning stored pixels upright: EXIF/TIFF orientations 1–8 as canvas transforms, and the upright size they give.

/** Canvas matrix [a b c d e f] ((x, y) → (a·x + c·y + e, b·x + d·y + f)) from the stored picture's unit square to the
 * upright picture's, y pointing down; e.g. 6 (turn 90° clockwise) carries the stored top left to the upright top right. */
const UNIT: Record<number, [number, number, number, number, number, number]> = {
  1: [1, 0, 0, 1, 0, 0],
  2: [-1, 0, 0, 1, 1, 0],
  3: [-1, 0, 0, -1, 1, 1],
  4: [1, 0, 0, -1, 0, 1],
  5: [0, 1, 1, 0, 0, 0],
  6: [0, 1, -1, 0, 1, 0],
  7: [0, -1, -1, 0, 1, 1],
  8: [0, -1, 1, 0, 0, 1],
};

export function validOrientation(value: number | null | undefined): number {
  return value !== null && value !== undefined && UNIT[value] ? value : 1;
}

/** Orientations 5–8 swap width and height. */
export function turnsSideways(orientation: number): boolean {
  return validOrientation(orientation) >= 5;
}

/** The canvas transform that draws a stored w × h picture upright into a W × H target. */
export function uprightTransform(
  orientation: number,
  stored: { width: number; height: number },
  target: { width: number; height: number },
): [number, number, number, number, number, number] {
  const [a, b, c, d, e, f] = UNIT[validOrientation(orientation)]!;
  const [w, h, W, H] = [stored.width, stored.height, target.width, target.height];
  return [(a * W) / w, (b * H) / w, (c * W) / h, (d * H) / h, e * W, f * H];
}
