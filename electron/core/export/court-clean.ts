// The last pass over an export before it is saved, so that court e-filing (CM/ECF) takes it: every font embedded,
// annotations drawn into their pages, and scripts, attachments, form fields and XMP metadata taken out.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
  type PDFOperator,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { embedMissingFonts, isFontDict, type SharedFonts } from './font-substitutes.ts';
import { transformBox, type Box, type Matrix } from './page-geometry.ts';

export interface CourtCleanReport {
  /** BaseFont names that were given an embedded font program. */
  fontsEmbedded: string[];
  /** Annotations whose appearance was drawn into the page content. */
  annotationsFlattened: number;
  /** What was stripped, in words. */
  removed: string[];
  /** What could not be made acceptable: 1-based export page (null when no page uses it), and why. */
  unfixable: { page: number | null; message: string }[];
}

const REMOVED = {
  fields: 'form fields',
  annotations: 'annotations that do not print (links, pop-ups, attachments)',
  javascript: 'JavaScript',
  launch: 'launch actions',
  files: 'embedded files',
  openAction: 'open action',
  actions: 'additional actions',
  xmp: 'document metadata (XMP)',
  pieceInfo: 'application data (PieceInfo)',
} as const;
type Removed = Set<string>;

/** Names this module reads and writes, made once (PDFName.of parses its argument on every call). */
function pdfNames<T extends string>(...keys: T[]): Record<T, PDFName> {
  return Object.fromEntries(keys.map((k) => [k, PDFName.of(k)])) as Record<T, PDFName>;
}
const K = pdfNames('Subtype', 'F', 'AP', 'N', 'AS', 'Rect', 'BBox', 'Matrix', 'XObject', 'Form', 'AcroForm', 'Names', 'JavaScript',
  'EmbeddedFiles', 'OpenAction', 'Collection', 'AA', 'Metadata', 'PieceInfo', 'EF', 'AF', 'JS', 'S', 'Font', 'Pattern',
  'DescendantFonts');
const nameOf = (value: PDFObject | undefined): string | null => (value instanceof PDFName ? value.decodeText() : null);

/**
 * Makes `doc` fit for filing, in place; the caller saves it straight after. Pending embeds are written first so this
 * pass sees them, and objects nothing refers to any more are deleted (pdf-lib would save them all), so nothing may be
 * drawn or added afterwards.
 */
export async function cleanForCourt(doc: PDFDocument): Promise<CourtCleanReport> {
  await doc.flush();
  const removed: Removed = new Set();
  const annotationsFlattened = flattenAnnotations(doc, removed);
  stripCatalog(doc, removed);
  const fonts = sweep(doc.context, removed);
  const { embedded, unembeddable } = embedMissingFonts(doc.context, fonts);
  return { fontsEmbedded: embedded, annotationsFlattened, removed: [...removed], unfixable: whereUsed(doc, unembeddable) };
}

/** What a file written page by page keeps between drafts: the font programs already written, what was removed. */
export interface CourtCleanState {
  fonts: SharedFonts;
  removed: Removed;
  fontsEmbedded: Set<string>;
  annotationsFlattened: number;
}

export function courtCleanState(): CourtCleanState {
  return { fonts: new Map(), removed: new Set(), fontsEmbedded: new Set(), annotationsFlattened: 0 };
}

/**
 * The same pass for pages of a file written as it is built (Volume): only these pages and what they refer to, before
 * they are written. Font programs are shared with the pages cleaned before them; nothing is deleted, since the file's
 * catalog is written last; fonts that cannot be embedded are left for the preflight the export runs on the file.
 */
export function cleanPagesForCourt(pages: PDFPage[], state: CourtCleanState): void {
  const context = pages[0]?.doc.context;
  if (!context) return;
  state.annotationsFlattened += flattenPages(context, pages, state.removed);
  const fonts = sweepFrom(context, pages.map((p) => p.ref), state.removed);
  for (const name of embedMissingFonts(context, fonts, state.fonts).embedded) state.fontsEmbedded.add(name);
}

/** For exports that carry redactions: who made the file and when, its title, subject and XMP are left out. */
export function stripDocumentMetadata(doc: PDFDocument): void {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof PDFDict) for (const key of info.keys()) if (key !== PDFName.Producer) info.delete(key);
  doc.setProducer('Exhibit Desk');
  doc.catalog.delete(K.Metadata);
}

// ── Annotations ──────────────────────────────────────────────────────────────────────────────────────────────────

const PRINT = 4;
const HIDDEN = 2;
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function numbers(context: PDFContext, value: PDFObject | undefined): number[] {
  const array = context.lookup(value);
  if (!(array instanceof PDFArray)) return [];
  return array.asArray().map((v) => {
    const n = context.lookup(v);
    return n instanceof PDFNumber ? n.asNumber() : NaN;
  });
}

function asBox(n: number[]): Box | null {
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
  return { x0: Math.min(n[0]!, n[2]!), y0: Math.min(n[1]!, n[3]!), x1: Math.max(n[0]!, n[2]!), y1: Math.max(n[1]!, n[3]!) };
}

/** Draws what each annotation prints into its page, then drops every annotation; the form goes with them. */
function flattenAnnotations(doc: PDFDocument, removed: Removed): number {
  return flattenPages(doc.context, doc.getPages(), removed);
}

function flattenPages(context: PDFContext, pages: PDFPage[], removed: Removed): number {
  let flattened = 0;
  for (const page of pages) {
    const annots = page.node.lookup(PDFName.Annots);
    const drawn: PDFOperator[] = [];
    for (const entry of annots instanceof PDFArray ? annots.asArray() : []) {
      const annot = context.lookup(entry);
      if (!(annot instanceof PDFDict)) continue;
      if (nameOf(annot.get(K.Subtype)) === 'Widget') removed.add(REMOVED.fields);
      const shown = printedAppearance(context, annot);
      if (!shown) {
        removed.add(REMOVED.annotations);
        continue;
      }
      const key = page.node.newXObject('Annotation', shown.ref);
      drawn.push(pushGraphicsState(), concatTransformationMatrix(...shown.matrix), drawObject(key), popGraphicsState());
      flattened++;
    }
    if (drawn.length > 0) appendContent(page, drawn);
    page.node.delete(PDFName.Annots);
    // Gone from the file too (a file written page by page is not swept): readers and preflight look at every object.
    for (const entry of annots instanceof PDFArray ? annots.asArray() : []) if (entry instanceof PDFRef) context.delete(entry);
  }
  return flattened;
}

/**
 * The normal appearance an annotation prints, and where (PDF 32000-1 §12.5.5): its BBox carried through its Matrix,
 * then fitted onto the annotation's Rect. Widgets print their value even without the Print flag.
 */
function printedAppearance(context: PDFContext, annot: PDFDict): { ref: PDFRef; matrix: Matrix } | null {
  const flags = annot.lookup(K.F);
  const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
  if (f & HIDDEN || !(f & PRINT || nameOf(annot.get(K.Subtype)) === 'Widget')) return null;
  const appearances = annot.lookup(K.AP);
  if (!(appearances instanceof PDFDict)) return null;
  let normal = appearances.get(K.N);
  const states = context.lookup(normal);
  if (states instanceof PDFDict) {
    const state = annot.get(K.AS);
    normal = state instanceof PDFName ? states.get(state) : undefined;
  }
  const stream = context.lookup(normal);
  if (!(normal instanceof PDFRef) || !(stream instanceof PDFStream)) return null;
  const rect = asBox(numbers(context, annot.get(K.Rect)));
  const bbox = asBox(numbers(context, stream.dict.get(K.BBox)));
  if (!rect || !bbox || rect.x1 - rect.x0 < 1e-6 || rect.y1 - rect.y0 < 1e-6) return null;
  const m = numbers(context, stream.dict.get(K.Matrix));
  const box = transformBox(m.length === 6 && m.every(Number.isFinite) ? (m as Matrix) : IDENTITY, bbox);
  if (box.x1 - box.x0 < 1e-6 || box.y1 - box.y0 < 1e-6) return null;
  const sx = (rect.x1 - rect.x0) / (box.x1 - box.x0);
  const sy = (rect.y1 - rect.y0) / (box.y1 - box.y0);
  // Appearance streams are form XObjects, but some writers leave out the entries that say so.
  stream.dict.set(PDFName.Type, K.XObject);
  stream.dict.set(K.Subtype, K.Form);
  return { ref: normal, matrix: [sx, 0, 0, sy, rect.x0 - box.x0 * sx, rect.y0 - box.y0 * sy] };
}

/** Appends drawing to a page, after wrapping what is there in q … Q so a state it leaves behind cannot move it. */
function appendContent(page: PDFPage, operators: PDFOperator[]): void {
  const { context } = page.doc;
  const contents = page.node.get(PDFName.Contents);
  const resolved = context.lookup(contents);
  const existing = resolved instanceof PDFArray ? resolved.asArray() : contents ? [contents] : [];
  const own = context.register(context.contentStream(operators));
  const wrapped = existing.length > 0 ? [context.getPushGraphicsStateContentStream(), ...existing, context.getPopGraphicsStateContentStream()] : [];
  page.node.set(PDFName.Contents, context.obj([...wrapped, own]));
}

// ── Scripts, attachments, metadata ───────────────────────────────────────────────────────────────────────────────

function stripCatalog(doc: PDFDocument, removed: Removed): void {
  const { catalog, context } = doc;
  if (catalog.has(K.AcroForm)) removed.add(REMOVED.fields);
  catalog.delete(K.AcroForm);
  const names = catalog.lookup(K.Names);
  if (names instanceof PDFDict) {
    if (names.has(K.JavaScript)) removed.add(REMOVED.javascript);
    if (names.has(K.EmbeddedFiles)) removed.add(REMOVED.files);
    names.delete(K.JavaScript);
    names.delete(K.EmbeddedFiles);
    if (names.keys().length === 0) catalog.delete(K.Names);
  }
  const open = catalog.get(K.OpenAction);
  if (open !== undefined) {
    const label = unwanted(context.lookup(open));
    if (label) removed.add(label);
    removed.add(REMOVED.openAction);
    catalog.delete(K.OpenAction);
  }
  // A portfolio's layout; its files are in the EmbeddedFiles tree.
  catalog.delete(K.Collection);
}

/** Entries taken out of any dictionary that has them. */
const STRIPPED_KEYS: [PDFName, string][] = [
  [K.AA, REMOVED.actions],
  [K.Metadata, REMOVED.xmp],
  [K.PieceInfo, REMOVED.pieceInfo],
  [K.EF, REMOVED.files],
  [K.AF, REMOVED.files],
  [K.JS, REMOVED.javascript],
];

/** Why an object is cut out wherever it is referred to, or null to keep it. */
function unwanted(object: PDFObject | undefined): string | null {
  const dict = object instanceof PDFStream ? object.dict : object;
  if (!(dict instanceof PDFDict)) return null;
  const s = nameOf(dict.get(K.S));
  if (s === 'JavaScript') return REMOVED.javascript;
  if (s === 'Launch') return REMOVED.launch;
  const kind = nameOf(dict.get(K.Subtype)) ?? nameOf(dict.get(PDFName.Type));
  if (kind === 'Widget') return REMOVED.fields;
  if (kind === 'FileAttachment' || kind === 'EmbeddedFile') return REMOVED.files;
  return null;
}

/**
 * One walk over everything the file still refers to: strips what courts refuse on the way (cutting scripts and
 * attachments out of whatever refers to them) and collects the fonts; then every object left unreached is deleted.
 */
function sweep(context: PDFContext, removed: Removed): Set<PDFDict> {
  const { Root, Info, Encrypt } = context.trailerInfo;
  const { fonts, reached } = walk(context, [Root, Info, Encrypt].filter((o): o is PDFObject => o !== undefined), removed);
  // Only a whole document is swept: without a catalog to start from, everything would look unreached.
  if (context.lookup(Root) instanceof PDFDict) {
    for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
  }
  return fonts;
}

/** The walk alone, from some pages: nothing unreached is deleted. */
function sweepFrom(context: PDFContext, roots: PDFObject[], removed: Removed): Set<PDFDict> {
  return walk(context, roots, removed).fonts;
}

function walk(context: PDFContext, roots: PDFObject[], removed: Removed): { fonts: Set<PDFDict>; reached: Set<PDFRef> } {
  const reached = new Set<PDFRef>();
  const fonts = new Set<PDFDict>();
  const stack: PDFObject[] = [...roots];
  const keep = (value: PDFObject): boolean => {
    const label = unwanted(value instanceof PDFRef ? context.lookup(value) : value);
    if (label) removed.add(label);
    return label === null;
  };
  while (stack.length > 0) {
    let object: PDFObject | undefined = stack.pop()!;
    if (object instanceof PDFRef) {
      if (reached.has(object)) continue;
      reached.add(object);
      object = context.lookup(object);
    }
    const dict = object instanceof PDFStream ? object.dict : object;
    if (dict instanceof PDFDict) {
      for (const [key, label] of STRIPPED_KEYS) {
        if (!dict.has(key)) continue;
        removed.add(label);
        dict.delete(key);
      }
      if (isFontDict(dict)) fonts.add(dict);
      for (const [key, value] of dict.entries()) {
        if (!keep(value)) dict.delete(key);
        else if (value instanceof PDFRef || value instanceof PDFDict || value instanceof PDFArray) stack.push(value);
      }
    } else if (object instanceof PDFArray) {
      for (let i = object.size() - 1; i >= 0; i--) {
        const value = object.get(i);
        if (!keep(value)) object.remove(i);
        else if (value instanceof PDFRef || value instanceof PDFDict || value instanceof PDFArray) stack.push(value);
      }
    }
  }
  return { fonts, reached };
}

// ── Fonts left unembedded ────────────────────────────────────────────────────────────────────────────────────────

/** Each font that stays unembedded, on each page whose resources reach it (directly, or through forms and patterns). */
function whereUsed(doc: PDFDocument, fonts: Map<PDFDict, string>): CourtCleanReport['unfixable'] {
  if (fonts.size === 0) return [];
  const { context } = doc;
  const dictAt = (value: PDFObject | undefined) => {
    const object = context.lookup(value);
    return object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
  };
  const valuesOf = (value: PDFObject | undefined) => (dictAt(value)?.values() ?? []).map(dictAt).filter((d) => d !== null);
  const memo = new Map<PDFDict, Set<PDFDict>>();
  const reach = (resources: PDFObject | undefined): Set<PDFDict> => {
    const dict = dictAt(resources);
    if (!dict) return new Set();
    let found = memo.get(dict);
    if (found) return found;
    memo.set(dict, (found = new Set())); // before descending: a form that draws itself sees what is found so far
    for (const font of valuesOf(dict.get(K.Font))) {
      const descendants = font.lookup(K.DescendantFonts);
      for (const f of [font, ...(descendants instanceof PDFArray ? descendants.asArray().map(dictAt) : [])]) if (f && fonts.has(f)) found.add(f);
      for (const f of reach(font.get(PDFName.Resources))) found.add(f); // a Type 3 font's glyphs
    }
    for (const key of [K.XObject, K.Pattern]) {
      for (const object of valuesOf(dict.get(key))) for (const f of reach(object.get(PDFName.Resources))) found.add(f);
    }
    return found;
  };
  const pages = new Map<PDFDict, number[]>();
  doc.getPages().forEach((page, i) => {
    for (const font of reach(page.node.Resources())) pages.set(font, [...(pages.get(font) ?? []), i + 1]);
  });
  const entries = [...fonts].flatMap(([font, name]) => {
    const message = nameOf(font.get(K.Subtype))?.startsWith('CIDFont')
      ? `The font ${name} is not embedded; it is a CID font (often Asian or Unicode text), which cannot be substituted. Embed it in the original (print it to PDF) before filing.`
      : `The font ${name} is not embedded and has no metric-compatible substitute; the court may see other letters or none. Embed it in the original (print it to PDF) before filing.`;
    return (pages.get(font) ?? [null]).map((page) => ({ page, message }));
  });
  return entries.sort((a, b) => (a.page ?? Infinity) - (b.page ?? Infinity) || a.message.localeCompare(b.message));
}
