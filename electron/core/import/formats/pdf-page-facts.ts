// What a PDF page shows a reader, measured at import, and the rule that sends a page to OCR: a page that is mostly a
// picture and has (almost) no text of its own in its body is a scan, whatever stamp, header or Bates number was laid
// over its margins. ocr-text.ts states the same rule in SQL (and migration 0050 indexes it): keep the three in step.

/** Measured per page; stored beside the page's text (texts.image_cover, texts.body_chars). */
export interface PageFacts {
  /** Fraction (0–1) of the page covered by pictures. */
  imageCover: number;
  /** Characters (not counting blanks) of the page's text inside its body, i.e. outside the margin bands. */
  bodyChars: number;
}

/** Each side of the page this deep (as a fraction of its width or height) is a margin band: CM/ECF headers, Bates numbers. */
export const MARGIN_BAND = 0.1;
/** A page at least this much covered by pictures may be a scan. */
export const SCAN_IMAGE_COVER = 0.5;
/** …and is one when its body holds at most this many characters (about a line: an "EXHIBIT" sticker, a date stamp). */
export const SCAN_BODY_CHARS = 100;

/** Whether OCR should read the page: no text at all, or the look of a scan (see above). */
export function wantsOcr(text: string, facts: PageFacts | null): boolean {
  if (text.trim() === '') return true;
  return facts !== null && facts.imageCover >= SCAN_IMAGE_COVER && facts.bodyChars <= SCAN_BODY_CHARS;
}

/** What is stored for a page the engine could not measure: no picture seen, so only a text-less page is OCR'd. */
export function unmeasured(text: string): PageFacts {
  return { imageCover: 0, bodyChars: text.replace(/\s/g, '').length };
}
