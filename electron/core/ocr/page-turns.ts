// Turning a rendered page before OCR: a scan whose text was baked in at 90, 180 or 270° (the page has no /Rotate to say
// so) is read turned upright, and the words' boxes are turned back onto the page as it is shown.
import { createCanvas, Image } from '@napi-rs/canvas';

/** Degrees clockwise the rendered page is turned so that its text reads upright. */
export type Turn = 0 | 90 | 180 | 270;
export const TURNS: readonly Turn[] = [0, 90, 180, 270];

export function pictureOf(png: Buffer): Promise<Image> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = (e) => reject(e instanceof Error ? e : new Error('the page image could not be decoded'));
    image.src = png;
  });
}

/** The picture turned clockwise by `turn` and scaled by `scale`, as a PNG. */
export async function turned(picture: Image, turn: Turn, scale = 1): Promise<Buffer> {
  const width = Math.max(1, Math.round(picture.width * scale));
  const height = Math.max(1, Math.round(picture.height * scale));
  const sideways = turn === 90 || turn === 270;
  const canvas = createCanvas(sideways ? height : width, sideways ? width : height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.translate(canvas.width / 2, canvas.height / 2);
  g.rotate((turn * Math.PI) / 180);
  g.drawImage(picture, -width / 2, -height / 2, width, height);
  return canvas.encode('png');
}

/**
 * A box [x0, y0, x1, y1] in fractions of the turned picture, as fractions of the picture before it was turned. Turning
 * clockwise by 90° takes a point (u, v) to (1 − v, u); so a point (u', v') of the turned picture came from (v', 1 − u').
 */
export function turnBox(box: [number, number, number, number], turn: Turn): [number, number, number, number] {
  const back = ([u, v]: [number, number]): [number, number] => {
    if (turn === 90) return [v, 1 - u];
    if (turn === 180) return [1 - u, 1 - v];
    if (turn === 270) return [1 - v, u];
    return [u, v];
  };
  const [a, b] = back([box[0], box[1]]);
  const [c, d] = back([box[2], box[3]]);
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}
