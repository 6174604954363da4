// Exact ranking (search/ranking.ts) keeps, per connection, the texts each phrase ranks best; they hold only while no text
// changes. Every write to `texts` (import, OCR text, metadata edits, removing an exhibit) counts a new generation here in
// its own transaction, by trigger, so whatever path writes text, any connection sees that its lists are stale. The
// number of texts, which bm25's IDF needs, is kept beside it rather than counted on every search.
import type { Migration } from './migration.ts';

export const searchGeneration: Migration = {
  version: 150,
  name: 'search generation',
  up: `
    CREATE TABLE search_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      generation INTEGER NOT NULL,
      texts INTEGER NOT NULL CHECK (texts >= 0)
    ) STRICT;
    INSERT INTO search_state (id, generation, texts) VALUES (1, 0, (SELECT count(*) FROM texts));

    CREATE TRIGGER texts_search_ai AFTER INSERT ON texts BEGIN
      UPDATE search_state SET generation = generation + 1, texts = texts + 1 WHERE id = 1;
    END;
    CREATE TRIGGER texts_search_ad AFTER DELETE ON texts BEGIN
      UPDATE search_state SET generation = generation + 1, texts = texts - 1 WHERE id = 1;
    END;
    CREATE TRIGGER texts_search_au AFTER UPDATE OF text ON texts BEGIN
      UPDATE search_state SET generation = generation + 1 WHERE id = 1;
    END;
  `,
};
