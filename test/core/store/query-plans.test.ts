import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.ts';
import { ocrDone, WAITING_PAGES } from '../../../electron/core/store/ocr-text.ts';
import { queryPlan } from '../../fixtures/query-plan.ts';

const db = new Database(':memory:');
migrate(db);

const plan = (sql: string, ...params: unknown[]) => queryPlan(db, sql, ...params);

describe('hot queries use their indexes', () => {
  it('lists exhibits in number order without sorting the table', () => {
    const p = plan('SELECT id FROM exhibits ORDER BY seq, exhibit_no LIMIT 100');
    expect(p).toMatch(/exhibits_by_seq/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });
  it('finds an exhibit by hash and by number', () => {
    expect(plan('SELECT id FROM exhibits WHERE sha256 = ?', 'x')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_exhibits/);
    expect(plan('SELECT id FROM exhibits WHERE exhibit_no = ?', 'PX-1')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_exhibits/);
  });
  it("finds a family's attachments", () => {
    expect(plan('SELECT id FROM exhibits WHERE parent_id = ?', 1)).toMatch(/exhibits_by_parent/);
  });
  it("finds a paragraph's evidence and an exhibit's paragraphs", () => {
    expect(plan('SELECT id FROM evidence_links WHERE paragraph_id = ?', 1)).toMatch(/evidence_by_paragraph/);
    expect(plan('SELECT id FROM evidence_links WHERE exhibit_id = ?', 1)).toMatch(/evidence_by_exhibit/);
  });
  it("finds the exhibits with a tag and an exhibit's page text", () => {
    expect(plan('SELECT exhibit_id FROM exhibit_tags WHERE tag_id = ?', 1)).toMatch(/exhibit_tags_by_tag/);
    expect(plan("SELECT text FROM texts WHERE exhibit_id = ? AND source = 'page' AND coalesce(page, 0) = ?", 1, 2)).toMatch(
      /texts_by_exhibit/,
    );
  });
  it('finds the pages waiting for OCR (text-less and stamped scans) and whether an exhibit is done from their index', () => {
    expect(plan(WAITING_PAGES)).toMatch(/SCAN b USING INDEX texts_ocr_pages/);
    expect(plan(`SELECT ${ocrDone('e.id')} FROM exhibits e`)).toMatch(/SEARCH b USING INDEX texts_ocr_pages/);
  });
  it('answers a full-text query from the FTS index', () => {
    expect(plan("SELECT rowid FROM texts_fts WHERE texts_fts MATCH 'suzhou'")).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
