// Embeds a metric-compatible program in fonts a PDF names but does not carry (the standard 14 and the names
// producers give them: Arial, Times New Roman, Courier New …), so that the file prints the same everywhere.
//
// The programs are pdf.js's own standard fonts: Liberation Sans (SIL Open Font License 1.1, which allows embedding)
// for the Helvetica family, and PDFium's Foxit fonts (BSD licence, LICENSE_FOXIT beside them) for Times, Courier,
// Symbol and ZapfDingbats. Despite their .pfb names the Foxit files are bare CFF, so they go in FontFile3 as Type1C.
// Glyphs keep the original font's widths (its own, or the standard AFM metrics), which the substitutes are drawn to.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';
import { Encodings, Font, FontNames, type EncodingType } from '@cantoo/pdf-lib/standard-fonts';

/** Names this module reads and writes, made once (PDFName.of parses its argument on every call). */
function pdfNames<T extends string>(...keys: T[]): Record<T, PDFName> {
  return Object.fromEntries(keys.map((k) => [k, PDFName.of(k)])) as Record<T, PDFName>;
}
const K = pdfNames('Type', 'Subtype', 'BaseFont', 'FontDescriptor', 'Encoding', 'BaseEncoding', 'Differences', 'Widths', 'FirstChar',
  'LastChar', 'Flags', 'MissingWidth', 'FontFile', 'FontFile2', 'FontFile3', 'TrueType', 'Type1', 'WinAnsiEncoding');
const nameOf = (value: PDFObject | undefined): string | null => (value instanceof PDFName ? value.decodeText() : null);

const FONT_SUBTYPES = new Set(['Type1', 'MMType1', 'TrueType', 'Type3', 'Type0', 'CIDFontType0', 'CIDFontType2']);

/** Whether a dictionary is a font (as preflight counts them: a BaseFont without /Type is one too). */
export function isFontDict(dict: PDFDict): boolean {
  const subtype = nameOf(dict.get(K.Subtype));
  if (subtype === null || !FONT_SUBTYPES.has(subtype)) return false;
  const type = nameOf(dict.get(K.Type));
  return type === 'Font' || (type === null && dict.has(K.BaseFont));
}

export interface FontSubstitution {
  /** BaseFont names (without subset prefix) given a program. */
  embedded: string[];
  /** Fonts left without a program, with the name to report them by. */
  unembeddable: Map<PDFDict, string>;
}

/**
 * Gives every simple font among `fonts` that has no program one that matches its metrics, sharing one program
 * stream per face (and one descriptor, encoding and widths array per kind) across the document.
 */
export function embedMissingFonts(context: PDFContext, fonts: Iterable<PDFDict>, cache: SharedFonts = new Map()): FontSubstitution {
  const embedded = new Set<string>();
  const unembeddable = new Map<PDFDict, string>();
  for (const font of fonts) {
    const subtype = nameOf(font.get(K.Subtype)) ?? '';
    if (subtype === 'Type3' || subtype === 'Type0') continue; // drawn by the file itself, or by its descendant
    const descriptor = font.lookup(K.FontDescriptor);
    const old = descriptor instanceof PDFDict ? descriptor : null;
    if (old && (old.has(K.FontFile) || old.has(K.FontFile2) || old.has(K.FontFile3))) continue;
    const baseFont = font.get(K.BaseFont);
    const plain = (nameOf(baseFont) ?? '').replace(/^[A-Z]{6}\+/, '');
    const standard = subtype.startsWith('CIDFont') ? null : standardFace(plain);
    if (!standard || !(baseFont instanceof PDFName)) {
      unembeddable.set(font, plain || `(unnamed ${subtype} font)`);
      continue;
    }
    substitute(context, cache, font, baseFont, standard, old);
    embedded.add(plain);
  }
  return { embedded: [...embedded], unembeddable };
}

// ── Which face ───────────────────────────────────────────────────────────────────────────────────────────────────

const FIXED_PITCH = 1;
const SERIF = 2;
const SYMBOLIC = 4;
const NONSYMBOLIC = 32;
const ITALIC = 64;

const FACES: Record<FontNames, { file: string; flags: number }> = {
  [FontNames.Helvetica]: { file: 'LiberationSans-Regular.ttf', flags: NONSYMBOLIC },
  [FontNames.HelveticaBold]: { file: 'LiberationSans-Bold.ttf', flags: NONSYMBOLIC },
  [FontNames.HelveticaOblique]: { file: 'LiberationSans-Italic.ttf', flags: NONSYMBOLIC | ITALIC },
  [FontNames.HelveticaBoldOblique]: { file: 'LiberationSans-BoldItalic.ttf', flags: NONSYMBOLIC | ITALIC },
  [FontNames.TimesRoman]: { file: 'FoxitSerif.pfb', flags: SERIF | NONSYMBOLIC },
  [FontNames.TimesRomanBold]: { file: 'FoxitSerifBold.pfb', flags: SERIF | NONSYMBOLIC },
  [FontNames.TimesRomanItalic]: { file: 'FoxitSerifItalic.pfb', flags: SERIF | NONSYMBOLIC | ITALIC },
  [FontNames.TimesRomanBoldItalic]: { file: 'FoxitSerifBoldItalic.pfb', flags: SERIF | NONSYMBOLIC | ITALIC },
  [FontNames.Courier]: { file: 'FoxitFixed.pfb', flags: FIXED_PITCH | NONSYMBOLIC },
  [FontNames.CourierBold]: { file: 'FoxitFixedBold.pfb', flags: FIXED_PITCH | NONSYMBOLIC },
  [FontNames.CourierOblique]: { file: 'FoxitFixedItalic.pfb', flags: FIXED_PITCH | NONSYMBOLIC | ITALIC },
  [FontNames.CourierBoldOblique]: { file: 'FoxitFixedBoldItalic.pfb', flags: FIXED_PITCH | NONSYMBOLIC | ITALIC },
  [FontNames.Symbol]: { file: 'FoxitSymbol.pfb', flags: SYMBOLIC },
  [FontNames.ZapfDingbats]: { file: 'FoxitDingbats.pfb', flags: SYMBOLIC },
};

/** Family names as producers write them, lower-cased: regular, bold, italic, bold italic. */
const FAMILIES: Record<string, readonly FontNames[]> = {};
for (const [names, faces] of [
  [['helvetica', 'arial'], [FontNames.Helvetica, FontNames.HelveticaBold, FontNames.HelveticaOblique, FontNames.HelveticaBoldOblique]],
  [['times', 'timesnewroman'], [FontNames.TimesRoman, FontNames.TimesRomanBold, FontNames.TimesRomanItalic, FontNames.TimesRomanBoldItalic]],
  [['courier', 'couriernew'], [FontNames.Courier, FontNames.CourierBold, FontNames.CourierOblique, FontNames.CourierBoldOblique]],
] as const) {
  for (const name of names) FAMILIES[name] = faces;
}
const STYLES: Record<string, number> = { '': 0, roman: 0, regular: 0, normal: 0, bold: 1, italic: 2, oblique: 2, bolditalic: 3, boldoblique: 3 };
const STANDARD_NAMES = new Set<string>(Object.values(FontNames));

/**
 * The standard font a BaseFont stands for: its own name, or family and style as Windows and Adobe write them
 * (Arial,Bold, Arial-BoldMT, TimesNewRomanPSMT, CourierNewPS-ItalicMT …). Narrow, black and other styles are not
 * metric-compatible and stand for none.
 */
export function standardFace(baseFont: string): FontNames | null {
  if (STANDARD_NAMES.has(baseFont)) return baseFont as FontNames;
  const [, family = '', style = ''] = /^([^,-]+)(?:[,-](.*))?$/.exec(baseFont.replace(/\s+/g, '')) ?? [];
  const plainFamily = family.replace(/(PS)?(MT)?$/, '').toLowerCase();
  const plainStyle = style.replace(/(PS)?MT$/, '').toLowerCase();
  if (plainStyle === '' && plainFamily === 'symbol') return FontNames.Symbol;
  if (plainStyle === '' && plainFamily === 'zapfdingbats') return FontNames.ZapfDingbats;
  const index = STYLES[plainStyle];
  return index === undefined ? null : (FAMILIES[plainFamily]?.[index] ?? null);
}

// ── Encodings ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Code → glyph name of a simple font's encoding; undefined where it has no glyph. */
type CodeNames = (string | undefined)[];

function fromPdfLib(encoding: EncodingType): CodeNames {
  const names: CodeNames = new Array(256).fill(undefined);
  for (const point of encoding.supportedCodePoints) {
    const { code, name } = encoding.encodeUnicodeCodePoint(point);
    names[code] ??= name;
  }
  return names;
}

/** Applies runs in the form of an encoding's Differences: a code, then the names from that code on. */
function overlay(base: CodeNames, runs: (number | string)[]): CodeNames {
  const names = [...base];
  let code = 0;
  for (const item of runs) {
    if (typeof item === 'number') code = item;
    else if (code < 256) names[code++] = item;
  }
  return names;
}

const runsOf = (text: string) => text.split(' ').map((w) => (/^\d+$/.test(w) ? Number(w) : w));

type EncodingName = 'WinAnsiEncoding' | 'StandardEncoding' | 'MacRomanEncoding' | 'Symbol' | 'ZapfDingbats';
let tables: Record<EncodingName, CodeNames> | null = null;

/** pdf-lib knows WinAnsi and the symbol fonts' own encodings; Standard and MacRoman are as in PDF 32000-1 Annex D. */
function encodings(): Record<EncodingName, CodeNames> {
  if (tables) return tables;
  // As readers take it: pdf-lib leaves out the codes readers show as bullets, and puts ydieresis at 159.
  const winAnsi = overlay(fromPdfLib(Encodings.WinAnsi), runsOf('127 bullet 129 bullet 141 bullet 143 bullet 144 bullet 157 bullet 159 Ydieresis'));
  const ascii = winAnsi.map((name, code) => (code >= 32 && code <= 126 ? name : undefined));
  tables = {
    WinAnsiEncoding: winAnsi,
    StandardEncoding: overlay(ascii, runsOf(
      '39 quoteright 96 quoteleft 161 exclamdown cent sterling fraction yen florin section currency quotesingle ' +
      'quotedblleft guillemotleft guilsinglleft guilsinglright fi fl 177 endash dagger daggerdbl periodcentered ' +
      '182 paragraph bullet quotesinglbase quotedblbase quotedblright guillemotright ellipsis perthousand ' +
      '191 questiondown 193 grave acute circumflex tilde macron breve dotaccent dieresis 202 ring cedilla ' +
      '205 hungarumlaut ogonek caron emdash 225 AE 227 ordfeminine 232 Lslash Oslash OE ordmasculine 241 ae ' +
      '245 dotlessi 248 lslash oslash oe germandbls',
    )),
    MacRomanEncoding: overlay(ascii, runsOf(
      '128 Adieresis Aring Ccedilla Eacute Ntilde Odieresis Udieresis aacute agrave acircumflex adieresis atilde ' +
      'aring ccedilla eacute egrave ecircumflex edieresis iacute igrave icircumflex idieresis ntilde oacute ograve ' +
      'ocircumflex odieresis otilde uacute ugrave ucircumflex udieresis dagger degree cent sterling section bullet ' +
      'paragraph germandbls registered copyright trademark acute dieresis notequal AE Oslash infinity plusminus ' +
      'lessequal greaterequal yen mu partialdiff summation product pi integral ordfeminine ordmasculine Omega ae ' +
      'oslash questiondown exclamdown logicalnot radical florin approxequal Delta guillemotleft guillemotright ' +
      'ellipsis space Agrave Atilde Otilde OE oe endash emdash quotedblleft quotedblright quoteleft quoteright ' +
      'divide lozenge ydieresis Ydieresis fraction currency guilsinglleft guilsinglright fi fl daggerdbl ' +
      'periodcentered quotesinglbase quotedblbase perthousand Acircumflex Ecircumflex Aacute Edieresis Egrave ' +
      'Iacute Icircumflex Idieresis Igrave Oacute Ocircumflex apple Ograve Uacute Ucircumflex Ugrave dotlessi ' +
      'circumflex tilde macron breve dotaccent ring cedilla hungarumlaut ogonek caron',
    )),
    Symbol: fromPdfLib(Encodings.Symbol),
    ZapfDingbats: fromPdfLib(Encodings.ZapfDingbats),
  };
  return tables;
}

/**
 * The glyph each code of the font showed: its Encoding (base and Differences) over what a reader assumes without
 * one (the symbol fonts' own; Standard for Type 1; for TrueType, WinAnsi unless flagged non-symbolic, as pdf.js does).
 */
function codeNames(font: PDFDict, standard: FontNames, oldFlags: number): CodeNames {
  const t = encodings();
  const encoding = font.lookup(K.Encoding);
  const base = nameOf(encoding instanceof PDFDict ? encoding.get(K.BaseEncoding) : encoding);
  const implied =
    standard === FontNames.Symbol || standard === FontNames.ZapfDingbats
      ? t[standard]
      : nameOf(font.get(K.Subtype)) === 'TrueType' && !(oldFlags & NONSYMBOLIC)
        ? t.WinAnsiEncoding
        : t.StandardEncoding;
  const names = base === 'WinAnsiEncoding' || base === 'MacRomanEncoding' ? t[base] : implied;
  const differences = encoding instanceof PDFDict ? encoding.lookup(K.Differences) : undefined;
  if (!(differences instanceof PDFArray)) return names;
  return overlay(names, differences.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : (nameOf(v) ?? '.notdef'))));
}

/** What the fonts sharing one encoding table share: a key for it, and its first and last code with a glyph. */
const summaries = new WeakMap<CodeNames, { key: string; first: number; last: number }>();

function summary(names: CodeNames) {
  let found = summaries.get(names);
  if (!found) {
    const codes = names.flatMap((n, code) => (n && n !== '.notdef' ? [code] : []));
    found = { key: names.map((n) => n ?? '').join(' '), first: codes[0] ?? 32, last: codes.at(-1) ?? 32 };
    summaries.set(names, found);
  }
  return found;
}

/** The Differences that make WinAnsi read as `names`. */
function differencesFromWinAnsi(names: CodeNames): (number | string)[] {
  const winAnsi = encodings().WinAnsiEncoding;
  const runs: (number | string)[] = [];
  let last = -2;
  for (let code = 0; code < 256; code++) {
    const wanted = names[code] ?? '.notdef';
    if (wanted === (winAnsi[code] ?? '.notdef')) continue;
    if (code !== last + 1) runs.push(code);
    runs.push(wanted);
    last = code;
  }
  return runs;
}

// ── Programs and dictionaries ────────────────────────────────────────────────────────────────────────────────────

/** pdf-lib's AFM metrics, unpacked once per thread (Font.load decompresses them on every call). */
const metrics = new Map<FontNames, Font>();
const metricsOf = (standard: FontNames) => metrics.get(standard) ?? metrics.set(standard, Font.load(standard)).get(standard)!;

/** Font programs read and compressed once per thread: [compressed, original length]. */
const programs = new Map<string, [Uint8Array, number]>();

function program(file: string): [Uint8Array, number] {
  let found = programs.get(file);
  if (!found) {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
    const bytes = fs.readFileSync(path.join(dir, file));
    programs.set(file, (found = [new Uint8Array(deflateSync(bytes)), bytes.length]));
  }
  return found;
}

/** Objects one document's substituted fonts share, by what makes them the same. */
type Shared = Map<string, PDFRef>;
/** The programs, encodings and widths already written to a document, to be shared by fonts found later. */
export type SharedFonts = Shared;

function shared(context: PDFContext, cache: Shared, key: string, make: () => PDFObject): PDFRef {
  let ref = cache.get(key);
  if (!ref) cache.set(key, (ref = context.register(make())));
  return ref;
}

function substitute(context: PDFContext, cache: Shared, font: PDFDict, baseFont: PDFName, standard: FontNames, old: PDFDict | null) {
  const { file, flags } = FACES[standard];
  const trueType = file.endsWith('.ttf');
  const symbolic = (flags & SYMBOLIC) !== 0;
  const oldFlags = old?.lookup(K.Flags);
  const names = codeNames(font, standard, oldFlags instanceof PDFNumber ? oldFlags.asNumber() : 0);
  const { key, first, last } = summary(names);

  // A non-symbolic TrueType font is read through glyph name → Unicode → its (3,1) cmap, which needs an explicit
  // Encoding; a symbol font gets every code named, so that its program's own encoding does not matter.
  if (!symbolic && names === encodings().WinAnsiEncoding) {
    font.set(K.Encoding, K.WinAnsiEncoding);
  } else {
    const encoding = () => {
      const runs = symbolic ? names.flatMap((n, code) => (n ? [code, n] : [])) : differencesFromWinAnsi(names);
      const differences = runs.map((r) => (typeof r === 'number' ? r : PDFName.of(r)));
      return context.obj({ Type: 'Encoding', ...(symbolic ? {} : { BaseEncoding: 'WinAnsiEncoding' }), Differences: differences });
    };
    font.set(K.Encoding, shared(context, cache, `encoding ${symbolic} ${key}`, encoding));
  }
  // Widths the file gives are what its text was laid out with; without them, readers used the standard metrics.
  if (!font.has(K.Widths)) {
    const afm = metricsOf(standard);
    const widths = () => context.obj(Array.from({ length: last - first + 1 }, (_, i) => afm.getWidthOfGlyph(names[first + i] ?? '') ?? 0));
    font.set(K.FirstChar, PDFNumber.of(first));
    font.set(K.LastChar, PDFNumber.of(last));
    font.set(K.Widths, shared(context, cache, `widths ${standard} ${key}`, widths));
  }
  const missingWidth = old?.get(K.MissingWidth);
  const descriptor = () => {
    const m = metricsOf(standard);
    const [, lly, , ury] = m.FontBBox;
    const [bytes, length] = program(file);
    const fontFile = shared(context, cache, file, () =>
      context.stream(bytes, trueType ? { Filter: 'FlateDecode', Length1: length } : { Filter: 'FlateDecode', Subtype: 'Type1C' }),
    );
    return context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: flags,
      FontBBox: m.FontBBox,
      ItalicAngle: m.ItalicAngle,
      Ascent: m.Ascender ?? ury,
      Descent: m.Descender ?? lly,
      CapHeight: m.CapHeight ?? ury,
      ...(m.XHeight ? { XHeight: m.XHeight } : {}),
      StemV: m.StdVW ?? 80,
      ...(missingWidth ? { MissingWidth: missingWidth } : {}),
      [trueType ? 'FontFile2' : 'FontFile3']: fontFile,
    });
  };
  font.set(K.FontDescriptor, shared(context, cache, `descriptor ${baseFont.asString()} ${standard} ${missingWidth?.toString()}`, descriptor));
  font.set(K.Subtype, trueType ? K.TrueType : K.Type1);
}
