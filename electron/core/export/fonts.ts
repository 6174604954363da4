// The fonts every export draws with (DejaVu Sans, regular and bold): read once per thread, embedded as subsets so
// that any name or title prints, and measured here so that layout and drawing agree to the point.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Face = ReturnType<typeof fontkit.create>;

export type Weight = 'regular' | 'bold';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const FILES: Record<Weight, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

let loaded: Record<Weight, { bytes: Uint8Array; face: Face }> | null = null;

function faces() {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const load = (file: string) => {
      const bytes = new Uint8Array(fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
      return { bytes, face: fontkit.create(bytes) };
    };
    loaded = { regular: load(FILES.regular), bold: load(FILES.bold) };
  }
  return loaded;
}

/**
 * pdf-lib asks fontkit to parse a font for every document; this answers with the faces parsed once. Their subsets
 * are handed over without `encode`, which in @pdf-lib/fontkit needs a stream argument that @cantoo/pdf-lib does not
 * pass (saving a subset font would throw); pdf-lib then uses `encodeStream`, which works.
 */
const parsedOnce: Fontkit = {
  create(bytes) {
    const known = Object.values(faces()).find((f) => f.bytes === bytes);
    if (!known) throw new Error('Exports embed only their own fonts.');
    const { face } = known;
    return Object.create(face, {
      createSubset: {
        value: () => {
          const subset = face.createSubset();
          return { includeGlyph: (g: never) => subset.includeGlyph(g), encodeStream: () => subset.encodeStream() };
        },
      },
    });
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
  const { face } = faces()[weight];
  let units = 0;
  for (const glyph of face.layout(text).glyphs) units += glyph.advanceWidth;
  return (units * size) / face.unitsPerEm;
}

/** The characters of the text that the export fonts have no glyph for (they print as empty boxes). */
export function missingCharacters(text: string): string[] {
  const { face } = faces().regular;
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
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const sample = [...new Set(characters)].filter((c) => printable(c) !== '').join(' ');
  for (const font of [fonts.regular, fonts.bold]) font.encodeText(sample);
  await doc.flush();
  return doc.context.enumerateIndirectObjects().reduce((n, [, object]) => n + object.sizeInBytes() + 24, 0);
}
