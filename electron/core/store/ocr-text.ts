// OCR text: which pages still wait for it (pages with no text of their own), and the text and word positions read.
import type Database from 'better-sqlite3';

/** One word as OCR found it: its text and its box as fractions of the page seen upright, from the top left. */
export type OcrWord = [text: string, x0: number, y0: number, x1: number, y1: number];

export interface OcrLayout {
  words: OcrWord[];
}

export interface WaitingPage {
  exhibitId: number;
  exhibitNo: string;
  sha256: string;
  page: number;
}

// A page with no text of its own (alias b), and one that OCR has not read yet; `texts_blank_pages` indexes the first.
const BLANK_PAGE = "b.source = 'page' AND b.text = ''";
const NOT_READ = "NOT EXISTS (SELECT 1 FROM texts o WHERE o.exhibit_id = b.exhibit_id AND o.source = 'ocr' AND coalesce(o.page, 0) = b.page)";

/** SQL true for an exhibit (its id given as SQL) that had text-less pages and has OCR text for each of them. */
export function ocrDone(exhibitId: string): string {
  return `(EXISTS (SELECT 1 FROM texts b WHERE b.exhibit_id = ${exhibitId} AND ${BLANK_PAGE})
    AND NOT EXISTS (SELECT 1 FROM texts b WHERE b.exhibit_id = ${exhibitId} AND ${BLANK_PAGE} AND ${NOT_READ}))`;
}

/** Every page waiting for OCR, in exhibit order (the query run before each OCR run, so it must stay on its index). */
export const WAITING_PAGES = `
  SELECT b.exhibit_id, e.exhibit_no, e.sha256, b.page
  FROM texts b JOIN exhibits e ON e.id = b.exhibit_id
  WHERE ${BLANK_PAGE} AND ${NOT_READ}
  ORDER BY e.seq, e.exhibit_no, b.exhibit_id, b.page`;

export function createOcrStore(db: Database.Database) {
  const waiting = db.prepare<[], { exhibit_id: number; exhibit_no: string; sha256: string; page: number }>(WAITING_PAGES);
  const waitingFor = db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM texts b WHERE b.exhibit_id = ? AND ${BLANK_PAGE} AND ${NOT_READ}`);
  const insert = db.prepare<[number, number, string, string]>(
    "INSERT OR IGNORE INTO texts (exhibit_id, source, page, text, layout) VALUES (?, 'ocr', ?, ?, ?)",
  );
  const layoutOf = db.prepare<[number, number], { layout: string | null }>(
    "SELECT layout FROM texts WHERE exhibit_id = ? AND source = 'ocr' AND coalesce(page, 0) = ?",
  );
  const pagesRead = db.prepare<[number], { page: number }>("SELECT page FROM texts WHERE exhibit_id = ? AND source = 'ocr' ORDER BY page");
  const textOf = db.prepare<[number], { text: string }>("SELECT text FROM texts WHERE exhibit_id = ? AND source = 'ocr' ORDER BY page");

  return {
    /** Every page waiting for OCR, in exhibit order. */
    waiting: (): WaitingPage[] =>
      waiting.all().map((r) => ({ exhibitId: r.exhibit_id, exhibitNo: r.exhibit_no, sha256: r.sha256, page: r.page })),

    waitingCount: (exhibitId: number) => waitingFor.get(exhibitId)!.n,

    /** Stores a page's OCR text; false when it was already there (another run read it first). */
    save(exhibitId: number, page: number, text: string, layout: OcrLayout): boolean {
      return insert.run(exhibitId, page, text, JSON.stringify(layout)).changes === 1;
    },

    layout(exhibitId: number, page: number): OcrLayout | null {
      const row = layoutOf.get(exhibitId, page);
      return row?.layout ? (JSON.parse(row.layout) as OcrLayout) : null;
    },

    pagesRead: (exhibitId: number) => pagesRead.all(exhibitId).map((r) => r.page),

    /** All the OCR text of an exhibit, page after page. */
    text: (exhibitId: number) => textOf.all(exhibitId).map((r) => r.text).join('\n'),
  };
}

export type OcrStore = ReturnType<typeof createOcrStore>;
