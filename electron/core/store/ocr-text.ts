// OCR text: which pages wait for it (pages with no text, and scans whose only text is a stamp in their margins), the
// text and word positions read, and the pages OCR could not read (given up on until a run is told to retry them).
import type Database from 'better-sqlite3';
import { SCAN_BODY_CHARS, SCAN_IMAGE_COVER, type PageFacts } from '../import/formats/pdf-page-facts.ts';

/** One word as OCR found it: its text and its box as fractions of the page seen upright, from the top left. */
export type OcrWord = [text: string, x0: number, y0: number, x1: number, y1: number];

export interface OcrLayout {
  words: OcrWord[];
  /** Degrees clockwise the page's picture was turned to be read (text baked in sideways or upside down); absent for 0. */
  turn?: 90 | 180 | 270;
}

export interface WaitingPage {
  exhibitId: number;
  exhibitNo: string;
  sha256: string;
  page: number;
}

/** A page OCR gave up on, and why (in plain words). */
export interface UnreadablePage {
  page: number;
  reason: string;
}

// A page OCR reads (alias b): no text at all, or the look of a scan (pdf-page-facts.ts). `texts_ocr_pages` (migration
// 0050) indexes exactly this expression, which SQLite uses only when the query repeats it term for term; within one
// exhibit it is named outright, as without statistics SQLite prefers `texts_by_exhibit` and would read every page.
const OCR_PAGE = `b.source = 'page' AND (b.text = '' OR (b.image_cover >= ${SCAN_IMAGE_COVER} AND b.body_chars <= ${SCAN_BODY_CHARS}))`;
const NOT_READ = "NOT EXISTS (SELECT 1 FROM texts o WHERE o.exhibit_id = b.exhibit_id AND o.source = 'ocr' AND coalesce(o.page, 0) = b.page)";
const NOT_GIVEN_UP = 'b.ocr_problem IS NULL';

/** SQL true for an exhibit (its id given as SQL) that has OCR text and no page still waiting for it. */
export function ocrDone(exhibitId: string): string {
  return `(EXISTS (SELECT 1 FROM texts o WHERE o.exhibit_id = ${exhibitId} AND o.source = 'ocr')
    AND NOT EXISTS (SELECT 1 FROM texts b INDEXED BY texts_ocr_pages
      WHERE b.exhibit_id = ${exhibitId} AND ${OCR_PAGE} AND ${NOT_GIVEN_UP} AND ${NOT_READ}))`;
}

const waitingSql = (retry: boolean) => `
  SELECT b.exhibit_id, e.exhibit_no, e.sha256, b.page
  FROM texts b JOIN exhibits e ON e.id = b.exhibit_id
  WHERE ${OCR_PAGE} AND ${NOT_READ}${retry ? '' : ` AND ${NOT_GIVEN_UP}`}
  ORDER BY e.seq, e.exhibit_no, b.exhibit_id, b.page`;

/** Every page waiting for OCR, in exhibit order (the query run before each OCR run, so it must stay on its index). */
export const WAITING_PAGES = waitingSql(false);
/** The same with the pages given up on, for a run told to retry them. */
export const WAITING_PAGES_WITH_UNREADABLE = waitingSql(true);

/**
 * Pages of PDFs imported before pages were measured, which have text that may be only a stamp. CROSS JOIN keeps the
 * pages first, on `texts_unmeasured_pages` (empty once measured), rather than walking every PDF exhibit.
 */
export const UNMEASURED_PAGES = `
  SELECT b.exhibit_id, e.sha256, b.page
  FROM texts b CROSS JOIN exhibits e ON e.id = b.exhibit_id
  WHERE b.source = 'page' AND b.image_cover IS NULL AND b.text <> '' AND e.kind = 'pdf'
  ORDER BY b.exhibit_id, b.page`;

type Row = { exhibit_id: number; exhibit_no: string; sha256: string; page: number };

export function createOcrStore(db: Database.Database) {
  const waiting = db.prepare<[], Row>(WAITING_PAGES);
  const waitingWithUnreadable = db.prepare<[], Row>(WAITING_PAGES_WITH_UNREADABLE);
  const waitingFor = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM texts b INDEXED BY texts_ocr_pages WHERE b.exhibit_id = ? AND ${OCR_PAGE} AND ${NOT_GIVEN_UP} AND ${NOT_READ}`,
  );
  const insert = db.prepare<[number, number, string, string]>(
    "INSERT OR IGNORE INTO texts (exhibit_id, source, page, text, layout) VALUES (?, 'ocr', ?, ?, ?)",
  );
  const setProblem = db.prepare<[{ reason: string | null; exhibitId: number; page: number }]>(
    `UPDATE texts SET ocr_problem = @reason
     WHERE exhibit_id = @exhibitId AND source = 'page' AND coalesce(page, 0) = @page AND ocr_problem IS NOT @reason`,
  );
  const layoutOf = db.prepare<[number, number], { layout: string | null }>(
    "SELECT layout FROM texts WHERE exhibit_id = ? AND source = 'ocr' AND coalesce(page, 0) = ?",
  );
  const pagesRead = db.prepare<[number], { page: number }>("SELECT page FROM texts WHERE exhibit_id = ? AND source = 'ocr' ORDER BY page");
  const textOf = db.prepare<[number], { text: string }>("SELECT text FROM texts WHERE exhibit_id = ? AND source = 'ocr' ORDER BY page");
  const unreadable = db.prepare<[number], { page: number; reason: string }>(
    "SELECT page, ocr_problem AS reason FROM texts WHERE exhibit_id = ? AND source = 'page' AND ocr_problem IS NOT NULL ORDER BY page",
  );
  const unmeasured = db.prepare<[], { exhibit_id: number; sha256: string; page: number }>(UNMEASURED_PAGES);
  const setFacts = db.prepare<[number, number, number, number]>(
    "UPDATE texts SET image_cover = ?, body_chars = ? WHERE exhibit_id = ? AND source = 'page' AND coalesce(page, 0) = ?",
  );

  return {
    /** Every page waiting for OCR, in exhibit order; with `retry`, the pages given up on as well. */
    waiting: (retry = false): WaitingPage[] =>
      (retry ? waitingWithUnreadable : waiting)
        .all()
        .map((r) => ({ exhibitId: r.exhibit_id, exhibitNo: r.exhibit_no, sha256: r.sha256, page: r.page })),

    waitingCount: (exhibitId: number) => waitingFor.get(exhibitId)!.n,

    /** Stores a page's OCR text (clearing an earlier failure); false when it was already there (another run read it first). */
    save(exhibitId: number, page: number, text: string, layout: OcrLayout): boolean {
      if (insert.run(exhibitId, page, text, JSON.stringify(layout)).changes !== 1) return false;
      setProblem.run({ reason: null, exhibitId, page });
      return true;
    },

    /** Records that OCR cannot read the page, and why; false when that was already recorded. */
    giveUp: (exhibitId: number, page: number, reason: string): boolean => setProblem.run({ reason, exhibitId, page }).changes === 1,

    /** The pages OCR gave up on, with their reasons. */
    unreadable: (exhibitId: number): UnreadablePage[] => unreadable.all(exhibitId),

    layout(exhibitId: number, page: number): OcrLayout | null {
      const row = layoutOf.get(exhibitId, page);
      return row?.layout ? (JSON.parse(row.layout) as OcrLayout) : null;
    },

    pagesRead: (exhibitId: number) => pagesRead.all(exhibitId).map((r) => r.page),

    /** All the OCR text of an exhibit, page after page. */
    text: (exhibitId: number) => textOf.all(exhibitId).map((r) => r.text).join('\n'),

    /** PDF pages not yet measured (imported before pages were), exhibit by exhibit. */
    unmeasured: () => unmeasured.all().map((r) => ({ exhibitId: r.exhibit_id, sha256: r.sha256, page: r.page })),

    measured: (exhibitId: number, page: number, facts: PageFacts) => void setFacts.run(facts.imageCover, facts.bodyChars, exhibitId, page),
  };
}

export type OcrStore = ReturnType<typeof createOcrStore>;
