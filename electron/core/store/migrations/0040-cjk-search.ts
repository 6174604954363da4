// Chinese, Japanese and Korean search: the full-text index is given each text through `indexed_text()` (CJK runs as
// pairs of characters, see search/cjk-text.ts), so it is rebuilt from every text, and its triggers call that function.
import type { Migration } from './migration.ts';

// The index now holds words that are not those of `texts`, so it no longer reads `texts` as its content: an index over
// external content removes a row by re-tokenizing the old text, which would corrupt it the day `indexed_text()` changed,
// and its 'rebuild' would index the raw text. A contentless index with deletes removes a row by its id alone.
export const cjkSearch: Migration = {
  version: 40,
  name: 'CJK search',
  up: `
    DROP TRIGGER texts_ai;
    DROP TRIGGER texts_ad;
    DROP TRIGGER texts_au;
    DROP TABLE texts_fts;

    CREATE VIRTUAL TABLE texts_fts USING fts5(
      text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO texts_fts(rowid, text) SELECT id, indexed_text(text) FROM texts;

    CREATE TRIGGER texts_ai AFTER INSERT ON texts BEGIN
      INSERT INTO texts_fts(rowid, text) VALUES (new.id, indexed_text(new.text));
    END;
    CREATE TRIGGER texts_ad AFTER DELETE ON texts BEGIN
      DELETE FROM texts_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER texts_au AFTER UPDATE OF text ON texts BEGIN
      DELETE FROM texts_fts WHERE rowid = old.id;
      INSERT INTO texts_fts(rowid, text) VALUES (new.id, indexed_text(new.text));
    END;
  `,
};
