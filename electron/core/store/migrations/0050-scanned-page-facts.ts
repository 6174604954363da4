// Scanned pages with a stamp: each PDF page's row in `texts` gains what the page shows (how much of it pictures cover,
// how many characters lie in its body, outside the margin bands) and why OCR could not read it, if it could not. The
// index of pages OCR works through now holds the pages that look scanned as well as those with no text at all.
import type { Migration } from './migration.ts';

// Pages imported before this step have not been measured (NULL); the next OCR run measures those with text from their
// originals (`texts_unmeasured_pages` finds them), so stamped scans already in a case are read too. The numbers in
// `texts_ocr_pages` are the rule of import/formats/pdf-page-facts.ts, and ocr-text.ts queries exactly this expression.
export const scannedPageFacts: Migration = {
  version: 50,
  name: 'Scanned page facts and unreadable pages',
  up: `
    ALTER TABLE texts ADD COLUMN image_cover REAL CHECK (image_cover IS NULL OR (source = 'page' AND image_cover BETWEEN 0 AND 1));
    ALTER TABLE texts ADD COLUMN body_chars INTEGER CHECK (body_chars IS NULL OR (source = 'page' AND body_chars >= 0));
    ALTER TABLE texts ADD COLUMN ocr_problem TEXT CHECK (ocr_problem IS NULL OR (source = 'page' AND ocr_problem <> ''));

    DROP INDEX texts_blank_pages;
    CREATE INDEX texts_ocr_pages ON texts(exhibit_id, page)
      WHERE source = 'page' AND (text = '' OR (image_cover >= 0.5 AND body_chars <= 100));
    CREATE INDEX texts_unmeasured_pages ON texts(exhibit_id, page) WHERE source = 'page' AND image_cover IS NULL AND text <> '';
  `,
};
