// Picture pages wait for OCR: pictures imported before OCR read them have no rows of source 'page', so each page of
// each picture exhibit (as its page count says) gets an empty one, as a text-less PDF page has.
import type { Migration } from './migration.ts';

// Only exhibits with no page rows at all are given them, so a case whose pictures have rows already is left alone.
export const picturePages: Migration = {
  version: 60,
  name: 'Picture pages wait for OCR',
  up: `
    WITH RECURSIVE pages(exhibit_id, page, last) AS (
      SELECT e.id, 1, max(coalesce(e.page_count, 1), 1) FROM exhibits e
      WHERE e.kind = 'image' AND NOT EXISTS (SELECT 1 FROM texts t WHERE t.exhibit_id = e.id AND t.source = 'page')
      UNION ALL
      SELECT exhibit_id, page + 1, last FROM pages WHERE page < last
    )
    INSERT INTO texts (exhibit_id, source, page, text) SELECT exhibit_id, 'page', page, '' FROM pages;
  `,
};
