// OCR text: `texts` gains rows of source 'ocr' (one per recognised page, with the words' positions in `layout`),
// and an index of the pages that have no text of their own, which is what OCR works through.
import type { Migration } from './migration.ts';

// SQLite cannot change a CHECK constraint, so `texts` is rebuilt with the same ids (the full-text index refers to
// them) and its triggers are made again; the metadata triggers on `exhibits` name `texts`, so they go and come back.
export const ocrText: Migration = {
  version: 20,
  name: 'OCR text per page',
  up: `
    DROP TRIGGER exhibits_meta_ai;
    DROP TRIGGER exhibits_meta_au;

    CREATE TABLE texts_rebuilt (
      id INTEGER PRIMARY KEY,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('page','body','meta','ocr')),
      page INTEGER,
      text TEXT NOT NULL,
      -- Only OCR rows: {"words": [[text, x0, y0, x1, y1], ...]} as fractions of the page seen upright, from its top left.
      layout TEXT CHECK (layout IS NULL OR (source = 'ocr' AND json_valid(layout))),
      CHECK ((source IN ('page','ocr')) = (page IS NOT NULL))
    ) STRICT;
    INSERT INTO texts_rebuilt (id, exhibit_id, source, page, text) SELECT id, exhibit_id, source, page, text FROM texts;
    DROP TABLE texts;
    ALTER TABLE texts_rebuilt RENAME TO texts;
    CREATE UNIQUE INDEX texts_by_exhibit ON texts(exhibit_id, source, coalesce(page, 0));
    CREATE INDEX texts_blank_pages ON texts(exhibit_id, page) WHERE source = 'page' AND text = '';

    CREATE TRIGGER texts_ai AFTER INSERT ON texts BEGIN
      INSERT INTO texts_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER texts_ad AFTER DELETE ON texts BEGIN
      INSERT INTO texts_fts(texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER texts_au AFTER UPDATE OF text ON texts BEGIN
      INSERT INTO texts_fts(texts_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO texts_fts(rowid, text) VALUES (new.id, new.text);
    END;

    CREATE TRIGGER exhibits_meta_ai AFTER INSERT ON exhibits BEGIN
      INSERT INTO texts(exhibit_id, source, page, text) VALUES (new.id, 'meta', NULL,
        concat_ws(' ', new.exhibit_no, new.title, new.subject, new.author, new.from_addr, new.to_addr,
                  new.cc_addr, new.description, new.source_name));
    END;
    CREATE TRIGGER exhibits_meta_au AFTER UPDATE OF exhibit_no, title, subject, author, from_addr, to_addr,
        cc_addr, description ON exhibits BEGIN
      UPDATE texts SET text = concat_ws(' ', new.exhibit_no, new.title, new.subject, new.author, new.from_addr,
        new.to_addr, new.cc_addr, new.description, new.source_name)
      WHERE exhibit_id = new.id AND source = 'meta';
    END;
  `,
};
