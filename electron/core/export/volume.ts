// One PDF file of an export, written as it is built: pages are added an exhibit at a time and written out as soon as
// they are kept, so memory holds one exhibit, never the file; bookmarks, page labels and fonts are written last.
import fs from 'node:fs';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';
import { cleanPagesForCourt, courtCleanState, type CourtCleanState } from './court-clean.ts';
import { embedFonts, type Fonts } from './fonts.ts';
import { addOutline, pageLabels, type Bookmark, type PageLabelRange } from './outline.ts';
import { PdfFileWriter, XREF_ENTRY_BYTES, type Serialized } from './pdf-file-writer.ts';

export interface VolumeInfo {
  title: string;
  createdAt: string; // ISO 8601
  /** Made fit for a court's e-filing system page by page: fonts embedded, annotations flattened, scripts and XMP out. */
  courtClean?: boolean;
}

/** Pages built but not yet kept or dropped, with the serialized objects they need. */
export interface Draft {
  pages: PDFRef[];
  serialized: Serialized;
}

export class Volume {
  private readonly pages: PDFRef[] = [];
  private readonly bookmarks: Bookmark[] = [];
  private closed = false;
  private readonly clean: CourtCleanState | null;

  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly writer: PdfFileWriter,
    private readonly pagesRef: PDFRef,
    private readonly info: VolumeInfo,
  ) {
    this.clean = info.courtClean ? courtCleanState() : null;
  }

  static async create(file: string, info: VolumeInfo): Promise<Volume> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    // The catalog and page tree pdf-lib starts with are replaced by ones written when the file is finished.
    const { context } = doc;
    const catalogRef = context.trailerInfo.Root as PDFRef;
    context.delete(doc.catalog.get(PDFName.of('Pages')) as PDFRef);
    context.delete(catalogRef);
    const fonts = await embedFonts(doc);
    const fd = fs.openSync(file, 'wx');
    try {
      return new Volume(file, fd, doc, fonts, new PdfFileWriter(fd, context), context.nextRef(), info);
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  get pageCount(): number {
    return this.pages.length;
  }

  get bytesWritten(): number {
    return this.writer.size;
  }

  /** The pages added since the last keep or drop, serialized: what keeping them would add to the file. */
  draft(pages: PDFPage[]): Draft {
    for (const page of pages) page.node.setParent(this.pagesRef);
    if (this.clean) cleanPagesForCourt(pages, this.clean);
    return { pages: pages.map((p) => p.ref), serialized: this.writer.serializePending() };
  }

  /** Writes a draft's pages at the end of the file. */
  keep(draft: Draft): number {
    const first = this.pages.length;
    this.pages.push(...draft.pages);
    this.writer.commit(draft.serialized);
    return first;
  }

  drop(draft: Draft): void {
    this.writer.drop(draft.serialized);
    // Font programs first written with the dropped pages are gone with them: the next pages must write their own.
    if (this.clean) {
      const dropped = new Set(draft.serialized.refs.map((r) => r.objectNumber));
      for (const [key, ref] of this.clean.fonts) if (dropped.has(ref.objectNumber)) this.clean.fonts.delete(key);
    }
  }

  bookmark(bookmark: Bookmark): void {
    this.bookmarks.push(bookmark);
  }

  /** A bookmark before all others (the index of a bundle). */
  bookmarkFirst(bookmark: Bookmark): void {
    this.bookmarks.unshift(bookmark);
  }

  pageRef(index: number): PDFRef {
    return this.pages[index]!;
  }

  /**
   * A generous bound on what finishing will still add (fonts, page tree, bookmarks, cross-reference table) for what
   * the document holds now plus `extraPages` pages, given the most the fonts can take.
   */
  finishingBytes(fontBytes: number, extraPages = 0): number {
    const bookmarkBytes = (b: Bookmark): number => 260 + 4 * b.title.length + b.children.reduce((n, c) => n + bookmarkBytes(c), 0);
    return (
      fontBytes +
      (this.doc.context.largestObjectNumber + 64) * XREF_ENTRY_BYTES +
      (this.pages.length + extraPages) * 14 +
      this.bookmarks.reduce((n, b) => n + bookmarkBytes(b), 0) +
      4096
    );
  }

  /**
   * Writes front matter (built by `front`, placed before every other page), the page tree, bookmarks, page labels,
   * fonts and the cross-reference table, and closes the file. Returns the file's SHA-256 and its size.
   */
  async finish(options: { front?: PDFPage[]; labels?: PageLabelRange[] } = {}): Promise<{ sha256: string; bytes: number; pages: number }> {
    const { context } = this.doc;
    const front = options.front ?? [];
    for (const page of front) page.node.setParent(this.pagesRef);
    if (this.clean) cleanPagesForCourt(front, this.clean);
    const kids = [...front.map((p) => p.ref), ...this.pages];
    await this.doc.flush();
    context.assign(this.pagesRef, context.obj({ Type: 'Pages', Kids: kids, Count: kids.length }));
    const catalog = context.obj({ Type: 'Catalog', Pages: this.pagesRef });
    const outline = addOutline(context, this.bookmarks);
    if (outline) {
      catalog.set(PDFName.of('Outlines'), outline);
      catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
    }
    const labels = pageLabels(context, options.labels ?? []);
    if (labels) catalog.set(PDFName.of('PageLabels'), labels);
    const info = context.obj({ Producer: PDFHexString.fromText('Exhibit Desk'), CreationDate: PDFString.of(pdfDate(this.info.createdAt)) });
    info.set(PDFName.of('Title'), PDFHexString.fromText(this.info.title));
    const catalogRef = context.register(catalog);
    const infoRef = context.register(info);
    this.writer.commit(this.writer.serializePending());
    try {
      const sha256 = this.writer.finish(catalogRef, infoRef);
      fs.fsyncSync(this.fd);
      return { sha256, bytes: this.writer.size, pages: kids.length };
    } finally {
      this.abandon();
    }
  }

  /** Closes the file, finished or not (an unfinished one belongs to a failed export, whose folder is removed). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

/** A PDF date string, D:YYYYMMDDHHmmSSZ, from an ISO 8601 time in UTC. */
function pdfDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}
