// The first schema: exhibits and their originals, text per page with its full-text index, tags,
// allegations, evidence links, annotations and the append-only audit log.
import type { Migration } from './migration.ts';

export const initial: Migration = {
  version: 10,
  name: 'initial schema',
  up: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE originals (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      bytes INTEGER NOT NULL,
      media_type TEXT NOT NULL,
      stored_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE exhibits (
      id INTEGER PRIMARY KEY,
      exhibit_no TEXT NOT NULL COLLATE NOCASE UNIQUE,
      seq INTEGER NOT NULL,
      title TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('pdf','email','image','document','text','html','other')),
      doc_date TEXT,
      author TEXT,
      from_addr TEXT,
      to_addr TEXT,
      cc_addr TEXT,
      subject TEXT,
      description TEXT,
      source_name TEXT NOT NULL,
      source_path TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE REFERENCES originals(sha256),
      media_type TEXT NOT NULL,
      page_count INTEGER,
      text_layer INTEGER NOT NULL CHECK (text_layer IN (0, 1)),
      encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
      confidentiality TEXT NOT NULL DEFAULT 'none'
        CHECK (confidentiality IN ('none','confidential','highly_confidential_aeo')),
      parent_id INTEGER REFERENCES exhibits(id),
      warnings TEXT NOT NULL DEFAULT '[]',
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX exhibits_by_seq ON exhibits(seq, exhibit_no);
    CREATE INDEX exhibits_by_parent ON exhibits(parent_id);
    CREATE INDEX exhibits_by_date ON exhibits(doc_date);
    CREATE INDEX exhibits_by_kind ON exhibits(kind);

    -- Text of an exhibit: one row per page ('page'), the body of a pageless document ('body'),
    -- and one row of searchable metadata ('meta', kept by the triggers below).
    CREATE TABLE texts (
      id INTEGER PRIMARY KEY,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('page','body','meta')),
      page INTEGER,
      text TEXT NOT NULL,
      CHECK ((source = 'page') = (page IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX texts_by_exhibit ON texts(exhibit_id, source, coalesce(page, 0));

    CREATE VIRTUAL TABLE texts_fts USING fts5(
      text, content = 'texts', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
    );
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

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND instr(name, '/') = 0),
      parent_id INTEGER REFERENCES tags(id) ON DELETE CASCADE,
      color TEXT
    ) STRICT;
    CREATE UNIQUE INDEX tags_by_name ON tags(coalesce(parent_id, 0), name COLLATE NOCASE);

    CREATE TABLE exhibit_tags (
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (exhibit_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX exhibit_tags_by_tag ON exhibit_tags(tag_id, exhibit_id);

    CREATE TABLE causes (
      id INTEGER PRIMARY KEY,
      ordinal INTEGER NOT NULL UNIQUE,
      title TEXT NOT NULL,
      page INTEGER
    ) STRICT;

    CREATE TABLE paragraphs (
      id INTEGER PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number > 0),
      cause_id INTEGER REFERENCES causes(id) ON DELETE SET NULL,
      section TEXT,
      text TEXT NOT NULL,
      page INTEGER
    ) STRICT;
    CREATE INDEX paragraphs_by_cause ON paragraphs(cause_id);

    CREATE TABLE annotations (
      id INTEGER PRIMARY KEY,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      page INTEGER NOT NULL CHECK (page > 0),
      rects TEXT NOT NULL DEFAULT '[]',
      quote TEXT,
      note TEXT,
      color TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX annotations_by_exhibit ON annotations(exhibit_id, page);

    CREATE TABLE evidence_links (
      id INTEGER PRIMARY KEY,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
      page_from INTEGER CHECK (page_from > 0),
      page_to INTEGER CHECK (page_to >= page_from),
      quote TEXT,
      stance TEXT NOT NULL CHECK (stance IN ('supports','contradicts','context')),
      note TEXT,
      annotation_id INTEGER REFERENCES annotations(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX evidence_by_paragraph ON evidence_links(paragraph_id, stance);
    CREATE INDEX evidence_by_exhibit ON evidence_links(exhibit_id);

    -- Append-only, hash-chained: each entry's hash covers its content and the previous entry's hash.
    CREATE TABLE audit (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      object_type TEXT NOT NULL,
      object_id TEXT,
      before TEXT,
      after TEXT,
      sha256 TEXT NOT NULL DEFAULT '[]',
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_by_object ON audit(object_type, object_id);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
  `,
};
