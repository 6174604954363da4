// The fonts every export draws with (DejaVu Sans, regular and bold): read once per thread (truetype-face.ts, which
// leaves fontkit unloaded unless some text needs real shaping), embedded as subsets so that any name or title prints,
// and measured here so that layout and drawing agree to the point.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { TrueTypeFace } from './truetype-face.ts';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export type Weight = 'regular' | 'bold';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const FILES: Record<Weight, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

let loaded: Record<Weight, TrueTypeFace> | null = null;

function faces(): Record<Weight, TrueTypeFace> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const load = (file: string) => new TrueTypeFace(new Uint8Array(fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))));
    loaded = { regular: load(FILES.regular), bold: load(FILES.bold) };
  }
  return loaded;
}

/** Parses the fonts now (a thread started ahead of an export), rather than while the export waits. */
export function loadFonts(): void {
  faces();
}

/** pdf-lib asks fontkit to parse a font for every document; this answers with the faces read once. */
const parsedOnce: Fontkit = {
  create(bytes) {
    const face = Object.values(faces()).find((f) => f.bytes === bytes);
    if (!face) throw new Error('Exports embed only their own fonts.');
    return face as unknown as ReturnType<Fontkit['create']>;
  },
};

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(parsedOnce);
  const { regular, bold } = faces();
  return {
    regular: await doc.embedFont(regular.bytes, { subset: true }),
    bold: await doc.embedFont(bold.bytes, { subset: true }),
  };
}

/** Width in points, measured as pdf-lib draws it: glyph advances after shaping, without kerning. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const face = faces()[weight];
  let units = 0;
  for (const glyph of face.layout(text).glyphs) units += glyph.advanceWidth;
  return (units * size) / face.unitsPerEm;
}

/** The characters of the text that the export fonts have no glyph for (they print as empty boxes). */
export function missingCharacters(text: string): string[] {
  const face = faces().regular;
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && !face.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Text as it can be drawn on one line: tabs become spaces, other control characters go. */
export function printable(text: string): string {
  return text.replace(/\t/g, '    ').replace(/[\p{Cc}\u2028\u2029]/gu, '');
}

/**
 * The most the two fonts can take in a file whose text uses only these characters: both subsets embedded with every
 * one of them. Used to keep room for the fonts, which are written when a file is finished.
 */
export async function fontBytesFor(characters: Iterable<string>): Promise<number> {
  const { PDFDocument } = await import('@cantoo/pdf-lib');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const sample = [...new Set(characters)].filter((c) => printable(c) !== '').join(' ');
  for (const font of [fonts.regular, fonts.bold]) font.encodeText(sample);
  await doc.flush();
  return doc.context.enumerateIndirectObjects().reduce((n, [, object]) => n + object.sizeInBytes() + 24, 0);
}
