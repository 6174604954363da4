// Authors: the case's users by name, who wrote each note and highlight, who made each audit entry; when a note was
// last edited and whether it was removed (kept, so that a removal can be undone); and an index of the notes' words.
import type { Migration } from './migration.ts';

// Earlier notes keep no author (none was recorded), and earlier audit entries none: their hashes do not cover one.
// The notes' index is contentless, as the texts' is (0040), and fed through the same indexed_text(), so a search is one
// match expression for both; a note leaves it when it is emptied or removed and comes back when the removal is undone.
export const authors: Migration = {
  version: 130,
  name: 'Authors of notes and highlights',
  up: `
    -- AUTOINCREMENT: an id is never reused, so the notes and audit entries of one user are never taken for another's.
    CREATE TABLE users (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200 AND name = trim(name)),
      created_at TEXT NOT NULL
    ) STRICT;

    ALTER TABLE annotations ADD COLUMN author_id INTEGER REFERENCES users(id);
    ALTER TABLE annotations ADD COLUMN updated_at TEXT;
    ALTER TABLE annotations ADD COLUMN removed_at TEXT;
    CREATE INDEX annotations_by_author ON annotations(author_id, exhibit_id) WHERE removed_at IS NULL;
    CREATE INDEX evidence_by_annotation ON evidence_links(annotation_id) WHERE annotation_id IS NOT NULL;

    ALTER TABLE audit ADD COLUMN author TEXT;

    CREATE VIRTUAL TABLE notes_fts USING fts5(
      note, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO notes_fts(rowid, note) SELECT id, indexed_text(note) FROM annotations WHERE note IS NOT NULL AND note <> '';

    CREATE TRIGGER notes_ai AFTER INSERT ON annotations WHEN new.note IS NOT NULL AND new.note <> '' AND new.removed_at IS NULL BEGIN
      INSERT INTO notes_fts(rowid, note) VALUES (new.id, indexed_text(new.note));
    END;
    CREATE TRIGGER notes_ad AFTER DELETE ON annotations BEGIN
      DELETE FROM notes_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER notes_au AFTER UPDATE OF note, removed_at ON annotations BEGIN
      DELETE FROM notes_fts WHERE rowid = old.id;
      INSERT INTO notes_fts(rowid, note) SELECT new.id, indexed_text(new.note)
        WHERE new.note IS NOT NULL AND new.note <> '' AND new.removed_at IS NULL;
    END;
  `,
};
