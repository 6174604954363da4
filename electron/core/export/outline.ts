// The navigation objects of an export PDF, which pdf-lib has no API for: bookmarks (the outline) and page labels.
import { PDFHexString, PDFName, PDFNumber, type PDFContext, type PDFDict, type PDFRef } from '@cantoo/pdf-lib';

export interface Bookmark {
  title: string;
  page: PDFRef;
  children: Bookmark[];
}

/** Numbering from a page on: 'roman' i, ii, iii …; 'decimal' from `start`. */
export interface PageLabelRange {
  firstPage: number; // 0-based page index in the file
  style: 'roman' | 'decimal';
  start: number;
}

/** Registers the outline; top-level bookmarks show, their children are folded. Returns the outline's root. */
export function addOutline(context: PDFContext, bookmarks: Bookmark[]): PDFRef | null {
  if (bookmarks.length === 0) return null;
  const rootRef = context.nextRef();
  const root = context.obj({ Type: 'Outlines', Count: bookmarks.length });
  linkItems(context, rootRef, root, bookmarks);
  context.assign(rootRef, root);
  return rootRef;
}

function linkItems(context: PDFContext, parentRef: PDFRef, parent: PDFDict, items: Bookmark[]): void {
  const refs = items.map(() => context.nextRef());
  items.forEach((item, i) => {
    const dict = context.obj({});
    dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
    dict.set(PDFName.of('Parent'), parentRef);
    dict.set(PDFName.of('Dest'), context.obj([item.page, PDFName.of('Fit')]));
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    if (item.children.length > 0) {
      dict.set(PDFName.of('Count'), PDFNumber.of(-item.children.length));
      linkItems(context, refs[i]!, dict, item.children);
    }
    context.assign(refs[i]!, dict);
  });
  parent.set(PDFName.of('First'), refs[0]!);
  parent.set(PDFName.of('Last'), refs[refs.length - 1]!);
}

export function pageLabels(context: PDFContext, ranges: PageLabelRange[]): PDFDict | null {
  if (ranges.length === 0) return null;
  const nums = ranges.flatMap((r) => [r.firstPage, context.obj(r.style === 'roman' ? { S: 'r', St: r.start } : { S: 'D', St: r.start })]);
  return context.obj({ Nums: nums });
}
