// The first pages of the export as the settings stand, drawn small enough to read the stamps at a glance.
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { PageCanvas } from '../viewer/PageCanvas.tsx';
import type { PreviewState } from './use-preview.ts';

const WIDTH = 340;

/** `missing` says what the settings still need before there is anything to preview. */
export function ExportPreview({ preview, missing }: { preview: PreviewState; missing: string | null }) {
  const { shown, busy, error } = preview;
  return (
    <section className="export-preview" aria-label="Preview" aria-busy={busy}>
      <h3>{shown ? `Preview — first pages of ${shown.fileName}` : 'Preview'}</h3>
      {busy && <ProgressBar label="Making the preview" />}
      {missing && <p className="muted">{missing}</p>}
      {!missing && error && (
        <p className="form-error" role="status">
          No preview: {error}
        </p>
      )}
      {shown && !missing && !error && (
        <>
          {shown.warnings.length > 0 && (
            <ul className="preview-warnings">
              {shown.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <ol className={busy ? 'preview-pages stale' : 'preview-pages'}>
            {Array.from({ length: shown.doc.numPages }, (_, i) => (
              <li key={i}>
                <PageCanvas doc={shown.doc} pageNumber={i + 1} width={WIDTH} label={`Preview page ${i + 1}`} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
