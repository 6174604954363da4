// The export fonts as pdf-lib needs them, read from the TrueType file directly: character to glyph (cmap), ligatures
// (GSUB), advance widths (hmtx), the metrics of a PDF font descriptor, and subsets written with the tables the PDF specification asks
// of an embedded TrueType font (glyf and loca, with the parts of composite glyphs; hmtx, head, hhea, maxp; the hinting
// tables). Loading fontkit costs about half a second of CPU (it unpacks its Unicode data as it loads) and its first
// layout a tenth more; this reads what it needs in a millisecond. Text outside the characters where DejaVu's shaping
// is a plain mapping (test/export/truetype-face.test.ts proves which) is laid out by fontkit, loaded then.
import { createRequire } from 'node:module';
import type fontkitModule from '@pdf-lib/fontkit';

export interface FaceGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/**
 * Characters that DejaVu Sans (regular and bold) shapes with no more than its ligatures (ff, fi, fl …, read from its
 * GSUB table below): printable ASCII, Latin-1 but the soft hyphen (which fontkit shapes as an ignorable), and the
 * punctuation exports print most.
 */
const PLAIN_EXTRA = new Set([...'–—‘’“”•…·€™'].map((c) => c.codePointAt(0)!));
export function isPlain(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff && cp !== 0xad) || PLAIN_EXTRA.has(cp);
}

type FontkitFont = ReturnType<typeof fontkitModule.create>;

export class TrueTypeFace {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number | undefined;
  readonly xHeight: number | undefined;
  readonly italicAngle: number;
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  readonly postscriptName: string;
  readonly numGlyphs: number;
  /** What pdf-lib reads for the font descriptor's flags, named as fontkit names them. */
  readonly 'OS/2': { sFamilyClass: number };
  readonly post: { isFixedPitch: number };
  readonly head: { macStyle: { italic: boolean } };
  readonly cff = undefined;

  private readonly view: DataView;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  private readonly numberOfHMetrics: number;
  private readonly longLoca: boolean;
  private readonly glyphs = new Map<number, FaceGlyph>();
  private readonly lookup: (cp: number) => number;
  private shaper: FontkitFont | null = null;
  private ligatureLookups: LigatureLookup[] | null = null;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    for (let i = 0, n = v.getUint16(4); i < n; i++) {
      const at = 12 + i * 16;
      this.tables.set(this.tag(at), { offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
    }
    const head = this.table('head');
    const hhea = this.table('hhea');
    const os2 = this.table('OS/2');
    const post = this.table('post');
    this.unitsPerEm = v.getUint16(head + 18);
    this.bbox = { minX: v.getInt16(head + 36), minY: v.getInt16(head + 38), maxX: v.getInt16(head + 40), maxY: v.getInt16(head + 42) };
    this.head = { macStyle: { italic: (v.getUint16(head + 44) & 2) !== 0 } };
    this.longLoca = v.getInt16(head + 50) === 1;
    this.ascent = v.getInt16(hhea + 4);
    this.descent = v.getInt16(hhea + 6);
    this.numberOfHMetrics = v.getUint16(hhea + 34);
    this.numGlyphs = v.getUint16(this.table('maxp') + 4);
    const os2Version = v.getUint16(os2);
    this['OS/2'] = { sFamilyClass: v.getInt16(os2 + 30) };
    this.capHeight = os2Version >= 2 ? v.getInt16(os2 + 88) : undefined;
    this.xHeight = os2Version >= 2 ? v.getInt16(os2 + 86) : undefined;
    this.italicAngle = v.getInt32(post + 4) / 65536;
    this.post = { isFixedPitch: v.getUint32(post + 12) };
    this.postscriptName = this.name(6);
    this.lookup = this.cmap();
  }

  glyphIdOf(cp: number): number {
    return this.lookup(cp);
  }

  hasGlyphForCodePoint(cp: number): boolean {
    return this.lookup(cp) !== 0;
  }

  advanceOf(id: number): number {
    return this.view.getUint16(this.table('hmtx') + 4 * Math.min(id, this.numberOfHMetrics - 1));
  }

  leftBearingOf(id: number): number {
    const hmtx = this.table('hmtx');
    const n = this.numberOfHMetrics;
    return this.view.getInt16(id < n ? hmtx + 4 * id + 2 : hmtx + 4 * n + 2 * (id - n));
  }

  /** The glyphs pdf-lib draws the text with, as fontkit's layout gives them (advances without kerning). */
  layout(text: string, features?: unknown): { glyphs: FaceGlyph[] } {
    const run: { id: number; codePoints: number[] }[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!isPlain(cp)) return { glyphs: this.shaped(text, features) };
      run.push({ id: this.lookup(cp), codePoints: [cp] });
    }
    this.ligatureLookups ??= ligatureLookups(this.tableBytes('GSUB'));
    for (const lookup of this.ligatureLookups) applyLigatures(lookup, run);
    return { glyphs: run.map(({ id, codePoints }) => this.glyph(id, codePoints)) };
  }

  /** One object per glyph, as fontkit keeps them: the code points are those it was first drawn for. */
  private glyph(id: number, codePoints: number[]): FaceGlyph {
    let glyph = this.glyphs.get(id);
    if (!glyph) this.glyphs.set(id, (glyph = { id, advanceWidth: this.advanceOf(id), codePoints }));
    return glyph;
  }

  createSubset(): TrueTypeSubset {
    return new TrueTypeSubset(this);
  }

  /** The bytes of glyph `id` in glyf. */
  glyphData(id: number): Uint8Array {
    const loca = this.table('loca');
    const at = (i: number) => (this.longLoca ? this.view.getUint32(loca + 4 * i) : 2 * this.view.getUint16(loca + 2 * i));
    const glyf = this.table('glyf');
    return this.bytes.subarray(glyf + at(id), glyf + at(id + 1));
  }

  /** A table's bytes as they are in the file, or null. */
  tableBytes(tag: string): Uint8Array | null {
    const t = this.tables.get(tag);
    return t ? this.bytes.subarray(t.offset, t.offset + t.length) : null;
  }

  private shaped(text: string, features: unknown): FaceGlyph[] {
    if (!this.shaper) {
      const fontkit = createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof fontkitModule;
      this.shaper = fontkit.create(this.bytes as Buffer);
    }
    return (this.shaper.layout as (text: string, features?: unknown) => { glyphs: FaceGlyph[] })(text, features).glyphs;
  }

  private table(tag: string): number {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`The font has no ${tag} table.`);
    return t.offset;
  }

  private tag(at: number): string {
    return String.fromCharCode(this.bytes[at]!, this.bytes[at + 1]!, this.bytes[at + 2]!, this.bytes[at + 3]!);
  }

  private name(id: number): string {
    const v = this.view;
    const table = this.table('name');
    const strings = table + v.getUint16(table + 4);
    for (let i = 0, n = v.getUint16(table + 2); i < n; i++) {
      const at = table + 6 + i * 12;
      const [platform, nameId, length, offset] = [v.getUint16(at), v.getUint16(at + 6), v.getUint16(at + 8), v.getUint16(at + 10)];
      if (nameId !== id || (platform !== 3 && platform !== 1)) continue;
      const raw = this.bytes.subarray(strings + offset, strings + offset + length);
      return platform === 3 ? String.fromCharCode(...Array.from({ length: length / 2 }, (_, k) => (raw[2 * k]! << 8) | raw[2 * k + 1]!)) : String.fromCharCode(...raw);
    }
    return '';
  }

  /** Character → glyph, from the full-Unicode subtable (format 12) where there is one, else the BMP one (format 4). */
  private cmap(): (cp: number) => number {
    const v = this.view;
    const cmap = this.table('cmap');
    const subtables = new Map<string, number>();
    for (let i = 0, n = v.getUint16(cmap + 2); i < n; i++) {
      const at = cmap + 4 + i * 8;
      subtables.set(`${v.getUint16(at)},${v.getUint16(at + 2)}`, cmap + v.getUint32(at + 4));
    }
    const full = subtables.get('3,10') ?? subtables.get('0,4');
    if (full !== undefined && v.getUint16(full) === 12) {
      const groups = v.getUint32(full + 12);
      return (cp) => {
        let lo = 0;
        let hi = groups - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const at = full + 16 + mid * 12;
          if (cp < v.getUint32(at)) hi = mid - 1;
          else if (cp > v.getUint32(at + 4)) lo = mid + 1;
          else return v.getUint32(at + 8) + cp - v.getUint32(at);
        }
        return 0;
      };
    }
    const bmp = subtables.get('3,1') ?? subtables.get('0,3');
    if (bmp === undefined || v.getUint16(bmp) !== 4) throw new Error('The font has no Unicode character map.');
    const segments = v.getUint16(bmp + 6) / 2;
    const ends = bmp + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const ranges = deltas + 2 * segments;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let i = 0; i < segments; i++) {
        if (v.getUint16(ends + 2 * i) < cp) continue;
        const start = v.getUint16(starts + 2 * i);
        if (start > cp) return 0;
        const delta = v.getUint16(deltas + 2 * i);
        const range = v.getUint16(ranges + 2 * i);
        if (range === 0) return (cp + delta) & 0xffff;
        const glyph = v.getUint16(ranges + 2 * i + range + 2 * (cp - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
}

/** A GSUB ligature lookup: for a first glyph, its ligatures in the order the font lists them. */
type LigatureLookup = Map<number, { rest: number[]; glyph: number }[]>;

/** Features fontkit applies to horizontal Latin text whose lookups may substitute glyphs. */
const SHAPING_FEATURES = new Set(['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt']);
const LIGATURE_SUBST = 4;
const EXTENSION_SUBST = 7;

/**
 * The ligature lookups (in lookup order) of the features fontkit applies to Latin text, from the font's GSUB table.
 * Other kinds of lookup do not touch the plain characters (the test of this module proves it for DejaVu).
 */
function ligatureLookups(gsub: Uint8Array | null): LigatureLookup[] {
  if (!gsub) return [];
  const v = new DataView(gsub.buffer, gsub.byteOffset, gsub.byteLength);
  const u16 = (at: number) => v.getUint16(at);
  const tagAt = (at: number) => String.fromCharCode(gsub[at]!, gsub[at + 1]!, gsub[at + 2]!, gsub[at + 3]!);
  const scripts = u16(4);
  const features = u16(6);
  const lookups = u16(8);
  let langSys = -1;
  for (const wanted of ['latn', 'DFLT']) {
    for (let i = 0; i < u16(scripts) && langSys < 0; i++) {
      if (tagAt(scripts + 2 + 6 * i) !== wanted) continue;
      const script = scripts + u16(scripts + 2 + 6 * i + 4);
      if (u16(script) !== 0) langSys = script + u16(script);
    }
  }
  if (langSys < 0) return [];
  const featureIndexes = Array.from({ length: u16(langSys + 4) }, (_, i) => u16(langSys + 6 + 2 * i));
  if (u16(langSys + 2) !== 0xffff) featureIndexes.push(u16(langSys + 2));
  const lookupIndexes = new Set<number>();
  for (const f of featureIndexes) {
    if (!SHAPING_FEATURES.has(tagAt(features + 2 + 6 * f))) continue;
    const feature = features + u16(features + 2 + 6 * f + 4);
    for (let i = 0; i < u16(feature + 2); i++) lookupIndexes.add(u16(feature + 4 + 2 * i));
  }
  const result: LigatureLookup[] = [];
  for (const index of [...lookupIndexes].sort((a, b) => a - b)) {
    const lookup = lookups + u16(lookups + 2 + 2 * index);
    const ligatures: LigatureLookup = new Map();
    for (let s = 0; s < u16(lookup + 4); s++) {
      let table = lookup + u16(lookup + 6 + 2 * s);
      let type = u16(lookup);
      if (type === EXTENSION_SUBST) {
        type = u16(table + 2);
        table += v.getUint32(table + 4);
      }
      if (type !== LIGATURE_SUBST) continue;
      const covered = coverage(v, table + u16(table + 2));
      covered.forEach((first, c) => {
        const set = table + u16(table + 6 + 2 * c);
        const list = ligatures.get(first) ?? [];
        for (let l = 0; l < u16(set); l++) {
          const lig = set + u16(set + 2 + 2 * l);
          list.push({ glyph: u16(lig), rest: Array.from({ length: u16(lig + 2) - 1 }, (_, k) => u16(lig + 4 + 2 * k)) });
        }
        ligatures.set(first, list);
      });
    }
    if (ligatures.size > 0) result.push(ligatures);
  }
  return result;
}

/** The glyphs a coverage table lists, in coverage-index order. */
function coverage(v: DataView, at: number): number[] {
  const glyphs: number[] = [];
  if (v.getUint16(at) === 1) {
    for (let i = 0; i < v.getUint16(at + 2); i++) glyphs.push(v.getUint16(at + 4 + 2 * i));
  } else {
    for (let r = 0; r < v.getUint16(at + 2); r++) {
      const range = at + 4 + 6 * r;
      for (let g = v.getUint16(range); g <= v.getUint16(range + 2); g++) glyphs.push(g);
    }
  }
  return glyphs;
}

/** One pass of a ligature lookup over the run: at each glyph, the first of its ligatures whose other parts follow. */
function applyLigatures(lookup: LigatureLookup, run: { id: number; codePoints: number[] }[]): void {
  for (let i = 0; i < run.length; i++) {
    const match = lookup.get(run[i]!.id)?.find((lig) => lig.rest.every((g, k) => run[i + 1 + k]?.id === g));
    if (!match) continue;
    const parts = run.splice(i, 1 + match.rest.length);
    run.splice(i, 0, { id: match.glyph, codePoints: parts.flatMap((p) => p.codePoints) });
  }
}

// Composite glyph flags (the TrueType 'glyf' table): what follows each part's glyph index.
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The glyphs a document uses, numbered from 1 in the order first drawn (0 is .notdef), as pdf-lib's CIDs. */
export class TrueTypeSubset {
  readonly cff = undefined;
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly face: TrueTypeFace) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let index = this.mapping.get(id);
    if (index === undefined) {
      index = this.glyphs.push(id) - 1;
      this.mapping.set(id, index);
    }
    return index;
  }

  /** The subset as a TrueType file, its glyphs renumbered (composite glyphs' parts included as they are met). */
  encode(): Uint8Array {
    const data: Uint8Array[] = [];
    for (let i = 0; i < this.glyphs.length; i++) data.push(this.renumbered(this.face.glyphData(this.glyphs[i]!)));
    const count = this.glyphs.length;
    const loca = new DataView(new ArrayBuffer(4 * (count + 1)));
    const glyf = new Uint8Array(data.reduce((n, d) => n + pad4(d.length), 0));
    let at = 0;
    data.forEach((d, i) => {
      loca.setUint32(4 * i, at);
      glyf.set(d, at);
      at += pad4(d.length);
    });
    loca.setUint32(4 * count, at);
    const hmtx = new DataView(new ArrayBuffer(4 * count));
    this.glyphs.forEach((id, i) => {
      hmtx.setUint16(4 * i, this.face.advanceOf(id));
      hmtx.setInt16(4 * i + 2, this.face.leftBearingOf(id));
    });
    const head = copyOf(this.face.tableBytes('head')!);
    head.setUint32(8, 0); // checkSumAdjustment, set once the file is whole
    head.setInt16(50, 1); // long loca offsets
    const hhea = copyOf(this.face.tableBytes('hhea')!);
    hhea.setUint16(34, count);
    const maxp = copyOf(this.face.tableBytes('maxp')!);
    maxp.setUint16(4, count);
    const tables: [string, Uint8Array][] = [
      ['cvt ', this.face.tableBytes('cvt ')],
      ['fpgm', this.face.tableBytes('fpgm')],
      ['glyf', glyf],
      ['head', bytesOf(head)],
      ['hhea', bytesOf(hhea)],
      ['hmtx', bytesOf(hmtx)],
      ['loca', bytesOf(loca)],
      ['maxp', bytesOf(maxp)],
      ['prep', this.face.tableBytes('prep')],
    ].filter((t): t is [string, Uint8Array] => t[1] !== null);
    return fontFile(tables);
  }

  /** A composite glyph's copy with its parts' glyph indexes renumbered into the subset; a simple glyph as it is. */
  private renumbered(source: Uint8Array): Uint8Array {
    if (source.length === 0 || new DataView(source.buffer, source.byteOffset).getInt16(0) >= 0) return source;
    const glyph = source.slice();
    const v = new DataView(glyph.buffer);
    let at = 10;
    for (;;) {
      const flags = v.getUint16(at);
      v.setUint16(at + 2, this.includeGlyph(v.getUint16(at + 2)));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return glyph;
    }
  }
}

const pad4 = (n: number) => (n + 3) & ~3;
const copyOf = (bytes: Uint8Array) => new DataView(bytes.slice().buffer);
const bytesOf = (view: DataView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

function checksum(bytes: Uint8Array, from = 0, length = bytes.length): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  let sum = 0;
  for (let i = from; i < from + length; i += 4) {
    const word = i + 4 <= bytes.length ? v.getUint32(i) : (bytes[i]! << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/** The table directory and the tables (sorted by tag, each on a 4-byte boundary), with head's whole-file checksum. */
function fontFile(tables: [string, Uint8Array][]): Uint8Array {
  const n = tables.length;
  const headerBytes = 12 + 16 * n;
  const out = new Uint8Array(headerBytes + tables.reduce((sum, [, t]) => sum + pad4(t.length), 0));
  const v = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(n));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, power * 16);
  v.setUint16(8, Math.log2(power));
  v.setUint16(10, n * 16 - power * 16);
  let offset = headerBytes;
  let headAt = 0;
  tables.forEach(([tag, bytes], i) => {
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k);
    out.set(bytes, offset);
    v.setUint32(record + 4, checksum(out, offset, bytes.length));
    v.setUint32(record + 8, offset);
    v.setUint32(record + 12, bytes.length);
    if (tag === 'head') headAt = offset;
    offset += pad4(bytes.length);
  });
  v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
