// Production sources: for each exhibit received in a production, its Bates range, volume, producing party and every
// field of its load-file row, the page images it was assembled from, and the words of its fields that search finds.
import type { Migration } from './migration.ts';

// The unmapped fields (custodian, notes …) are searchable through the exhibit's 'meta' text row: the row gains
// `search_text` when the source is recorded, and keeps it when the exhibit's own metadata is edited, so
// exhibits_meta_au is made again with it (same columns, same text, plus the production's words).
export const productionSources: Migration = {
  version: 90,
  name: 'Production sources',
  up: `
    CREATE TABLE production_sources (
      exhibit_id INTEGER PRIMARY KEY REFERENCES exhibits(id) ON DELETE CASCADE,
      beg_bates TEXT NOT NULL CHECK (length(beg_bates) > 0),
      end_bates TEXT NOT NULL CHECK (length(end_bates) > 0),
      volume TEXT NOT NULL,
      producing_party TEXT,
      -- the load-file row under the load file's own column names: {"BEGBATES": "ABC0001", …}
      fields TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'object'),
      -- the page images as produced, each kept in the vault: [{"path": "IMAGES/0001/ABC0001.tif", "sha256": "…"}, …]
      page_images TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(page_images) AND json_type(page_images) = 'array'),
      -- when a native is the original: the PDF assembled from the page images, kept in the vault beside it
      rendition TEXT CHECK (rendition IS NULL OR length(rendition) = 64),
      search_text TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX production_sources_by_bates ON production_sources(beg_bates COLLATE NOCASE, volume);

    CREATE TRIGGER production_sources_ai AFTER INSERT ON production_sources WHEN new.search_text <> '' BEGIN
      UPDATE texts SET text = concat_ws(' ', text, new.search_text) WHERE exhibit_id = new.exhibit_id AND source = 'meta';
    END;

    DROP TRIGGER exhibits_meta_au;
    CREATE TRIGGER exhibits_meta_au AFTER UPDATE OF exhibit_no, title, subject, author, from_addr, to_addr,
        cc_addr, description ON exhibits BEGIN
      UPDATE texts SET text = concat_ws(' ', new.exhibit_no, new.title, new.subject, new.author, new.from_addr,
        new.to_addr, new.cc_addr, new.description, new.source_name,
        (SELECT nullif(search_text, '') FROM production_sources WHERE exhibit_id = new.id))
      WHERE exhibit_id = new.id AND source = 'meta';
    END;
  `,
};
