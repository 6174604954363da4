// The ordered, append-only list of schema steps, and the runner that applies them one transaction each.
import type Database from 'better-sqlite3';
import { UserError } from '../../../../shared/errors.ts';
import type { Migration } from './migration.ts';
import { initial } from './0010-initial.ts';
import { ocrText } from './0020-ocr-text.ts';
import { searchFilterIndexes } from './0030-search-filter-index.ts';
import { cjkSearch } from './0040-cjk-search.ts';
import { scannedPageFacts } from './0050-scanned-page-facts.ts';
import { picturePages } from './0060-picture-pages.ts';
import { outlookItemKinds } from './0070-outlook-item-kinds.ts';
import { redactions } from './0080-redactions.ts';
import { productionSources } from './0090-production-sources.ts';
import { withheldAndBatesRegister } from './0100-withheld-and-bates-register.ts';
import { facts } from './0110-facts.ts';
import { designationsFilingsTrial } from './0120-designations-filings-trial.ts';
import { authors } from './0130-authors.ts';
import { noEvidenceNeeded } from './0140-no-evidence-needed.ts';
import { searchGeneration } from './0150-search-generation.ts';
import { registerIndexedText } from '../../search/cjk-text.ts';

export const MIGRATIONS: readonly Migration[] = [initial, ocrText, searchFilterIndexes, cjkSearch, scannedPageFacts, picturePages, outlookItemKinds, redactions, productionSources, withheldAndBatesRegister, facts, designationsFilingsTrial, authors, noEvidenceNeeded, searchGeneration];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every step newer than the database, up to `target`; refuses a case written by a newer version. */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  registerIndexedText(db); // the full-text index's triggers call it (0040); every writing connection is migrated
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new UserError(
      'case_too_new',
      `This case was saved by a newer version of Exhibit Desk (schema ${current}); update the app to open it.`,
    );
  }
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    const keysWere = step.foreignKeysOff ? (db.pragma('foreign_keys', { simple: true }) as number) : null;
    if (keysWere !== null) db.pragma('foreign_keys = OFF');
    try {
      // Immediate, and the version read again inside: another process (the app beside the CLI) may have applied this
      // step while this one waited for the lock, and a step run twice is not always harmless.
      db.transaction(() => {
        if (schemaVersion(db) >= step.version) return;
        db.exec(step.up);
        if (step.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`Schema step ${step.version} would break ${broken.length} reference(s); nothing was changed.`);
        }
        db.pragma(`user_version = ${step.version}`);
      }).immediate();
    } finally {
      if (keysWere !== null) db.pragma(`foreign_keys = ${keysWere ? 'ON' : 'OFF'}`);
    }
  }
  return schemaVersion(db);
}
