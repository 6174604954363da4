// The one narrow interface every importer (pdf, eml, msg, docx, image, text, html) implements.
import type { ExhibitKind } from '../../../shared/model.ts';
import type { PageFacts } from './formats/pdf-page-facts.ts';

export interface ExtractedPage {
  page: number; // 1-based
  text: string;
  facts?: PageFacts; // what a PDF page shows (pictures, text outside its margins), which decides whether OCR reads it
}

export interface ExtractedAttachment {
  fileName: string; // as named in the container, unsanitised (the pipeline confines it)
  bytes: Uint8Array;
  mediaType: string | null;
  inline: boolean;
}

export interface ExtractedDocument {
  kind: ExhibitKind;
  mediaType: string;
  title: string | null; // document title, email subject …
  date: string | null; // ISO 8601
  author: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  subject: string | null;
  pageCount: number | null; // null where the format has no pages (email, text)
  pages: ExtractedPage[]; // text per page for paged formats; [] otherwise
  body: string | null; // whole-document text for formats without pages (email body, DOCX, HTML, text)
  textLayer: boolean; // false when a paged document has pages with no extractable text
  encrypted: boolean;
  attachments: ExtractedAttachment[];
  warnings: string[]; // plain-language: what was lost or not checked
}

export interface ExtractContext {
  fileName: string;
  passwords: string[];
}

export interface Extractor {
  readonly name: string;
  /** Whether this importer reads the file, judged by its first bytes (and the name only as a tie-breaker). */
  accepts(head: Uint8Array, fileName: string): boolean;
  /** Reads the bytes; throws UserError (damaged, encrypted, unsupported_format, empty, too_large) to refuse. */
  extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedDocument>;
}

export function emptyDocument(kind: ExhibitKind, mediaType: string): ExtractedDocument {
  return {
    kind,
    mediaType,
    title: null,
    date: null,
    author: null,
    from: null,
    to: null,
    cc: null,
    subject: null,
    pageCount: null,
    pages: [],
    body: null,
    textLayer: true,
    encrypted: false,
    attachments: [],
    warnings: [],
  };
}
