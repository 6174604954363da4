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

/** The export page for page `index` of the original, and how it is shown (for the stamps). */
export function placeOriginalPage(out: PDFDocument, source: OriginalSource, index: number): { page: PDFPage; view: PageView } {
  const leaf = source.doc.getPage(index).node;
  const src = source.doc.context;
  const page = PDFPage.create(out);
  for (const key of KEPT_PAGE_ENTRIES) {
    const name = PDFName.of(key);
    const value = src.lookup(INHERITED.has(key) ? leaf.getInheritableAttribute(name) : leaf.get(name));
    if (value !== undefined) page.node.set(name, source.copier.copy(value));
  }
  const view = pageView(visibleBox(page), page.getRotation().angle);
  const band = stampBand(view.height);
  const scale = (view.height - 2 * band) / view.height;
  // Shrunk about the view's origin, centred across, set on the bottom band; then back into the page's own space.
  const shrink: Matrix = [scale, 0, 0, scale, (view.width * (1 - scale)) / 2, band];
  const content = compose(compose(view.toView, shrink), invert(view.toView));

  const resources = leaf.getInheritableAttribute(PDFName.of('Resources'));
  const form = contentForm(out.context, source, leaf.Contents(), resources, view.box, leaf.get(PDFName.of('Group')));
  if (form) {
    const name = page.node.newXObject('Original', out.context.register(form));
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...content), drawObject(name), popGraphicsState());
  }
  const annots = movedAnnotations(out.context, source, leaf.Annots(), content);
  if (annots.length > 0) page.node.set(PDFName.Annots, out.context.obj(annots));
  return { page, view };
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
