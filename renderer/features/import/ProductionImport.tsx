// A folder imported as a production volume: what its load files hold (documents, pages, families), what is wrong with
// them by line, which of their fields become which of ours (changeable, and read again at each change), and who
// produced it; then the import itself.
import { useEffect, useState } from 'react';
import type { ProductionPreview } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { Icon } from '../../components/Icon.tsx';
import { fileName, plural } from '../../components/format.ts';
import { completeFieldMap, ProductionFieldMap } from './ProductionFieldMap.tsx';
import type { ProductionImport as ProductionArgs } from './use-import.ts';

interface Props {
  /** The volume's folder; the parent keys this form by it, so that a map changed for one volume never reaches another. */
  path: string;
  onImport: (production: ProductionArgs) => void;
  onBack: () => void;
}

export function ProductionImport({ path, onImport, onBack }: Props) {
  const [preview, setPreview] = useState<ProductionPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [party, setParty] = useState('');
  // The map the user has changed, if any: the volume is read again with it (counts and problems follow the map).
  const [fieldMap, setFieldMap] = useState<Record<string, string> | undefined>(undefined);
  const [reading, setReading] = useState(true);

  useEffect(() => {
    let live = true;
    setReading(true);
    api.inspectProduction({ path, fieldMap }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
        setReading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError((e as Error).message);
        setReading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [path, fieldMap]);

  return (
    <form
      className="form production-import"
      aria-label="Production volume"
      onSubmit={(e) => {
        e.preventDefault();
        // The field map shown is the one inspected, sent back whole so that what was shown is what is imported.
        if (preview && !reading) onImport({ fieldMap: completeFieldMap(preview), producingParty: party.trim() || undefined });
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
          <ProductionFieldMap preview={preview} busy={reading} onChange={setFieldMap} />
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
        <button type="submit" className="button primary" disabled={!preview || reading || preview.documents === 0}>
          Import production
        </button>
      </div>
    </form>
  );
}
