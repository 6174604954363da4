// A folder imported as a production volume: what its load files hold (documents, pages, families), what is wrong with
// them by line, which of their fields become which of ours, and who produced it; then the import itself.
import { useEffect, useState } from 'react';
import type { ProductionPreview } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { fileName, plural } from '../../components/format.ts';
import type { ProductionImport as ProductionArgs } from './use-import.ts';

interface Props {
  path: string;
  onImport: (production: ProductionArgs) => void;
  onBack: () => void;
}

export function ProductionImport({ path, onImport, onBack }: Props) {
  const [preview, setPreview] = useState<ProductionPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [party, setParty] = useState('');

  useEffect(() => {
    let live = true;
    api.inspectProduction({ path }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [path]);

  return (
    <form
      className="form production-import"
      aria-label="Production volume"
      onSubmit={(e) => {
        e.preventDefault();
        // The field map shown is the one inspected, sent back as is so that what was shown is what is imported.
        if (preview) onImport({ fieldMap: preview.fieldMap, producingParty: party.trim() || undefined });
      }}
    >
      <p className="muted mono break">{path}</p>
      {!preview && !error && <p role="status">Reading the volume’s load files…</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p>
            Volume <strong className="num">{preview.volume}</strong>: load file <span className="mono">{fileName(preview.datFile)}</span>
            {preview.optFile ? (
              <>
                , image list <span className="mono">{fileName(preview.optFile)}</span>
              </>
            ) : (
              ', no image list'
            )}
            .
          </p>
          <dl className="stats" aria-label="Volume contents">
            <div className="stat">
              <dt>Documents</dt>
              <dd className="num">{preview.documents.toLocaleString('en-US')}</dd>
            </div>
            <div className="stat">
              <dt>Pages</dt>
              <dd className="num">{preview.pages.toLocaleString('en-US')}</dd>
            </div>
            <div className="stat">
              <dt>Families</dt>
              <dd className="num">{preview.families.toLocaleString('en-US')}</dd>
            </div>
          </dl>
          {preview.problems.length > 0 && (
            <section aria-label="Problems" className="report-list">
              <h3>
                <Icon name="alert" size={14} /> {plural(preview.problems.length, 'problem')} (those rows are left out; the rest import whole)
              </h3>
              <ul>
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    <span className="mono">
                      {fileName(p.file)}
                      {p.line !== null ? `, line ${p.line}` : ''}
                    </span>
                    <span className="reason">{p.message}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-label="Field map" className="report-list">
            <h3>Fields of the load file, as read</h3>
            <ul>
              {Object.entries(preview.fieldMap).map(([ours, column]) => (
                <li key={ours}>
                  <span className="mono">{column}</span>
                  <span className="reason">{ours}</span>
                </li>
              ))}
            </ul>
          </section>
          <label className="field">
            <span>Producing party (optional)</span>
            <input value={party} maxLength={200} placeholder="e.g. Huawei Technologies" onChange={(e) => setParty(e.target.value)} />
          </label>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="button primary" disabled={!preview || preview.documents === 0}>
          Import production
        </button>
      </div>
    </form>
  );
}
