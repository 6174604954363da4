// manifest.json, written beside every export: each file with its SHA-256, each exhibit with its Bates range and the
// SHA-256 of every original it reproduces, the settings used and the warnings, so a filing can be checked later.
import type { AuditHead, ExportPreflight } from '../../../shared/model.ts';
import type { ExportKind, ExportOutcome } from './export-job.ts';

export const MANIFEST_NAME = 'manifest.json';

export function manifestBytes(
  kind: ExportKind,
  caseTitle: string,
  createdAt: string,
  outcome: ExportOutcome,
  warnings: string[],
  auditHead: AuditHead | null,
  preflight?: ExportPreflight,
): Uint8Array {
  const manifest = {
    format: 'exhibit-desk-export/1',
    kind,
    createdAt,
    case: { title: caseTitle },
    // The case's audit log as it stood at export: `exhibit-desk verify CASE --anchor manifest.json` shows a rewrite.
    auditHead,
    settings: outcome.settings,
    files: outcome.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes, pages: f.pages, exhibits: f.exhibits })),
    exhibits: outcome.exhibits,
    warnings,
    // For a court: the preflight the export ran on its own files, as the court's system will read them.
    ...(preflight ? { preflight } : {}),
  };
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}
