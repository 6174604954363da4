// Facts: the case's chronology — dated statements (the date as a period with its precision, and as typed), their
// sources in exhibits, the complaint paragraphs they bear on, and tags shared with exhibits.
import type { Migration } from './migration.ts';

export const facts: Migration = {
  version: 110,
  name: 'Facts',
  up: `
    -- AUTOINCREMENT: an id is never reused, so the audit entries of a removed fact are never taken for another's.
    CREATE TABLE facts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      statement TEXT NOT NULL CHECK (length(statement) > 0),
      date_precision TEXT NOT NULL CHECK (date_precision IN ('day','month','year','circa','before','after','range','undated')),
      -- the period the date names (ISO days); for 'before' and 'after', the period of the reference
      date_start TEXT CHECK (date_start IS NULL OR date(date_start) IS date_start),
      date_end TEXT CHECK (date_end IS NULL OR date(date_end) IS date_end),
      date_text TEXT NOT NULL,
      sequence INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL CHECK (status IN ('undisputed','disputed_by_them','disputed_by_us','prospective')),
      is_key INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
      proposed INTEGER NOT NULL DEFAULT 0 CHECK (proposed IN (0, 1)),
      proposed_from INTEGER REFERENCES exhibits(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      CHECK ((date_precision = 'undated') = (date_start IS NULL)),
      CHECK ((date_start IS NULL) = (date_end IS NULL)),
      CHECK (date_start <= date_end)
    ) STRICT;
    CREATE INDEX facts_by_date ON facts(proposed, date_start, sequence);
    CREATE INDEX facts_by_proposed_from ON facts(proposed_from);

    CREATE TABLE fact_sources (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      page_from INTEGER CHECK (page_from > 0),
      page_to INTEGER CHECK (page_to >= page_from),
      quote TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX fact_sources_by_fact ON fact_sources(fact_id);
    CREATE INDEX fact_sources_by_exhibit ON fact_sources(exhibit_id);

    CREATE TABLE fact_paragraphs (
      fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
      paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
      PRIMARY KEY (fact_id, paragraph_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX fact_paragraphs_by_paragraph ON fact_paragraphs(paragraph_id, fact_id);

    CREATE TABLE fact_tags (
      fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (fact_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX fact_tags_by_tag ON fact_tags(tag_id, fact_id);
  `,
};
