// What an export wrote (each file with its pages, size and SHA-256), its warnings, and the preflight check of its PDFs.
import type { ExportResult } from '../../../shared/model.ts';
import type { PreflightReport } from '../../../shared/preflight.ts';
import { bridge } from '../../api/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { fileName, plural } from '../../components/format.ts';

function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1000))} KB`;
}

interface ExportOutcomeProps {
  result: ExportResult;
  preflight: PreflightReport | null;
  preflightError: string | null;
  checking: boolean;
}

export function ExportOutcome({ result, preflight, preflightError, checking }: ExportOutcomeProps) {
  const problems = preflight?.files.flatMap((f) => f.problems.map((p) => ({ ...p, file: fileName(f.path) }))) ?? [];
  return (
    <div className="export-outcome">
      <p className="saved-to">
        Saved to <span className="mono">{result.manifest.replace(/[\\/][^\\/]+$/, '')}</span>
      </p>
      <ul className="written-files" aria-label="Files written">
        {result.files.map((f) => (
          <li key={f.path}>
            <span className="mono name" title={f.path}>
              {fileName(f.path)}
            </span>
            <span className="muted">
              {f.pages !== null ? `${plural(f.pages, 'page')} · ` : ''}
              {size(f.bytes)}
            </span>
            <span className="mono file-sha" title={`SHA-256 ${f.sha256}`}>
              {f.sha256.slice(0, 12)}…
            </span>
            {bridge.showInFolder && (
              <button type="button" className="text-button" onClick={() => void bridge.showInFolder?.(f.path)}>
                Show in folder
              </button>
            )}
          </li>
        ))}
      </ul>
      {result.filing && (
        <p className="hint" role="status">
          <Icon name="check" size={15} />
          Filing “{result.filing.title}” recorded: {result.filing.exhibits.map((e) => `${e.exhibitNo} is Ex. ${e.label}`).join(', ')}. These labels stay as they are;
          enter the docket number once it is filed (exhibit-desk filing … docket).
        </p>
      )}
      {result.warnings.length > 0 && (
        <div className="hint warn">
          <Icon name="alert" size={15} />
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {/* Only PDFs are checked: an export of Word or CSV files alone has no preflight to show. */}
      {(checking || preflight || preflightError) && (
        <section className="preflight" aria-label="Preflight">
          <h3>Preflight</h3>
          {checking && <p className="muted">Checking the PDFs as a court’s filing system would…</p>}
          {preflightError && <p className="form-error">Preflight could not run: {preflightError}</p>}
          {preflight && problems.length === 0 && (
            <p className="preflight-ok">
              <Icon name="check" /> {plural(preflight.files.length, 'PDF')} passed: valid, within the size limit, text on every page, nothing
              embedded or scripted, fonts embedded, no personal identifiers found.
            </p>
          )}
          {preflight && problems.length > 0 && (
            <p>
              {plural(preflight.files.filter((f) => !f.ok).length, 'PDF')} of {preflight.files.length} would be refused or need attention before
              filing:
            </p>
          )}
          {problems.length > 0 && (
            <ul className="preflight-problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <span className="mono">{p.file}</span>
                  {p.page !== null ? ` p. ${p.page}` : ''}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
