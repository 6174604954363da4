// Paragraphs that need no evidence (jurisdiction, venue, "realleges the paragraphs above"), with the reason given:
// they are no longer gaps, in the allegations pane, unsupportedParagraphs and the proof chart.
import type { Migration } from './migration.ts';

export const noEvidenceNeeded: Migration = {
  version: 140,
  name: 'Paragraphs that need no evidence',
  up: `
    ALTER TABLE paragraphs ADD COLUMN no_evidence_reason TEXT
      CHECK (no_evidence_reason IS NULL OR (length(no_evidence_reason) BETWEEN 1 AND 500 AND no_evidence_reason = trim(no_evidence_reason)));
  `,
};
