// Redactions: the parts of exhibit pages that every export removes (never the original), proposed by a search or
// the privacy scan and applied once accepted, or drawn by the user and accepted at once.
import type { Migration } from './migration.ts';

export const redactions: Migration = {
  version: 80,
  name: 'Redactions',
  up: `
    CREATE TABLE redactions (
      id INTEGER PRIMARY KEY,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      page INTEGER NOT NULL CHECK (page > 0),
      -- fractions of the page as shown, from its top-left corner: [{x, y, width, height}, …]
      rects TEXT NOT NULL CHECK (json_valid(rects) AND json_array_length(rects) > 0),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      label TEXT,
      status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted')),
      text TEXT,
      origin TEXT NOT NULL CHECK (origin IN ('box', 'text', 'search')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX redactions_by_exhibit ON redactions(exhibit_id, page);
    CREATE INDEX redactions_by_status ON redactions(status, exhibit_id);
  `,
};
