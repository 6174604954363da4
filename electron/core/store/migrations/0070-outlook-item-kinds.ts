// Outlook items that are not mail are exhibits of their own kinds (contact, appointment, task, note, contact group),
// so the exhibits table's CHECK on kind admits them. SQLite cannot change a CHECK in place, so the table is rebuilt by
// its documented procedure (create the new table, copy every row as it is, drop the old, rename, recreate the indexes
// and triggers), with foreign keys off for the step: dropping the old table with them on would cascade-delete every
// page, tag, link and highlight. The runner checks the foreign keys before the step commits.
import type { Migration } from './migration.ts';

export const outlookItemKinds: Migration = {
  version: 70,
  name: 'Outlook item kinds',
  foreignKeysOff: true,
  up: `
    CREATE TABLE exhibits_new (
      id INTEGER PRIMARY KEY,
      exhibit_no TEXT NOT NULL COLLATE NOCASE UNIQUE,
      seq INTEGER NOT NULL,
      title TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('pdf','email','image','document','text','html','other',
        'contact','appointment','task','note','contact_group')),
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
    INSERT INTO exhibits_new (id, exhibit_no, seq, title, kind, doc_date, author, from_addr, to_addr, cc_addr, subject,
      description, source_name, source_path, sha256, media_type, page_count, text_layer, encrypted, confidentiality,
      parent_id, warnings, imported_at)
    SELECT id, exhibit_no, seq, title, kind, doc_date, author, from_addr, to_addr, cc_addr, subject,
      description, source_name, source_path, sha256, media_type, page_count, text_layer, encrypted, confidentiality,
      parent_id, warnings, imported_at FROM exhibits;
    DROP TABLE exhibits;
    ALTER TABLE exhibits_new RENAME TO exhibits;

    CREATE INDEX exhibits_by_seq ON exhibits(seq, exhibit_no);
    CREATE INDEX exhibits_by_parent ON exhibits(parent_id);
    CREATE INDEX exhibits_by_date ON exhibits(doc_date);
    CREATE INDEX exhibits_by_kind_date ON exhibits(kind, doc_date);
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
