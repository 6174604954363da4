// The end of an import: how many files were imported, were already in the case, or failed, and why; and how many
// scanned pages were read. Every line names its file; warnings say how things stand now (OCR may have read the
// pages an import found without text since).
import type { ImportReport, OcrReport } from '../../../shared/model.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { fileName, plural, warningsNow } from '../../components/format.ts';

interface ImportSummaryProps {
  report: ImportReport;
  ocr: OcrReport | null;
  onClose: () => void;
  onShowImported: () => void;
}

export function ImportSummary({ report, ocr, onClose, onShowImported }: ImportSummaryProps) {
  const { exhibits } = useWorkspace();
  const warned = report.imported.filter((i) => i.warnings.length > 0);
  return (
    <div className="import-summary">
      {report.cancelled && (
        <p className="hint warn">
          <Icon name="alert" size={15} />
          <span>The import was cancelled; the files below were handled before it stopped.</span>
        </p>
      )}
      <dl className="stats">
        <div className="stat ok">
          <dt>Imported</dt>
          <dd className="num">{report.imported.length}</dd>
        </div>
        <div className="stat">
          <dt>Duplicates</dt>
          <dd className="num">{report.duplicates.length}</dd>
        </div>
        <div className={report.failed.length ? 'stat bad' : 'stat'}>
          <dt>Failed</dt>
          <dd className="num">{report.failed.length}</dd>
        </div>
      </dl>
      {ocr && (
        <p className={ocr.pending > 0 ? 'hint warn' : 'hint'}>
          <Icon name={ocr.pending > 0 ? 'alert' : 'text'} size={15} />
          <span>
            {plural(ocr.pages, 'scanned page')} read by OCR and now searchable
            {ocr.pending > 0 ? `; ${plural(ocr.pending, 'page')} still to read (${ocr.cancelled ? 'stopped' : ocr.warnings[0] ?? 'skipped'}), taken up at the next import` : ''}.
          </span>
        </p>
      )}
      {report.failed.length > 0 && (
        <section aria-label="Failed files" className="report-list">
          <h3>Not imported</h3>
          <ul>
            {report.failed.map((f) => (
              <li key={f.path}>
                {/* A path that was not found is shown whole: the mistake is usually in its folders. */}
                <span className="mono break" title={f.path}>
                  {f.code === 'not_found' ? f.path : fileName(f.path)}
                </span>
                <span className="reason">{f.error}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.duplicates.length > 0 && (
        <section aria-label="Duplicate files" className="report-list">
          <h3>Already in the case</h3>
          <ul>
            {report.duplicates.map((d) => (
              <li key={d.path}>
                <span className="mono" title={d.path}>
                  {fileName(d.path)}
                </span>
                <span className="reason">Same content as {exhibits.byId.get(d.existingId)?.exhibitNo ?? 'an existing exhibit'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {warned.length > 0 && (
        <section aria-label="Imported with warnings" className="report-list">
          <h3>Imported with warnings</h3>
          <ul>
            {warned.map((i) => {
              const now = exhibits.byId.get(i.id);
              return (
                <li key={i.id}>
                  <span className="mono" title={i.path}>
                    {fileName(i.path)} <span className="muted num">({now?.exhibitNo ?? i.exhibitNo})</span>
                  </span>
                  <span className="reason">{(now ? warningsNow(now) : i.warnings).join(' ')}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="form-actions">
        {report.imported.length > 0 && (
          <button type="button" className="button" onClick={onShowImported}>
            Select imported exhibits
          </button>
        )}
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
