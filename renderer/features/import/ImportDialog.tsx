// Import files into the case: the paths (typed or pasted in a browser; dropped in the desktop app), progress with
// the current file and Cancel, then what was imported, what was already there, and what failed and why. One folder
// may instead be imported as a production volume, after a look at its load files.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportProgress, ImportReport } from '../../../shared/model.ts';
import { importSource, parsePathList } from '../../api/import-source.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { fileName, plural } from '../../components/format.ts';
import { ProductionImport } from './ProductionImport.tsx';
import type { ImportPhase, ProductionImport as ProductionArgs } from './use-import.ts';

export interface ImportRequest {
  /** Paths known already (dropped in the desktop app); the import starts at once. */
  paths?: string[];
  /** Names of dropped files whose paths the browser keeps hidden, to remind the user what to paste. */
  droppedNames?: string[];
}

interface ImportDialogProps {
  request: ImportRequest | null;
  phase: ImportPhase;
  /** With `production`, the one path is a production volume's folder. */
  onStart: (paths: string[], passwords: string[], production?: ProductionArgs) => void;
  onCancel: () => void;
  onClose: () => void;
  onShowImported: (report: ImportReport) => void;
}

export function ImportDialog({ request, phase, onStart, onCancel, onClose, onShowImported }: ImportDialogProps) {
  const open = request !== null || phase.state !== 'idle';
  const running = phase.state === 'running' || phase.state === 'ocr';
  const title = phase.state === 'running' ? 'Importing files' : phase.state === 'ocr' ? 'Reading scanned pages' : phase.state === 'done' ? 'Import finished' : 'Import files';
  return (
    <Dialog open={open} title={title} onClose={onClose} dismissable={!running} className="import-dialog">
      {phase.state === 'idle' && request && <PathsForm request={request} onStart={onStart} onClose={onClose} />}
      {phase.state === 'running' && <Progress phase={phase} onCancel={onCancel} />}
      {phase.state === 'ocr' && <OcrProgress phase={phase} onCancel={onCancel} />}
      {phase.state === 'done' && <ImportSummary report={phase.report} ocr={phase.ocr} onClose={onClose} onShowImported={() => onShowImported(phase.report)} />}
      {phase.state === 'failed' && (
        <>
          <p role="alert" className="form-error">
            {phase.message}
          </p>
          <div className="form-actions">
            <button type="button" className="button primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function PathsForm({ request, onStart, onClose }: { request: ImportRequest; onStart: ImportDialogProps['onStart']; onClose: () => void }) {
  const [text, setText] = useState('');
  const [password, setPassword] = useState('');
  const [asProduction, setAsProduction] = useState(false);
  const paths = parsePathList(text);
  const started = useRef(false);

  useEffect(() => {
    if (!request.paths?.length || started.current) return;
    started.current = true;
    onStart(request.paths, []);
  }, [request, onStart]);

  if (asProduction && paths.length === 1)
    return <ProductionImport path={paths[0]!} onBack={() => setAsProduction(false)} onImport={(production) => onStart(paths, [], production)} />;

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (paths.length > 0) onStart(paths, password ? [password] : []);
      }}
    >
      {!importSource.revealsPaths && (
        <p className="hint">
          <Icon name="shield" size={15} />
          <span>
            In browser mode the browser does not tell Exhibit Desk where files are on this computer. Type or paste the full path of each
            file or folder, one per line; folders are imported with everything in them.
          </span>
        </p>
      )}
      {request.droppedNames && request.droppedNames.length > 0 && (
        <div className="dropped">
          <p className="muted">You dropped:</p>
          <ul>
            {request.droppedNames.slice(0, 8).map((n) => (
              <li key={n} className="mono">
                {n}
              </li>
            ))}
            {request.droppedNames.length > 8 && <li className="muted">and {request.droppedNames.length - 8} more</li>}
          </ul>
        </div>
      )}
      <label className="field">
        <span>Paths on this computer</span>
        <textarea
          className="mono"
          rows={6}
          value={text}
          autoFocus
          spellCheck={false}
          placeholder={'/Users/you/Documents/Production 001\n/Users/you/Downloads/letter.pdf'}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Password for protected PDFs (optional)</span>
        <input type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
      </label>
      <div className="form-actions">
        <span className="muted">{paths.length > 0 ? plural(paths.length, 'path') : ''}</span>
        {/* A production volume (DAT, OPT, images, text) is one folder: offered when one path is given. */}
        {paths.length === 1 && (
          <button type="button" className="button" onClick={() => setAsProduction(true)}>
            Import as a production volume…
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={paths.length === 0}>
          Import
        </button>
      </div>
    </form>
  );
}

function Progress({ phase, onCancel }: { phase: Extract<ImportPhase, { state: 'running' }>; onCancel: () => void }) {
  return (
    <StepProgress
      label="Import progress"
      unit="file"
      finding="Finding files"
      phase={phase}
      current={phase.progress.current && <span className="mono">{fileName(phase.progress.current)}</span>}
      stopping="stopping after the current file…"
      cancel={<button type="button" className="button" onClick={onCancel} disabled={phase.cancelling}>Cancel import</button>}
    />
  );
}

function OcrProgress({ phase, onCancel }: { phase: Extract<ImportPhase, { state: 'ocr' }>; onCancel: () => void }) {
  return (
    <>
      <p className="progress-line">
        {plural(phase.report.imported.length, 'file')} imported. Pages with no text layer (scans) are being read so that they can be searched.
      </p>
      <StepProgress
        label="OCR progress"
        unit="page"
        finding="Finding scanned pages"
        phase={phase}
        current={phase.progress.current && <span className="mono">{phase.progress.current}</span>}
        stopping="stopping after the current page…"
        cancel={
          <>
            <span className="muted">Stopped pages are read the next time.</span>
            <button type="button" className="button" onClick={onCancel} disabled={phase.cancelling}>
              Stop reading
            </button>
          </>
        }
      />
    </>
  );
}

interface StepProgressProps {
  label: string;
  unit: string;
  finding: string;
  phase: { progress: ImportProgress; cancelling: boolean };
  current: ReactNode;
  stopping: string;
  cancel: ReactNode;
}

/** A long step's progress: the bar, "n of N", what is being read now, and the way to stop it. */
function StepProgress({ label, unit, finding, phase, current, stopping, cancel }: StepProgressProps) {
  const { done, total } = phase.progress;
  return (
    <div className="import-progress">
      <ProgressBar
        label={label}
        value={total > 0 ? done : undefined}
        max={total > 0 ? total : undefined}
        valueText={total > 0 ? `${done} of ${total} ${unit}s` : finding}
      />
      <p className="progress-line">
        <strong className="num">{total > 0 ? `${done.toLocaleString('en-US')} of ${plural(total, unit)}` : `${finding}…`}</strong>
        {phase.cancelling && <span className="muted"> · {stopping}</span>}
      </p>
      {current && (
        <p className="current-file">
          <span className="muted">Reading </span>
          {current}
        </p>
      )}
      <div className="form-actions">{cancel}</div>
    </div>
  );
}
