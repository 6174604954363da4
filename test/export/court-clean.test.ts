// The court-clean pass on exports built the way exports are (originals placed with placeOriginalPage), read back as a
// court and a reader would: pdffonts, pdftotext, pdftoppm, qpdf, pdf.js and our own preflight.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  PDFString,
  StandardFonts,
  beginText,
  endText,
  moveText,
  setFontAndSize,
  showText,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { Encodings, Font } from '@cantoo/pdf-lib/standard-fonts';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanForCourt, stripDocumentMetadata, type CourtCleanReport } from '../../electron/core/export/court-clean.ts';
import { standardFace } from '../../electron/core/export/font-substitutes.ts';
import { originalSource, placeOriginalPage } from '../../electron/core/export/original-page.ts';
import { structureProblems } from '../../electron/core/preflight/pdf-structure.ts';
import { tempDir } from '../fixtures/case.ts';
import { pagesText, placedText, qpdfCheck } from '../fixtures/export-reading.ts';

const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } };
const COURT_CODES = ['font-not-embedded', 'form-fields', 'javascript', 'embedded-files'];
const dir = tempDir('court-clean-');

// ── Originals ────────────────────────────────────────────────────────────────────────────────────────────────────

const DRAWN: [StandardFonts, string][] = [
  [StandardFonts.Helvetica, 'Helvetica: Café — “Müller” naïve façade, 10 € ½'],
  [StandardFonts.HelveticaBold, 'Helvetica bold: Größe — ‘déjà vu’ Œuvre'],
  [StandardFonts.TimesRoman, 'Times: résumé — “Ærøskøbing” señor §'],
  [StandardFonts.Courier, 'Courier: über — «quoted» 1½ ©'],
  [StandardFonts.Symbol, 'αβγ∑≤∞'],
  [StandardFonts.ZapfDingbats, '✓✔✈❤'],
];
const WIN_ANSI = new Map<number, string>();
for (const point of Encodings.WinAnsi.supportedCodePoints) {
  const { code, name } = Encodings.WinAnsi.encodeUnicodeCodePoint(point);
  if (!WIN_ANSI.has(code)) WIN_ANSI.set(code, name);
}

/** Shows `bytes` (codes of the font's encoding) in a font dictionary written by hand. */
function showBytes(page: PDFPage, font: PDFRef, bytes: number[], y: number) {
  const key = page.node.newFontDictionary('Hand', font);
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  page.pushOperators(beginText(), setFontAndSize(key, 14), moveText(40, y), showText(PDFHexString.of(hex)), endText());
}
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Standard fonts drawn by pdf-lib (unembedded, WinAnsi), and fonts as other producers write them, unembedded too. */
async function fontsOriginal(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  let y = 740;
  for (const [name, text] of DRAWN) {
    page.drawText(text, { x: 40, y, size: 14, font: await doc.embedFont(name) });
    y -= 30;
  }
  const { context } = doc;
  // Helvetica-Oblique with no Encoding: StandardEncoding, where 39 is ’, 0xD0 — and 0xAA/0xBA “ ”.
  const oblique = context.register(context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica-Oblique' }));
  showBytes(page, oblique, [...ascii('Oblique: It'), 0x27, ...ascii('s '), 0xd0, 0x20, 0xaa, ...ascii('ok'), 0xba, 0x20, 0xe1, 0xfb], y);
  y -= 30;
  // Arial,Bold as Word writes it: TrueType, a descriptor without a font file, WinAnsi, its widths.
  const bold = Font.load('Helvetica-Bold');
  const arial = context.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: 'Arial,Bold',
    Encoding: 'WinAnsiEncoding',
    FirstChar: 32,
    LastChar: 255,
    Widths: Array.from({ length: 224 }, (_, i) => bold.getWidthOfGlyph(WIN_ANSI.get(32 + i) ?? '') ?? 0),
    FontDescriptor: context.register(
      context.obj({ Type: 'FontDescriptor', FontName: 'Arial,Bold', Flags: 32, FontBBox: [-628, -376, 2000, 1056], ItalicAngle: 0, Ascent: 905, Descent: -212, CapHeight: 716, StemV: 165 }),
    ),
  });
  showBytes(page, context.register(arial), [...ascii('Arial bold: Z'), 0xfc, ...ascii('rich '), 0xa9, 0x20, 0x93, 0x94], y);
  y -= 30;
  // Times New Roman italic in MacRomanEncoding: 0x8E é, 0xD2/0xD3 “ ”, 0xA5 •, 0xD0 –.
  const italic = Font.load('Times-Italic');
  const mac: Record<number, string> = { 0x8e: 'eacute', 0xd2: 'quotedblleft', 0xd3: 'quotedblright', 0xa5: 'bullet', 0xd0: 'endash' };
  const macWidth = (code: number) => italic.getWidthOfGlyph(mac[code] ?? WIN_ANSI.get(code) ?? '') ?? 0;
  const times = context.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: 'TimesNewRomanPS-ItalicMT',
    Encoding: 'MacRomanEncoding',
    FirstChar: 32,
    LastChar: 255,
    Widths: Array.from({ length: 224 }, (_, i) => macWidth(32 + i)),
  });
  showBytes(page, context.register(times), [...ascii('Mac italic: caf'), 0x8e, 0x20, 0xd2, ...ascii('ok'), 0xd3, 0x20, 0xa5, 0x20, 0xd0], y);
  return doc.save();
}

/** A filled form (text field, ticked box), a link, an attachment and a square whose appearance is turned by its Matrix. */
async function formOriginal(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText('Application form', { x: 72, y: 720, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  const form = doc.getForm();
  const name = form.createTextField('name');
  name.setText('Jane Q. Public');
  name.addToPage(page, { x: 72, y: 600, width: 200, height: 24 });
  const agree = form.createCheckBox('agree');
  agree.addToPage(page, { x: 72, y: 540, width: 20, height: 20 });
  agree.check();
  const { context } = doc;
  const uri = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 720, 250, 740], A: { S: 'URI', URI: PDFString.of('https://example.com') } });
  page.node.addAnnot(context.register(uri));
  const file = context.register(context.stream('hidden notes', { Type: 'EmbeddedFile' }));
  const attachment = context.obj({
    Type: 'Annot',
    Subtype: 'FileAttachment',
    Rect: [500, 700, 520, 720],
    F: 4,
    Name: 'PushPin',
    FS: { Type: 'Filespec', F: PDFString.of('notes.txt'), EF: { F: file } },
  });
  page.node.addAnnot(context.register(attachment));
  const square = context.register(context.stream('0 0 0 rg 0 0 100 20 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 100, 20], Matrix: [0, 1, -1, 0, 0, 0] }));
  page.node.addAnnot(context.register(context.obj({ Type: 'Annot', Subtype: 'Square', Rect: [400, 300, 420, 400], F: 4, AP: { N: square } })));
  return doc.save();
}

/** Page 1 in Helvetica; page 2 in fonts nothing can stand in for: a TrueType WeirdFont and a CID font, neither embedded. */
async function unknownFontsOriginal(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText('An ordinary page', { x: 72, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  const page = doc.addPage([612, 792]);
  const { context } = doc;
  const weird = context.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: 'WeirdFont',
    Encoding: 'WinAnsiEncoding',
    FirstChar: 32,
    LastChar: 126,
    Widths: Array.from({ length: 95 }, () => 500),
    FontDescriptor: context.register(context.obj({ Type: 'FontDescriptor', FontName: 'WeirdFont', Flags: 32, FontBBox: [0, -200, 1000, 800], ItalicAngle: 0, Ascent: 800, Descent: -200, CapHeight: 700, StemV: 80 })),
  });
  showBytes(page, context.register(weird), ascii('Weird text'), 700);
  const gothic = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: 'MSGothic',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Japan1'), Supplement: 2 },
    FontDescriptor: context.register(context.obj({ Type: 'FontDescriptor', FontName: 'MSGothic', Flags: 4, FontBBox: [0, -141, 1000, 859], ItalicAngle: 0, Ascent: 859, Descent: -141, CapHeight: 700, StemV: 80 })),
  });
  const type0 = context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'MSGothic', Encoding: 'Identity-H', DescendantFonts: [context.register(gothic)] });
  showBytes(page, context.register(type0), [0, 0x21, 0, 0x22], 650);
  return doc.save();
}

// ── Exports ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Every page of each original placed on an export page, as the stamped exports place them. */
async function exportOf(originals: Uint8Array[]): Promise<PDFDocument> {
  const out = await PDFDocument.create();
  for (const bytes of originals) {
    const source = originalSource(out, await PDFDocument.load(bytes));
    for (let i = 0; i < source.doc.getPageCount(); i++) out.addPage(placeOriginalPage(out, source, i).page);
  }
  return out;
}

/** What an export may itself carry that a court refuses: scripts, an attachment, XMP, actions, a link that launches. */
async function addDocumentLevelExtras(out: PDFDocument) {
  const { context, catalog } = out;
  out.addJavaScript('greet', 'app.alert("hello");');
  catalog.set(PDFName.of('OpenAction'), context.register(context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("open");') })));
  await out.attach(new TextEncoder().encode('hidden notes'), 'notes.txt', { mimeType: 'text/plain', description: 'notes' });
  const xmp = () => context.register(context.stream('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>', { Type: 'Metadata', Subtype: 'XML' }));
  catalog.set(PDFName.of('Metadata'), xmp());
  const page = out.getPage(0);
  page.node.set(PDFName.of('AA'), context.obj({ O: { S: 'JavaScript', JS: PDFString.of('app.beep(0);') } }));
  page.node.set(PDFName.of('PieceInfo'), context.obj({ Illustrator: { LastModified: PDFString.of('D:20200101') } }));
  const original = page.node.Resources()!.lookup(PDFName.XObject, PDFDict);
  (context.lookup(original.values()[0]) as PDFStream).dict.set(PDFName.of('Metadata'), xmp());
  const launch = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], A: { S: 'Launch', F: PDFString.of('calc.exe') } });
  page.node.addAnnot(context.register(launch));
  // A bookmark that runs a program instead of going to its page.
  const outlines = context.nextRef();
  const item = context.register(context.obj({ Title: PDFString.of('Run'), Parent: outlines, A: { S: 'Launch', F: PDFString.of('calc.exe') } }));
  context.assign(outlines, context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  catalog.set(PDFName.of('Outlines'), outlines);
}

async function save(doc: PDFDocument, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await doc.save());
  return file;
}

// ── Reading back ─────────────────────────────────────────────────────────────────────────────────────────────────

/** pdffonts' table as rows of its columns (name, type, encoding, emb, sub, uni, object, generation). */
function pdffonts(file: string): Record<string, string>[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  const rule = lines[1]!;
  const columns = [...rule.matchAll(/-+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const heads = ['name', 'type', 'encoding', 'emb', 'sub', 'uni', 'object'];
  return lines.slice(2).filter((l) => l.trim()).map((line) => Object.fromEntries(columns.map(([a, b], i) => [heads[i], line.slice(a, b).trim()])));
}

/** A page rendered by pdftoppm at 72 dpi (one pixel per point); the PNG is kept beside the PDF to look at. */
function render(file: string, page: number) {
  const prefix = path.join(dir, `${path.basename(file, '.pdf')}-p${page}`);
  execFileSync('pdftoppm', ['-r', '72', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  return { ...png, isDark: (x: number, y: number) => png.data[(y * png.width + x) * 4 + 1]! < 128 };
}

interface Ink {
  dark: number;
  lines: { y0: number; y1: number; x0: number; x1: number; dark: number }[];
}

/** The dark pixels of a rendered page, and the box of each line (band of rows) that has any. */
function ink(file: string, page: number): Ink {
  const png = render(file, page);
  const { isDark } = png;
  const result: Ink = { dark: 0, lines: [] };
  let band: Ink['lines'][number] | null = null;
  for (let y = 0; y < png.height; y++) {
    let x0 = Infinity;
    let x1 = -1;
    let dark = 0;
    for (let x = 0; x < png.width; x++) {
      if (!isDark(x, y)) continue;
      dark++;
      x0 = Math.min(x0, x);
      x1 = x;
    }
    result.dark += dark;
    if (dark === 0) continue;
    // Accents sit a row or two above their letters; lines are further apart than that.
    if (!band || y - band.y1 > 4) result.lines.push((band = { y0: y, y1: y, x0, x1, dark: 0 }));
    band.y1 = y;
    band.x0 = Math.min(band.x0, x0);
    band.x1 = Math.max(band.x1, x1);
    band.dark += dark;
  }
  return result;
}

/** Share of dark pixels in a box given in PDF points from the bottom left of a rendered page. */
function inkIn(png: ReturnType<typeof render>, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.round(png.height - box.y1); y < png.height - box.y0; y++) {
    for (let x = Math.round(box.x0); x < box.x1; x++, all++) if (png.isDark(x, y)) dark++;
  }
  return dark / all;
}

/** Every dictionary (and stream dictionary) of a saved file, as pdf-lib reads it. */
async function dictsOf(file: string): Promise<PDFDict[]> {
  const doc = await PDFDocument.load(fs.readFileSync(file));
  return doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFStream ? [o.dict] : o instanceof PDFDict ? [o] : []));
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────────────────────────

describe('court-clean', () => {
  let before: string;
  let after: string;
  let report: CourtCleanReport;
  let squareRect: number[];

  beforeAll(async () => {
    const originals = [await fontsOriginal(), await formOriginal(), await fontsOriginal()];
    before = await save(await exportOf(originals), 'before.pdf');
    const out = await exportOf(originals);
    await addDocumentLevelExtras(out);
    const annots = out.getPage(1).node.lookup(PDFName.Annots, PDFArray).asArray().map((r) => out.context.lookup(r) as PDFDict);
    const square = annots.find((a) => a.get(PDFName.of('Subtype')) === PDFName.of('Square'))!;
    squareRect = square.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    report = await cleanForCourt(out);
    after = await save(out, 'after.pdf');
  });

  it('embeds every font, once per face, and our preflight finds nothing a court refuses', async () => {
    const fonts = pdffonts(after);
    expect(fonts.length).toBeGreaterThanOrEqual(10);
    expect(fonts.filter((f) => f.emb !== 'yes')).toEqual([]);
    expect(pdffonts(before).filter((f) => f.emb === 'no').length).toBeGreaterThan(0);
    const problems = (await structureProblems(fs.readFileSync(after)))!;
    expect(problems.filter((p) => COURT_CODES.includes(p.code))).toEqual([]);
    expect(new Set(report.fontsEmbedded)).toEqual(
      new Set(['Helvetica', 'Helvetica-Bold', 'Times-Roman', 'Courier', 'Symbol', 'ZapfDingbats', 'Helvetica-Oblique', 'Arial,Bold', 'TimesNewRomanPS-ItalicMT']),
    );
    // The fonts original is placed twice (two copies of its font dictionaries) and the form's field uses Helvetica
    // too: still one program per face (Liberation Sans regular, bold, italic; Foxit serif, serif italic, fixed,
    // symbol, dingbats).
    const files = (await dictsOf(after)).filter((d) => d.get(PDFName.Type) === PDFName.of('FontDescriptor'));
    const programs = new Set(files.map((d) => String(d.get(PDFName.of('FontFile2')) ?? d.get(PDFName.of('FontFile3')))));
    expect(programs.size).toBe(9);
  });

  it('keeps the text, accents and quotes included, where it was', async () => {
    const pages = pagesText(after);
    expect(pages).toEqual(pagesText(before));
    const [text] = pages;
    for (const [, line] of DRAWN) expect(text).toContain(line);
    expect(pages[1]).toContain('Jane Q. Public');
    expect(text).toContain('Oblique: It’s — “ok” Æß');
    expect(text).toContain('Arial bold: Zürich © “”');
    expect(text).toContain('Mac italic: café “ok” • –');
    const read = async (file: string) => (await placedText(file, 1)).items.map((i) => [i.text, Math.round(i.x * 10), Math.round(i.y * 10), Math.round(i.width * 10)]);
    expect(await read(after)).toEqual(await read(before));
  });

  it('draws the same glyphs in the same places', () => {
    // Unembedded, poppler draws Helvetica with Liberation Sans too, so those lines must match pixel for pixel; Times,
    // Courier and the symbol fonts become the Foxit designs (poppler fell back to Liberation Serif and Mono, and
    // DejaVu), so there only each line's extent is compared: the widths put every glyph where it was.
    const LIBERATION_SANS_LINES = [0, 1, 6, 7];
    for (const page of [1, 3]) {
      const [was, now] = [ink(before, page), ink(after, page)];
      expect(now.lines.length).toBe(DRAWN.length + 3);
      expect(now.lines.length).toBe(was.lines.length);
      now.lines.forEach((line, i) => {
        const old = was.lines[i]!;
        for (const edge of ['y0', 'y1', 'x0', 'x1'] as const) expect([i, edge, Math.abs(line[edge] - old[edge]) <= 2]).toEqual([i, edge, true]);
        if (LIBERATION_SANS_LINES.includes(i)) expect([i, Math.abs(line.dark - old.dark) / old.dark < 0.03]).toEqual([i, true]);
      });
    }
  });

  it('prints the form as filled in and draws each appearance onto its Rect, turned by its Matrix', async () => {
    // pdf.js reads page content only, not annotations: the value is there once it is drawn into the page.
    const contentText = async (file: string) => (await placedText(file, 2)).items.map((i) => i.text);
    expect(await contentText(before)).not.toContain('Jane Q. Public');
    expect(await contentText(after)).toContain('Jane Q. Public');
    expect(report.annotationsFlattened).toBe(3); // text field, check box, square
    const png = render(after, 2);
    const [x0, y0, x1, y1] = squareRect as [number, number, number, number];
    expect(inkIn(png, { x0: x0 + 1, y0: y0 + 1, x1: x1 - 1, y1: y1 - 1 })).toBeGreaterThan(0.95);
    expect(inkIn(png, { x0: x1 + 2, y0, x1: x1 + 12, y1 })).toBeLessThan(0.02);
    expect(inkIn(png, { x0, y0: y1 + 2, x1, y1: y1 + 12 })).toBeLessThan(0.02);
  });

  it('strips scripts, attachments, fields, metadata and actions, and says so', async () => {
    expect(qpdfCheck(after)).toMatch(/No syntax or stream encoding errors/);
    expect(report.removed).toEqual(
      expect.arrayContaining(['form fields', 'JavaScript', 'embedded files', 'open action', 'document metadata (XMP)', 'launch actions', 'additional actions']),
    );
    expect(report.unfixable).toEqual([]);
    const dicts = await dictsOf(after);
    const keys = new Set(dicts.flatMap((d) => d.keys().map((k) => k.decodeText())));
    for (const key of ['Metadata', 'AcroForm', 'Annots', 'OpenAction', 'AA', 'JS', 'EF', 'PieceInfo', 'EmbeddedFiles', 'JavaScript']) expect([key, keys.has(key)]).toEqual([key, false]);
    const kinds = new Set(dicts.map((d) => (d.get(PDFName.of('Subtype')) ?? d.get(PDFName.Type))?.toString()));
    for (const kind of ['/Widget', '/Link', '/FileAttachment', '/EmbeddedFile', '/Annot']) expect([kind, kinds.has(kind)]).toEqual([kind, false]);
    // The bookmark stays, without the program it launched.
    const bookmark = dicts.find((d) => d.lookup(PDFName.of('Title')) instanceof PDFString)!;
    expect([bookmark.lookup(PDFName.of('Title'), PDFString).decodeText(), bookmark.has(PDFName.of('A'))]).toEqual(['Run', false]);
  });

  it('reports a font it cannot stand in for, with the page that uses it', async () => {
    const out = await exportOf([await unknownFontsOriginal()]);
    const result = await cleanForCourt(out);
    expect(result.fontsEmbedded).toEqual(['Helvetica']);
    expect(result.unfixable).toEqual([
      { page: 2, message: expect.stringMatching(/^The font MSGothic is not embedded; it is a CID font/) },
      { page: 2, message: expect.stringMatching(/^The font WeirdFont is not embedded and has no metric-compatible substitute/) },
    ]);
    const file = await save(out, 'unknown.pdf');
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    const fonts = pdffonts(file);
    expect(fonts.filter((f) => f.emb === 'no').map((f) => f.name).sort()).toEqual(['MSGothic', 'WeirdFont']);
  });

  it('knows the standard fonts by the names Windows and Adobe give them, and only those of the same metrics', () => {
    const names = {
      Helvetica: ['Arial', 'ArialMT', 'Arial,Bold', 'Helvetica-Bold', 'Arial-BoldMT', 'Arial,Italic', 'Arial-ItalicMT', 'Arial,BoldItalic', 'Arial-BoldItalicMT'],
      Times: ['TimesNewRoman', 'TimesNewRomanPSMT', 'TimesNewRoman,Bold', 'TimesNewRomanPS-BoldMT', 'TimesNewRoman,Italic', 'TimesNewRomanPS-ItalicMT', 'TimesNewRomanPS-BoldItalicMT'],
      Courier: ['CourierNew', 'CourierNewPSMT', 'CourierNew,Bold', 'CourierNewPS-BoldMT', 'CourierNewPS-ItalicMT', 'Courier New,BoldItalic'],
      others: ['SymbolMT', 'ZapfDingbats', 'Arial-Black', 'ArialNarrow', 'Helvetica-Narrow', 'Wingdings', 'Calibri', 'Times-Roman,Bold'],
    };
    expect(Object.fromEntries(Object.entries(names).map(([k, list]) => [k, list.map(standardFace)]))).toEqual({
      Helvetica: ['Helvetica', 'Helvetica', 'Helvetica-Bold', 'Helvetica-Bold', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-Oblique', 'Helvetica-BoldOblique', 'Helvetica-BoldOblique'],
      Times: ['Times-Roman', 'Times-Roman', 'Times-Bold', 'Times-Bold', 'Times-Italic', 'Times-Italic', 'Times-BoldItalic'],
      Courier: ['Courier', 'Courier', 'Courier-Bold', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique'],
      others: ['Symbol', 'ZapfDingbats', null, null, null, null, null, null],
    });
  });

  it('strips who made a redacted export and when, down to the producer', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setTitle('Privileged memo');
    doc.setAuthor('A. Lawyer');
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream('<x:xmpmeta/>', { Type: 'Metadata', Subtype: 'XML' })));
    stripDocumentMetadata(doc);
    const saved = await PDFDocument.load(await doc.save(), { updateMetadata: false });
    expect([saved.getTitle(), saved.getAuthor(), saved.getCreator(), saved.getCreationDate(), saved.getProducer()]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'Exhibit Desk',
    ]);
    expect(saved.catalog.has(PDFName.of('Metadata'))).toBe(false);
  });
});
