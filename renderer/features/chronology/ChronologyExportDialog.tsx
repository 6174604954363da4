// Exports the chronology report (Date, Fact, Sources, Status) as Word, PDF or CSV and lists the files it wrote.
import { useState } from 'react';
import type { FactFilters } from '../../../shared/api.ts';
import type { ExportResult } from '../../../shared/model.ts';
import { api, bridge } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { fileName, formatBytes } from '../../components/format.ts';
import { Segmented } from '../../components/Segmented.tsx';

type Format = 'docx' | 'pdf' | 'csv';
const FORMATS = [
  ['docx', 'Word'],
  ['pdf', 'PDF'],
  ['csv', 'CSV'],
] as const;

interface ChronologyExportDialogProps {
  open: boolean;
  /** The filters the chronology shows now, offered as a narrower report. */
  filters: FactFilters;
  onClose: () => void;
}

export function ChronologyExportDialog({ open, filters, onClose }: ChronologyExportDialogProps) {
  return (
    <Dialog open={open} title="Export chronology" onClose={onClose} className="chronology-export-dialog">
      {open && <ExportForm filters={filters} onClose={onClose} />}
    </Dialog>
  );
}

function ExportForm({ filters, onClose }: { filters: FactFilters; onClose: () => void }) {
  const { caseInfo, announce } = useWorkspace();
  const folder = caseInfo?.folder.replace(/[\\/]+$/, '');
  const [outDir, setOutDir] = useState(folder ? `${folder}${folder.includes('\\') ? '\\' : '/'}Exports` : '');
  const [format, setFormat] = useState<Format>('docx');
  const filtered = Object.keys(filters).length > 0;
  const [onlyShown, setOnlyShown] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const written = await api.exportChronology({ outDir, format, filters: onlyShown ? filters : {} });
      setResult(written);
      announce(`Exported the chronology (${written.files.length === 1 ? fileName(written.files[0]!.path) : `${written.files.length} files`}).`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (result)
    return (
      <div className="form">
        <p className="saved-to">
          Saved to <span className="mono">{result.manifest.replace(/[\\/][^\\/]+$/, '')}</span>
        </p>
        <ul className="written-files" aria-label="Files written">
          {result.files.map((f) => (
            <li key={f.path}>
              <span className="mono name">{fileName(f.path)}</span>
              <span className="muted">{formatBytes(f.bytes)}</span>
              {bridge.showInFolder && (
                <button type="button" className="text-button" onClick={() => void bridge.showInFolder?.(f.path)}>
                  Show in folder
                </button>
              )}
            </li>
          ))}
        </ul>
        {result.warnings.length > 0 && (
          <ul className="warning-list">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <button type="button" className="button primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <Segmented legend="Format" value={format} options={FORMATS} onChange={setFormat} />
      <label className="field">
        <span>Folder to export to</span>
        <div className="folder-field">
          <input value={outDir} onChange={(e) => setOutDir(e.target.value)} spellCheck={false} />
          {bridge.chooseFolder && (
            <button
              type="button"
              className="button"
              onClick={() => void bridge.chooseFolder?.('Export the chronology to this folder').then((dir) => dir && setOutDir(dir))}
            >
              Choose…
            </button>
          )}
        </div>
      </label>
      {filtered && (
        <label className="checkbox">
          <input type="checkbox" checked={onlyShown} onChange={(e) => setOnlyShown(e.target.checked)} /> Only the facts the filters show
        </label>
      )}
      <p className="muted small-print">Proposed facts stay out of the report until they are accepted.</p>
      <FormFooter error={error} onCancel={onClose} busy={busy} submitLabel={busy ? 'Exporting…' : 'Export'} />
    </form>
  );
}
