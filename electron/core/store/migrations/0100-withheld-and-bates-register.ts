// Productions: exhibits withheld as privileged (a slip sheet and a privilege-log row stand in for them), and the last
// Bates number used per prefix, so that a later production continues the numbers and never reuses one.
import type { Migration } from './migration.ts';

export const withheldAndBatesRegister: Migration = {
  version: 100,
  name: 'Withheld exhibits and the production Bates register',
  up: `
    CREATE TABLE withheld (
      exhibit_id INTEGER PRIMARY KEY REFERENCES exhibits(id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (type IN ('attorney_client', 'work_product', 'other')),
      description TEXT NOT NULL CHECK (length(description) > 0),
      set_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE production_bates (
      prefix TEXT PRIMARY KEY CHECK (length(prefix) > 0),
      last INTEGER NOT NULL CHECK (last >= 0),
      digits INTEGER NOT NULL CHECK (digits BETWEEN 1 AND 15)
    ) STRICT;
  `,
};
