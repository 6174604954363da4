// Places a page of an original PDF on an export page: its content becomes a form XObject scaled into the area
// between the stamp bands (so stamps cover nothing and its text stays text), its annotations move with it.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFRawStream,
  PDFRef,
  PDFStream,
  concatTransformationMatrix,
  decodePDFRawStream,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { fitsPage, type PageSize } from '../../../shared/court-profiles.ts';
import { apply, compose, invert, pageView, stampBand, transformBox, type Box, type Matrix, type PageView } from './page-geometry.ts';

/** Annotations that only act (links, pop-ups) print nothing and point into the original; they are left out. */
const SKIPPED_ANNOTATIONS = new Set(['Link', 'Popup']);
/** Entries that tie an annotation to other pages, form fields or actions of the original. */
const DETACHED_ENTRIES = ['P', 'Parent', 'Dest', 'A', 'AA', 'Popup', 'IRT', 'StructParent'];
const KEPT_PAGE_ENTRIES = ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'UserUnit', 'Group'];
const INHERITED = new Set(['MediaBox', 'CropBox', 'Rotate']);

export interface OriginalSource {
  doc: PDFDocument;
  /** One copier per original, so that resources its pages share are copied once. */
  copier: PDFObjectCopier;
}

export function originalSource(out: PDFDocument, doc: PDFDocument): OriginalSource {
  return { doc, copier: PDFObjectCopier.for(doc.context, out.context) };
}

export interface PlacedOriginalPage {
  page: PDFPage;
  view: PageView;
  /** The original page as seen upright (origin bottom left), and the matrix that carries it onto the export page. */
  original: { width: number; height: number; toPage: Matrix };
}

/**
 * The export page for page `index` of the original, and how it is shown (for the stamps). A page larger than `fitTo`
 * (a court's page size) is scaled onto a page of that size instead, turned the way the original is shown.
 */
export function placeOriginalPage(
  out: PDFDocument,
  source: OriginalSource,
  index: number,
  fitTo: PageSize | null = null,
): PlacedOriginalPage {
  const leaf = source.doc.getPage(index).node;
  const src = source.doc.context;
  const page = PDFPage.create(out);
  for (const key of KEPT_PAGE_ENTRIES) {
    const name = PDFName.of(key);
    const value = src.lookup(INHERITED.has(key) ? leaf.getInheritableAttribute(name) : leaf.get(name));
    if (value !== undefined) page.node.set(name, source.copier.copy(value));
  }
  const shown = pageView(visibleBox(page), page.getRotation().angle);
  const fitted = fitTo && !fitsPage(shown.width, shown.height, fitTo) ? fitOnto(page, shown, fitTo) : null;
  const view = fitted?.view ?? shown;
  const band = stampBand(view.height);
  const scale = (view.height - 2 * band) / view.height;
  // Shrunk about the view's origin, centred across, set on the bottom band; then back into the page's own space.
  const shrink: Matrix = [scale, 0, 0, scale, (view.width * (1 - scale)) / 2, band];
  const content = compose(compose(compose(shown.toView, fitted?.scale ?? IDENTITY), shrink), invert(view.toView));

  const resources = leaf.getInheritableAttribute(PDFName.of('Resources'));
  const form = contentForm(out.context, source, leaf.Contents(), resources, shown.box, leaf.get(PDFName.of('Group')));
  if (form) {
    const name = page.node.newXObject('Original', out.context.register(form));
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...content), drawObject(name), popGraphicsState());
  }
  const annots = movedAnnotations(out.context, source, leaf.Annots(), content);
  if (annots.length > 0) page.node.set(PDFName.Annots, out.context.obj(annots));
  return { page, view, original: { width: shown.width, height: shown.height, toPage: compose(invert(shown.toView), content) } };
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * An export page for a picture of an original page as shown (upright, `width` × `height` points): placed exactly where
 * `placeOriginalPage` would put the page itself, so stamps, fitting to a court's size and text layers are the same.
 */
export function placeRenderedPage(out: PDFDocument, image: PDFRef, width: number, height: number, fitTo: PageSize | null = null): PlacedOriginalPage {
  const page = PDFPage.create(out);
  page.setSize(width, height);
  const shown = pageView({ x0: 0, y0: 0, x1: width, y1: height }, 0);
  const fitted = fitTo && !fitsPage(width, height, fitTo) ? fitOnto(page, shown, fitTo) : null;
  const view = fitted?.view ?? shown;
  const band = stampBand(view.height);
  const scale = (view.height - 2 * band) / view.height;
  const shrink: Matrix = [scale, 0, 0, scale, (view.width * (1 - scale)) / 2, band];
  const content = compose(compose(fitted?.scale ?? IDENTITY, shrink), invert(view.toView));
  const name = page.node.newXObject('Rendered', image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...compose([width, 0, 0, height, 0, 0], content)), drawObject(name), popGraphicsState());
  return { page, view, original: { width, height, toPage: content } };
}

/** Gives the page the court's size (upright, in the original's orientation) and the matrix that scales the original
 * as shown onto it, centred. */
function fitOnto(page: PDFPage, shown: PageView, size: PageSize): { view: PageView; scale: Matrix } {
  const landscape = shown.width > shown.height;
  const [short, long] = size.width <= size.height ? [size.width, size.height] : [size.height, size.width];
  const [width, height] = landscape ? [long, short] : [short, long];
  for (const key of KEPT_PAGE_ENTRIES) if (key !== 'Group') page.node.delete(PDFName.of(key));
  page.node.set(PDFName.MediaBox, page.doc.context.obj([0, 0, width, height]));
  const s = Math.min(width / shown.width, height / shown.height);
  const scale: Matrix = [s, 0, 0, s, (width - shown.width * s) / 2, (height - shown.height * s) / 2];
  return { view: pageView({ x0: 0, y0: 0, x1: width, y1: height }, 0), scale };
}

function numbers(context: PDFContext, value: PDFObject | undefined): number[] {
  const array = value instanceof PDFRef ? context.lookup(value) : value;
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

/** The crop box clipped to the media box; a page without a usable media box is taken as US Letter, as viewers do. */
function visibleBox(page: PDFPage): Box {
  const { context } = page.doc;
  const media = asBox(numbers(context, page.node.get(PDFName.MediaBox))) ?? { x0: 0, y0: 0, x1: 612, y1: 792 };
  const crop = asBox(numbers(context, page.node.get(PDFName.of('CropBox')))) ?? media;
  const box = { x0: Math.max(media.x0, crop.x0), y0: Math.max(media.y0, crop.y0), x1: Math.min(media.x1, crop.x1), y1: Math.min(media.y1, crop.y1) };
  return box.x1 - box.x0 >= 1 && box.y1 - box.y0 >= 1 ? box : media;
}

/**
 * The page's content as a form XObject. A single content stream is reused as it is, still compressed; several are
 * decoded and joined (a stream may end in the middle of an instruction). A form keeps the original's graphics state
 * to itself, so an original that leaves its q/Q unbalanced cannot upset the stamps drawn after it.
 */
function contentForm(
  out: PDFContext,
  source: OriginalSource,
  contents: PDFStream | PDFArray | undefined,
  resources: PDFObject | undefined,
  box: Box,
  group: PDFObject | undefined,
): PDFStream | null {
  const src = source.doc.context;
  const streams = (contents instanceof PDFArray ? contents.asArray().map((r) => src.lookup(r)) : [contents]).filter(
    (s): s is PDFRawStream => s instanceof PDFRawStream,
  );
  if (streams.length === 0) return null;
  const dict: Record<string, PDFObject> = {
    Type: PDFName.of('XObject'),
    Subtype: PDFName.of('Form'),
    BBox: out.obj([box.x0, box.y0, box.x1, box.y1]),
    Resources: resources === undefined ? out.obj({}) : source.copier.copy(resources),
  };
  if (group !== undefined) dict.Group = source.copier.copy(group);
  if (streams.length === 1) {
    const only = streams[0]!;
    for (const key of ['Filter', 'DecodeParms']) {
      const value = only.dict.get(PDFName.of(key));
      if (value !== undefined) dict[key] = source.copier.copy(value);
    }
    return PDFRawStream.of(out.obj(dict), only.getContents());
  }
  const parts = streams.map((s) => decodePDFRawStream(s).decode());
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    joined[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return out.flateStream(joined, dict);
}

/** Copies of the page's annotations, without their links into the original, moved and scaled with the content. */
function movedAnnotations(out: PDFContext, source: OriginalSource, annots: PDFArray | undefined, content: Matrix): PDFRef[] {
  if (!annots) return [];
  const src = source.doc.context;
  const moved: PDFRef[] = [];
  for (const entry of annots.asArray()) {
    const annot = src.lookup(entry);
    if (!(annot instanceof PDFDict)) continue;
    const subtype = annot.lookup(PDFName.of('Subtype'));
    if (subtype instanceof PDFName && SKIPPED_ANNOTATIONS.has(subtype.decodeText())) continue;
    const detached = annot.clone(src);
    for (const key of DETACHED_ENTRIES) detached.delete(PDFName.of(key));
    const copy = source.copier.copy(detached);
    const rect = asBox(numbers(out, copy.get(PDFName.of('Rect'))));
    if (!rect) continue;
    const r = transformBox(content, rect);
    copy.set(PDFName.of('Rect'), out.obj([r.x0, r.y0, r.x1, r.y1]));
    const quads = numbers(out, copy.get(PDFName.of('QuadPoints')));
    if (quads.length > 0 && quads.length % 2 === 0 && quads.every(Number.isFinite)) {
      const points: number[] = [];
      for (let i = 0; i < quads.length; i += 2) points.push(...apply(content, quads[i]!, quads[i + 1]!));
      copy.set(PDFName.of('QuadPoints'), out.obj(points));
    }
    moved.push(out.register(copy));
  }
  return moved;
}
