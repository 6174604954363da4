// The sample documents' typefaces: DejaVu, read once, embedded as subsets; and their outlines, for text without text.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const FACES = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  condensed: 'DejaVuSerifCondensed.ttf',
  condensedBold: 'DejaVuSerifCondensed-Bold.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
} as const;

export type Face = keyof typeof FACES;
export type Fonts = Record<Face, PDFFont>;

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const files = new Map<Face, Uint8Array>();
const parsed = new WeakMap<Uint8Array, fontkit.Font>();
const faceOf = new WeakMap<PDFFont, Face>();
const wordWidths = new Map<Face, Map<string, number>>();

function fontFile(face: Face): Uint8Array {
  let bytes = files.get(face);
  if (!bytes) {
    bytes = new Uint8Array(fs.readFileSync(path.join(fontDir, FACES[face])));
    files.set(face, bytes);
  }
  return bytes;
}

/**
 * fontkit for pdf-lib, parsing each typeface once. @cantoo/pdf-lib prefers a subset's `encode()` returning bytes,
 * but @pdf-lib/fontkit's `encode(stream)` writes to a stream it must be given; hiding it makes pdf-lib use
 * `encodeStream()`, which works.
 */
const subsettingFontkit: Fontkit = {
  create(bytes) {
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () =>
        new Proxy(createSubset(), {
          get: (subset, key) => {
            if (key === 'encode') return undefined;
            const value: unknown = Reflect.get(subset, key);
            return typeof value === 'function' ? value.bind(subset) : value;
          },
        });
      parsed.set(bytes, font);
    }
    return font as unknown as ReturnType<Fontkit['create']>;
  },
};

/**
 * Embeds the faces a document uses, each as a subset of the glyphs it draws. A face embedded but not used would still
 * be written, at a cost in size and time, so a renderer names only its own.
 */
export async function embedFonts<F extends Face>(doc: PDFDocument, faces: readonly F[]): Promise<Pick<Fonts, F>> {
  doc.registerFontkit(subsettingFontkit);
  const entries = await Promise.all(
    faces.map(async (face) => {
      const font = await doc.embedFont(fontFile(face), { subset: true });
      faceOf.set(font, face);
      return [face, font] as const;
    }),
  );
  return Object.fromEntries(entries) as Pick<Fonts, F>;
}

function fontkitFace(face: Face): fontkit.Font {
  return subsettingFontkit.create(fontFile(face)) as unknown as fontkit.Font;
}

/**
 * The width of text at a size, as pdf-lib draws it (the glyphs' advances, no kerning), from word widths cached per
 * face across documents: measuring through pdf-lib lays the text out afresh each time, and wrapping every paragraph
 * word by word that way took seconds.
 */
export function textWidth(text: string, font: PDFFont, size: number): number {
  const face = faceOf.get(font);
  if (face === undefined) throw new Error(`${font.name} was not embedded by embedFonts.`);
  let widths = wordWidths.get(face);
  if (!widths) wordWidths.set(face, (widths = new Map()));
  let total = 0;
  for (const word of text.split(/( )/)) {
    let width = widths.get(word);
    if (width === undefined) {
      const shape = fontkitFace(face);
      width = shape.layout(word).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / shape.unitsPerEm;
      widths.set(word, width);
    }
    total += width;
  }
  return total * size;
}

/**
 * Text as filled outlines, as an SVG path with y pointing down and the baseline at 0: it shows on the page like
 * text but has no text layer, as on a scanned page.
 */
export function textOutline(text: string, face: Face, size: number): { path: string; width: number } {
  const font = fontkitFace(face);
  const scale = size / font.unitsPerEm;
  const run = font.layout(text);
  let pen = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const outline = (glyph.path as unknown as ScalablePath).scale(scale, -scale).translate(pen, 0).toSVG();
    if (outline) parts.push(outline);
    pen += run.positions[i]!.xAdvance * scale;
  });
  return { path: parts.join(' '), width: pen };
}

/** The transforms fontkit's paths have, which its type declarations leave out. */
interface ScalablePath {
  scale(x: number, y: number): ScalablePath;
  translate(x: number, y: number): ScalablePath;
  toSVG(): string;
}
