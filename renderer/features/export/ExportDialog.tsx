// Export: the settings on the left, the first pages as they would come out on the right; then progress with Cancel,
// and what was written with its preflight check.
import { useMemo, useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useWorkspace } from '../../app/workspace.tsx';
import { toRequest, type ExportForm } from './export-form.ts';
import { ExportOutcome } from './ExportOutcome.tsx';
import { ExportPreview } from './ExportPreview.tsx';
import { ExportSettings } from './ExportSettings.tsx';
import { saveWithCase, useRememberedForm } from './remembered-form.ts';
import { useExport } from './use-export.ts';
import { usePreview } from './use-preview.ts';

/** The buttons under a finished or failed export: back to the settings, or close. */
function AfterExport({ again, onAgain, onClose }: { again: string; onAgain: () => void; onClose: () => void }) {
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onAgain}>
        {again}
      </button>
      <button type="button" className="button primary" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

interface ExportDialogProps {
  open: boolean;
  /** Exhibit numbers selected in the grid, for "Selected in the grid". */
  selected: string[];
  onClose: () => void;
}

export function ExportDialog({ open, selected, onClose }: ExportDialogProps) {
  const exporter = useExport();
  const { phase } = exporter;
  const close = () => {
    exporter.reset();
    onClose();
  };
  const title = phase.state === 'running' ? 'Exporting' : phase.state === 'checking' || phase.state === 'done' ? 'Export finished' : 'Export';
  return (
    <Dialog open={open} title={title} onClose={close} dismissable={phase.state !== 'running'} className="export-dialog">
      {phase.state === 'idle' && <ExportSetup open={open} selected={selected} onStart={exporter.start} onClose={close} />}
      {phase.state === 'running' && (
        <div className="import-progress">
          <ProgressBar label="Export progress" value={phase.progress.done} max={phase.progress.total} />
          <p className="current-file">{phase.cancelling ? 'Cancelling…' : (phase.progress.current ?? 'Starting…')}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={exporter.cancel} disabled={phase.cancelling}>
              Cancel export
            </button>
          </div>
        </div>
      )}
      {(phase.state === 'checking' || phase.state === 'done') && (
        <>
          <ExportOutcome
            result={phase.result}
            preflight={phase.state === 'done' ? phase.preflight : null}
            preflightError={phase.state === 'done' ? phase.preflightError : null}
            checking={phase.state === 'checking'}
          />
          <AfterExport again="Export something else" onAgain={exporter.reset} onClose={close} />
        </>
      )}
      {phase.state === 'failed' && (
        <>
          <p role="alert" className="form-error">
            {phase.message}
          </p>
          <AfterExport again="Back to the settings" onAgain={exporter.reset} onClose={close} />
        </>
      )}
    </Dialog>
  );
}

interface ExportSetupProps {
  open: boolean;
  selected: string[];
  onStart: ReturnType<typeof useExport>['start'];
  onClose: () => void;
}

// The settings survive "Export something else", closing the dialog and the next session, as a trial team re-exports
// with small changes (remembered-form.ts).
function ExportSetup(props: ExportSetupProps) {
  const { caseInfo } = useWorkspace();
  const remembered = useRememberedForm(props.open, caseInfo?.folder ?? '');
  if (!remembered.initial) return <p className="muted">Reading this case’s export settings…</p>;
  return <ExportSetupForm {...props} initial={remembered.initial} keep={remembered.keep} />;
}

function ExportSetupForm({ selected: selectedNow, onStart, onClose, initial, keep }: ExportSetupProps & { initial: ExportForm; keep: (form: ExportForm) => void }) {
  // "Selected in the grid" means the exhibits selected when the settings opened: the export and its preview are
  // bound to them, whatever the grid's selection does meanwhile.
  const [selected] = useState(selectedNow);
  const [form, setForm] = useState<ExportForm>(initial);
  const [error, setError] = useState<string | null>(null);
  keep(form);
  const read = useMemo(() => toRequest(form, selected), [form, selected]);
  const preview = usePreview('request' in read ? read.request : null);

  return (
    <form
      className="form export-form"
      onSubmit={(e) => {
        e.preventDefault();
        if ('problem' in read) return setError(read.problem);
        setError(null);
        saveWithCase(form);
        void onStart(read.request);
      }}
    >
      <div className="export-columns">
        <ExportSettings form={form} setForm={setForm} selected={selected} />
        <ExportPreview preview={preview} missing={'problem' in read ? read.problem : null} />
      </div>
      <FormFooter error={error} onCancel={onClose} submitLabel="Export" />
    </form>
  );
}
