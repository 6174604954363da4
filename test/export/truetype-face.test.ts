// The export fonts read without fontkit (truetype-face.ts) must draw exactly what fontkit would: the same glyphs and
// advances for the characters it lays out itself, the same font metrics, and subsets whose glyphs (composite ones
// with their parts) are the original outlines — checked against fontkit on DejaVu Sans, regular and bold.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { TrueTypeFace, isPlain } from '../../electron/core/export/truetype-face.ts';
import { seededRandom } from '../../electron/core/seeded-random.ts';

const require = createRequire(import.meta.url);
const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const PLAIN = Array.from({ length: 0x2200 }, (_, cp) => cp).filter(isPlain).map((cp) => String.fromCodePoint(cp));

describe.each(FILES)('%s read without fontkit', (file) => {
  const bytes = new Uint8Array(fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  const ours = new TrueTypeFace(bytes);
  const theirs = fontkit.create(Buffer.from(bytes));

  it('has the metrics fontkit reads', () => {
    const pick = (f: typeof ours | typeof theirs) => ({
      unitsPerEm: f.unitsPerEm,
      ascent: f.ascent,
      descent: f.descent,
      capHeight: f.capHeight,
      xHeight: f.xHeight,
      italicAngle: f.italicAngle,
      postscriptName: f.postscriptName,
      bbox: [f.bbox.minX, f.bbox.minY, f.bbox.maxX, f.bbox.maxY],
      familyClass: f['OS/2'].sFamilyClass,
      fixedPitch: f.post.isFixedPitch,
      italic: f.head.macStyle.italic,
      numGlyphs: f.numGlyphs,
    });
    expect(pick(ours)).toEqual(pick(theirs));
  });

  it('maps every character as fontkit does', () => {
    for (let cp = 0x20; cp < 0x30000; cp += cp < 0x3000 ? 1 : 97) {
      expect(ours.glyphIdOf(cp), `U+${cp.toString(16)}`).toBe(theirs.glyphForCodePoint(cp).id);
      expect(ours.hasGlyphForCodePoint(cp)).toBe(theirs.hasGlyphForCodePoint(cp));
    }
  });

  it('lays out plain text glyph for glyph as fontkit shapes it: every pair of plain characters, and long runs', () => {
    const same = (text: string) => {
      const a = ours.layout(text).glyphs;
      const b = theirs.layout(text).glyphs;
      return a.length === b.length && a.every((g, i) => g.id === b[i]!.id && g.advanceWidth === b[i]!.advanceWidth);
    };
    const differing: string[] = [];
    for (const a of PLAIN) for (const b of PLAIN) if (!same(a + b)) differing.push(a + b);
    const random = seededRandom(5);
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => PLAIN[Math.floor(random() * PLAIN.length)]).join('');
      if (!same(text)) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('hands text with other characters to fontkit, so it is shaped as before', () => {
    for (const text of ['Zoë Müller-Łukasik', 'a\u00adb', 'e\u0301', 'שלום', '中文 PX-001', 'ﬁle']) {
      expect(ours.layout(text).glyphs.map((g) => g.id)).toEqual(theirs.layout(text).glyphs.map((g) => g.id));
    }
  });

  it('writes subsets whose glyphs are the original outlines, composite glyphs with their parts', () => {
    const subset = ours.createSubset();
    const text = 'Exhibit PX-001 – Åström “Ñandú” 25%';
    const glyphs = [...ours.layout(text).glyphs, theirs.layout('ǅ Ǿ').glyphs[0]!];
    const ids = glyphs.map((g) => subset.includeGlyph(g));
    const font = fontkit.create(Buffer.from(subset.encode()));
    glyphs.forEach((g, i) => {
      const mine = font.getGlyph(ids[i]!);
      expect(mine.path.toSVG(), `glyph ${g.id}`).toBe(theirs.getGlyph(g.id).path.toSVG());
      expect(mine.advanceWidth).toBe(g.advanceWidth);
    });
    // Å is a composite: its parts were taken in after the glyphs drawn, renumbered.
    expect(font.numGlyphs).toBeGreaterThan(new Set(ids).size + 1);
  });
});
