// Every number an exhibit carries: designations (deposition, filing, trial, production, other) with where each came
// from, the filings exports were made for (their frozen labels are designations; the exhibits they cited as already
// filed are filing_citations), and what happened to exhibits at trial (offered, marked, admitted, refused, withdrawn).
// A production's Bates range stays in production_sources and is read from there as a designation, never copied.
import type { Migration } from './migration.ts';

export const designationsFilingsTrial: Migration = {
  version: 120,
  name: 'Designations, filings and trial marks',
  up: `
    -- AUTOINCREMENT: ids are never reused, so a citation or an audit entry never comes to name another filing.
    CREATE TABLE filings (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      title TEXT NOT NULL CHECK (length(title) > 0),
      filed_on TEXT NOT NULL CHECK (date(filed_on) IS filed_on),
      export_kind TEXT NOT NULL CHECK (export_kind IN ('bundle', 'stamped')),
      scheme TEXT NOT NULL CHECK (scheme IN ('letters', 'numbers')),
      folder TEXT,
      docket TEXT CHECK (docket IS NULL OR length(docket) > 0),
      first_attachment INTEGER NOT NULL DEFAULT 1 CHECK (first_attachment >= 0),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE designations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('production', 'deposition', 'filing', 'trial', 'custom')),
      label TEXT NOT NULL CHECK (length(label) > 0),
      -- the label as lookups match it (shared/designation-key.ts): "PX-012" and "px 12" are both 'px 12'
      label_key TEXT NOT NULL,
      source TEXT,
      witness TEXT,
      source_date TEXT CHECK (source_date IS NULL OR date(source_date) IS source_date),
      party TEXT CHECK (party IN ('plaintiff', 'defendant', 'joint')),
      filing_id INTEGER REFERENCES filings(id),
      -- which of the filing's exhibit files (0-based) holds it: its docket attachment is first_attachment + file_index
      file_index INTEGER CHECK (file_index >= 0),
      created_at TEXT NOT NULL,
      CHECK ((kind = 'trial') = (party IS NOT NULL)),
      CHECK (filing_id IS NULL OR kind = 'filing'),
      CHECK ((filing_id IS NULL) = (file_index IS NULL))
    ) STRICT;
    CREATE INDEX designations_by_exhibit ON designations(exhibit_id, kind);
    CREATE INDEX designations_by_key ON designations(label_key);
    CREATE UNIQUE INDEX designations_filing_labels ON designations(filing_id, label) WHERE filing_id IS NOT NULL;
    CREATE UNIQUE INDEX designations_trial_numbers ON designations(party, label_key) WHERE kind = 'trial';

    -- A removed exhibit takes its designations, and so the citations of them, with it.
    CREATE TABLE filing_citations (
      filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
      designation_id INTEGER NOT NULL REFERENCES designations(id) ON DELETE CASCADE,
      PRIMARY KEY (filing_id, designation_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX filing_citations_by_designation ON filing_citations(designation_id);

    CREATE TABLE trial_marks (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
      event TEXT NOT NULL CHECK (event IN ('offered', 'marked', 'admitted', 'refused', 'withdrawn')),
      on_date TEXT NOT NULL CHECK (date(on_date) IS on_date),
      witness TEXT,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX trial_marks_by_exhibit ON trial_marks(exhibit_id, on_date);
  `,
};
