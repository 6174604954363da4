// Everything a core operation on one open case needs, built once when the case opens.
import type Database from 'better-sqlite3';
import { createAllegationStore } from '../store/allegations.ts';
import { createAnnotationStore } from '../store/annotations.ts';
import { createAuditLog } from '../store/audit.ts';
import { createEvidenceStore } from '../store/evidence.ts';
import { createExhibitStore } from '../store/exhibits.ts';
import { createFactStore } from '../store/facts.ts';
import { createOcrStore } from '../store/ocr-text.ts';
import { createProductionSourceStore } from '../store/production-sources.ts';
import { createRedactionStore } from '../store/redactions.ts';
import { createSettings } from '../store/settings.ts';
import { createTagStore } from '../store/tags.ts';
import { createUserStore } from '../store/users.ts';
import { createWithheldStore } from '../store/withheld.ts';
import type { Vault } from '../vault/vault.ts';

export type Clock = () => string;

export const systemClock: Clock = () => new Date().toISOString();

export function createCaseContext(db: Database.Database, vault: Vault, now: Clock = systemClock, readOnly: { reason: string } | null = null) {
  const tags = createTagStore(db);
  return {
    db,
    vault,
    now,
    /** Why the case is open read-only (a damaged database), or null. */
    readOnly,
    tags,
    settings: createSettings(db),
    audit: createAuditLog(db, now),
    exhibits: createExhibitStore(db, tags.paths),
    allegations: createAllegationStore(db),
    evidence: createEvidenceStore(db),
    annotations: createAnnotationStore(db),
    users: createUserStore(db),
    ocr: createOcrStore(db),
    redactions: createRedactionStore(db),
    productionSources: createProductionSourceStore(db),
    withheld: createWithheldStore(db),
    facts: createFactStore(db, tags.paths),
  };
}

export type CaseContext = ReturnType<typeof createCaseContext>;
