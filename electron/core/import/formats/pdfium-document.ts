// A PDF read by PDFium (Chrome's PDF engine, as WebAssembly): page count, document information and page text, in less
// than half the CPU time of pdf.js's text layout on dense pages. pdf.ts decides which files it reads (plain ones) and
// hands pdf.js whatever this engine cannot open or should not read (encrypted files, right-to-left pages).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PDFiumModule } from '@hyzyla/pdfium';
import { normalizeUnicode } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MARGIN_BAND, type PageFacts } from './pdf-page-facts.ts';

/** The engine's C functions used here, as the WebAssembly module exports them (pointers are numbers). */
interface Engine {
  HEAPU8: Uint8Array;
  wasmExports: {
    malloc(size: number): number;
    free(ptr: number): void;
    FPDF_InitLibrary(): void;
    FPDF_LoadMemDocument(data: number, size: number, password: number): number;
    FPDF_GetPageCount(doc: number): number;
    FPDF_GetPageSizeByIndexF(doc: number, index: number, size: number): number;
    FPDF_GetSecurityHandlerRevision(doc: number): number;
    FPDF_GetMetaText(doc: number, tag: number, buffer: number, length: number): number;
    FPDF_CloseDocument(doc: number): void;
    FPDF_LoadPage(doc: number, index: number): number;
    FPDF_ClosePage(page: number): void;
    FPDF_GetPageBoundingBox(page: number, rect: number): number;
    FPDFText_LoadPage(page: number): number;
    FPDFText_ClosePage(textPage: number): void;
    FPDFText_CountChars(textPage: number): number;
    FPDFText_GetBoundedText(textPage: number, left: number, top: number, right: number, bottom: number, buffer: number, length: number): number;
    FPDFPage_CountObjects(page: number): number;
    FPDFPage_GetObject(page: number, index: number): number;
    FPDFPageObj_GetType(object: number): number;
    FPDFPageObj_GetBounds(object: number, left: number, bottom: number, right: number, top: number): number;
    FPDFFormObj_CountObjects(form: number): number;
    FPDFFormObj_GetObject(form: number, index: number): number;
    FPDF_GetPageWidthF(page: number): number;
    FPDF_GetPageHeightF(page: number): number;
    FPDF_PageToDevice(page: number, startX: number, startY: number, sizeX: number, sizeY: number, rotate: number, pageX: number, pageY: number, deviceX: number, deviceY: number): number;
    FPDFText_GetUnicode(textPage: number, index: number): number;
    FPDFText_GetCharBox(textPage: number, index: number, left: number, right: number, bottom: number, top: number): number;
    FPDFBitmap_Create(width: number, height: number, alpha: number): number;
    FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): void;
    FPDFBitmap_GetBuffer(bitmap: number): number;
    FPDFBitmap_GetStride(bitmap: number): number;
    FPDFBitmap_Destroy(bitmap: number): void;
    FPDFPage_Flatten(page: number, usage: number): number;
    FPDF_RenderPageBitmap(bitmap: number, page: number, startX: number, startY: number, sizeX: number, sizeY: number, rotate: number, flags: number): void;
  };
}

// Beyond this the original is read by pdf.js alone: the engine's memory is a second copy that never shrinks again.
const MAX_ENGINE_BYTES = 128 * 1024 * 1024;
// Text in right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms): pdf.js puts it in
// reading order, which search was built on; this engine orders mixed runs differently, so such pages go to pdf.js.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

let engine: Promise<Engine> | null = null;

function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    // Read from node_modules, never fetched: the package would otherwise look for it beside its script or on the web.
    const wasm = fs.readFileSync(createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm'));
    const e = (await PDFiumModule({ wasmBinary: new Uint8Array(wasm).buffer })) as unknown as Engine;
    e.wasmExports.FPDF_InitLibrary();
    return e;
  })();
  return engine;
}

/** The document-information entries read from a file (ISO 32000-1, 14.3.3). */
export type InfoKey = 'Title' | 'Author' | 'Subject' | 'CreationDate' | 'ModDate';

export interface PdfiumDocument {
  readonly pageCount: number;
  /** Whether the file has a security handler (is encrypted), whatever password opened it. */
  readonly encrypted: boolean;
  /** A document-information entry as text, '' where the file has none. */
  info(key: InfoKey): string;
  /** The text of page `n` (from 1) as pdf.js would give it, or null where pdf.js should read the page itself. */
  pageText(n: number): string | null;
  /** The text of page `n` (null as above) and what the page shows (null when the page cannot be loaded). */
  page(n: number): { text: string | null; facts: PageFacts | null };
  /** Every character of page `n` with its box as fractions of the page as shown; null when the page cannot be read. */
  chars(n: number): PageChars | null;
  /** Page `n` as shown (its /Rotate applied), drawn on white with its annotations as printed; null when it cannot be. */
  render(n: number, dpi: number, maxPixels: number, reuse?: PixelBuffer): RenderedPage | null;
  close(): void;
}

/** A page's characters in the engine's reading order (spaces and line breaks it infers included, with empty boxes). */
export interface PageChars {
  /** The page as shown, in points. */
  width: number;
  height: number;
  text: string;
  /** For each UTF-16 unit of `text`: [x0, y0, x1, y1] as fractions of the page as shown, from its top-left; null for none. */
  boxes: ([number, number, number, number] | null)[];
}

export interface RenderedPage {
  width: number;
  height: number;
  /** RGBA, row after row. */
  rgba: Uint8Array;
  /** The page as shown, in points. */
  widthPt: number;
  heightPt: number;
}

/**
 * Memory to draw pages into, handed back from one render to the next by a caller that draws many (a production): a
 * fresh array a page is zero-filled by the system on first touch, which at 300 dpi costs more than the drawing itself.
 * A page drawn into it is valid until the next render with the same buffer.
 */
export interface PixelBuffer {
  bytes: Uint8Array | null;
}

/** Opens the bytes (with a password where one is given); null when the engine cannot, for whatever reason. */
export async function openPdfium(bytes: Uint8Array, password?: string): Promise<PdfiumDocument | null> {
  if (bytes.length > MAX_ENGINE_BYTES) return null;
  let e: Engine;
  try {
    e = await loadEngine();
  } catch {
    engine = null;
    return null;
  }
  const loaded = engine;
  return guarded(() => openDocument(e, bytes, password, () => engine === loaded), null);
}

function openDocument(e: Engine, bytes: Uint8Array, password: string | undefined, intact: () => boolean): PdfiumDocument | null {
  const x = e.wasmExports;
  const data = alloc(e, bytes.length);
  e.HEAPU8.set(bytes, data);
  const secret = password ? cString(e, password) : 0;
  const doc = x.FPDF_LoadMemDocument(data, bytes.length, secret);
  if (secret) x.free(secret);
  const pageCount = doc ? x.FPDF_GetPageCount(doc) : 0;
  // A count the page tree does not bear out (its last page missing) is left to pdf.js, which counts the tree itself.
  if (!doc || (pageCount > 0 && !pageExists(e, doc, pageCount - 1))) {
    if (doc) x.FPDF_CloseDocument(doc);
    x.free(data);
    return null;
  }
  let open = true;
  return {
    pageCount,
    encrypted: x.FPDF_GetSecurityHandlerRevision(doc) !== -1,
    info: (key) => (open ? guarded(() => infoText(e, doc, key), '') : ''),
    pageText: (n) => (open ? guarded(() => readPage(e, doc, n - 1, false).text, null) : null),
    page: (n) => (open ? guarded(() => readPage(e, doc, n - 1, true), NOTHING) : NOTHING),
    chars: (n) => (open ? guarded(() => pageChars(e, doc, n - 1), null) : null),
    render: (n, dpi, maxPixels, reuse) => (open ? guarded(() => renderPage(e, doc, n - 1, dpi, maxPixels, reuse), null) : null),
    close() {
      if (!open) return;
      open = false;
      // After a fault the engine is discarded whole; its memory is not touched again.
      if (!intact()) return;
      x.FPDF_CloseDocument(doc);
      x.free(data);
    },
  };
}

function pageExists(e: Engine, doc: number, index: number): boolean {
  const size = alloc(e, 8); // FS_SIZEF
  try {
    return e.wasmExports.FPDF_GetPageSizeByIndexF(doc, index, size) !== 0;
  } finally {
    e.wasmExports.free(size);
  }
}

function infoText(e: Engine, doc: number, key: InfoKey): string {
  const x = e.wasmExports;
  const tag = cString(e, key);
  try {
    const size = x.FPDF_GetMetaText(doc, tag, 0, 0); // bytes of UTF-16LE, with the closing NUL
    if (size <= 2) return '';
    const buffer = alloc(e, size);
    try {
      x.FPDF_GetMetaText(doc, tag, buffer, size);
      return Buffer.from(e.HEAPU8.buffer, buffer, size - 2).toString('utf16le');
    } finally {
      x.free(buffer);
    }
  } finally {
    x.free(tag);
  }
}

const NOTHING = { text: null, facts: null };

function readPage(e: Engine, doc: number, index: number, withFacts: boolean): { text: string | null; facts: PageFacts | null } {
  const x = e.wasmExports;
  const page = x.FPDF_LoadPage(doc, index);
  if (!page) return NOTHING;
  const textPage = x.FPDFText_LoadPage(page);
  try {
    if (!textPage) return NOTHING;
    const text = visibleText(e, page, textPage);
    const facts = withFacts ? pageFacts(e, page, textPage) : null;
    return { text: text === null || RIGHT_TO_LEFT.test(text) ? null : tidy(text), facts };
  } finally {
    if (textPage) x.FPDFText_ClosePage(textPage);
    x.FPDF_ClosePage(page);
  }
}

// Device space as large as this makes the engine's integer device coordinates fractions to five places.
const FINE = 100_000;

const FLAT_PRINT = 1;
const FLATTEN_SUCCESS = 1;

/**
 * The page with its annotations and form fields as printed made part of its content (in this engine's copy of the
 * document only), so that a form's values are drawn, and read, like the rest of the page.
 */
function loadFlattened(e: Engine, doc: number, index: number): number {
  const x = e.wasmExports;
  const page = x.FPDF_LoadPage(doc, index);
  if (!page || x.FPDFPage_Flatten(page, FLAT_PRINT) !== FLATTEN_SUCCESS) return page;
  // The engine reads the new content only on a fresh load.
  x.FPDF_ClosePage(page);
  return x.FPDF_LoadPage(doc, index);
}

function pageChars(e: Engine, doc: number, index: number): PageChars | null {
  const x = e.wasmExports;
  const page = loadFlattened(e, doc, index);
  if (!page) return null;
  const textPage = x.FPDFText_LoadPage(page);
  const scratch = alloc(e, 48);
  try {
    if (!textPage) return null;
    const width = x.FPDF_GetPageWidthF(page);
    const height = x.FPDF_GetPageHeightF(page);
    if (!(width > 0 && height > 0)) return null;
    const toShown = (px: number, py: number): [number, number] => {
      x.FPDF_PageToDevice(page, 0, 0, FINE, FINE, 0, px, py, scratch + 32, scratch + 36);
      const [dx, dy] = new Int32Array(e.HEAPU8.buffer, scratch + 32, 2);
      return [dx! / FINE, dy! / FINE];
    };
    const count = x.FPDFText_CountChars(textPage);
    let text = '';
    const boxes: PageChars['boxes'] = [];
    for (let i = 0; i < count; i++) {
      const code = x.FPDFText_GetUnicode(textPage, i);
      const ch = code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
      let box: [number, number, number, number] | null = null;
      if (x.FPDFText_GetCharBox(textPage, i, scratch, scratch + 8, scratch + 16, scratch + 24)) {
        const [left, right, bottom, top] = new Float64Array(e.HEAPU8.buffer, scratch, 4) as unknown as number[];
        if (right! > left! || top! > bottom!) {
          const [ax, ay] = toShown(left!, top!);
          const [bx, by] = toShown(right!, bottom!);
          box = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
        }
      }
      text += ch;
      for (let u = 0; u < ch.length; u++) boxes.push(box);
    }
    return { width, height, text, boxes };
  } finally {
    x.free(scratch);
    if (textPage) x.FPDFText_ClosePage(textPage);
    x.FPDF_ClosePage(page);
  }
}

// FPDF_ANNOT (annotations' appearances), FPDF_REVERSE_BYTE_ORDER (RGBA, not BGRA), FPDF_PRINTING (as printed).
const RENDER_FLAGS = 0x01 | 0x10 | 0x800;

function renderPage(e: Engine, doc: number, index: number, dpi: number, maxPixels: number, reuse?: PixelBuffer): RenderedPage | null {
  const x = e.wasmExports;
  const page = loadFlattened(e, doc, index);
  if (!page) return null;
  let bitmap = 0;
  try {
    const widthPt = x.FPDF_GetPageWidthF(page);
    const heightPt = x.FPDF_GetPageHeightF(page);
    if (!(widthPt > 0 && heightPt > 0)) return null;
    const scale = Math.min(dpi / 72, Math.sqrt(maxPixels / (widthPt * heightPt)));
    const width = Math.max(1, Math.round(widthPt * scale));
    const height = Math.max(1, Math.round(heightPt * scale));
    bitmap = x.FPDFBitmap_Create(width, height, 0);
    if (!bitmap) return null;
    x.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
    x.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_FLAGS);
    const stride = x.FPDFBitmap_GetStride(bitmap);
    const buffer = x.FPDFBitmap_GetBuffer(bitmap);
    const size = width * height * 4;
    if (reuse && (reuse.bytes?.length ?? 0) < size) reuse.bytes = new Uint8Array(size);
    const rgba = reuse ? reuse.bytes!.subarray(0, size) : new Uint8Array(size);
    for (let row = 0; row < height; row++) rgba.set(e.HEAPU8.subarray(buffer + row * stride, buffer + row * stride + width * 4), row * width * 4);
    for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255; // no alpha was asked for: the fourth byte is unused
    return { width, height, rgba, widthPt, heightPt };
  } finally {
    if (bitmap) x.FPDFBitmap_Destroy(bitmap);
    x.FPDF_ClosePage(page);
  }
}

/** Only what lies on the page (crop box within media box): pdf.js leaves out text drawn beyond its edges, and so must this. */
function visibleText(e: Engine, page: number, textPage: number): string | null {
  const x = e.wasmExports;
  const rect = alloc(e, 16);
  try {
    if (!x.FPDF_GetPageBoundingBox(page, rect)) return null;
    const [left, top, right, bottom] = new Float32Array(e.HEAPU8.buffer, rect, 4); // FS_RECTF
    return boundedText(e, textPage, left!, top!, right!, bottom!);
  } finally {
    x.free(rect);
  }
}

/**
 * What a reader sees on the page: how much of it pictures cover, and how much text lies inside the margin bands. Pictures
 * inside a form XObject count by the form's box; overlapping pictures count once (a grid of cells over the page).
 */
function pageFacts(e: Engine, page: number, textPage: number): PageFacts | null {
  const x = e.wasmExports;
  const rect = alloc(e, 16);
  try {
    if (!x.FPDF_GetPageBoundingBox(page, rect)) return null;
    const [left, top, right, bottom] = Array.from(new Float32Array(e.HEAPU8.buffer, rect, 4)) as [number, number, number, number];
    const width = right - left;
    const height = top - bottom;
    if (!(width > 0 && height > 0)) return null;
    // The body: the page less a band on every side, since a page turned by /Rotate has its header on a side edge.
    const bx = width * MARGIN_BAND;
    const by = height * MARGIN_BAND;
    const body = boundedText(e, textPage, left + bx, top - by, right - bx, bottom + by);
    const covered = new Uint8Array(GRID * GRID);
    for (let i = 0, n = x.FPDFPage_CountObjects(page); i < n; i++) {
      const object = x.FPDFPage_GetObject(page, i);
      if (!showsPicture(e, object, 0) || !x.FPDFPageObj_GetBounds(object, rect, rect + 4, rect + 8, rect + 12)) continue;
      const [l, b, r, t] = Array.from(new Float32Array(e.HEAPU8.buffer, rect, 4)) as [number, number, number, number];
      for (let row = 0; row < GRID; row++) {
        const y = bottom + ((row + 0.5) / GRID) * height;
        if (y < b || y > t) continue;
        for (let col = 0; col < GRID; col++) {
          const cx = left + ((col + 0.5) / GRID) * width;
          if (cx >= l && cx <= r) covered[row * GRID + col] = 1;
        }
      }
    }
    const cells = covered.reduce((sum, c) => sum + c, 0);
    return { imageCover: Math.round((cells / covered.length) * 1000) / 1000, bodyChars: body === null ? 0 : body.replace(/\s/g, '').length };
  } finally {
    x.free(rect);
  }
}

const GRID = 32;
const IMAGE_OBJECT = 3;
const FORM_OBJECT = 5;

function showsPicture(e: Engine, object: number, depth: number): boolean {
  const x = e.wasmExports;
  const type = x.FPDFPageObj_GetType(object);
  if (type === IMAGE_OBJECT) return true;
  if (type !== FORM_OBJECT || depth >= 4) return false;
  for (let i = 0, n = x.FPDFFormObj_CountObjects(object); i < n; i++) if (showsPicture(e, x.FPDFFormObj_GetObject(object, i), depth + 1)) return true;
  return false;
}

function boundedText(e: Engine, textPage: number, left: number, top: number, right: number, bottom: number): string | null {
  const x = e.wasmExports;
  // One pass, not a measuring pass and a copying one (each costs as much). The text of a rectangle is the page's
  // characters (two UTF-16 units at most) with at most a line break before each, and a closing NUL: four units per
  // character and two more always hold it, so a full buffer means something else is wrong.
  const room = 4 * Math.max(0, x.FPDFText_CountChars(textPage)) + 2;
  const buffer = alloc(e, room * 2);
  try {
    const written = x.FPDFText_GetBoundedText(textPage, left, top, right, bottom, buffer, room);
    if (written >= room) return null;
    // What is written ends with the NUL.
    return Buffer.from(e.HEAPU8.buffer, buffer, Math.max(0, written - 1) * 2).toString('utf16le');
  } finally {
    x.free(buffer);
  }
}

/**
 * As pdf.ts shapes pdf.js's text: lines joined by \n, pdf.js's Unicode normalisation, no trailing blanks. PDFium marks
 * a hyphen that ends a line with U+0002 and joins the lines; pdf.js keeps both the hyphen and the line break.
 */
function tidy(text: string): string {
  return normalizeUnicode(text.replace(/\u0002(\r\n)?/g, '-\n').replace(/\r\n?/g, '\n'))
    .replace(/[ \t]+\n/g, '\n')
    .trimEnd();
}

/** Memory in the engine; when it has none left, the fault drops the engine (see `guarded`). */
function alloc(e: Engine, bytes: number): number {
  const ptr = e.wasmExports.malloc(bytes);
  if (!ptr) throw new Error('PDFium is out of memory');
  return ptr;
}

/** A NUL-terminated copy in the engine's memory. */
function cString(e: Engine, value: string): number {
  const bytes = Buffer.from(`${value}\0`, 'utf8');
  const ptr = alloc(e, bytes.length);
  e.HEAPU8.set(bytes, ptr);
  return ptr;
}

/** A fault inside the engine (a trap, an abort, memory exhausted) leaves its state unknown: it is dropped and reloaded. */
function guarded<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    engine = null;
    return fallback;
  }
}
