// Import files into the case: files or a folder chosen or dropped (sent to the local server in browser mode, named by
// their paths in the desktop app) or paths typed, progress with the current file and Cancel, then what was imported,
// what was already there, and what failed and why. One folder (typed, or dropped in the desktop app and recognised by
// its load files) may instead be imported as a production volume, after a look at its load files.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportProgress, ImportReport } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { importSource, parsePathList } from '../../api/import-source.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { fileName, formatBytes, plural } from '../../components/format.ts';
import { ProductionImport } from './ProductionImport.tsx';
import { filesOfInput, type FileToSend } from './send-files.ts';
import type { ImportPhase, ImportWhat, ProductionImport as ProductionArgs } from './use-import.ts';

/** Files known already (dropped on the window, or named by the desktop app's menu): the import starts at once. */
export type ImportRequest = ImportWhat;

interface ImportDialogProps {
  request: ImportRequest | null;
  phase: ImportPhase;
  /** With `production`, the one path is a production volume's folder. */
  onStart: (what: ImportWhat, passwords: string[], production?: ProductionArgs) => void;
  onCancel: () => void;
  onClose: () => void;
  onShowImported: (report: ImportReport) => void;
}

const TITLES: Record<ImportPhase['state'], string> = {
  idle: 'Import files',
  sending: 'Sending files',
  running: 'Importing files',
  ocr: 'Reading scanned pages',
  done: 'Import finished',
  failed: 'Import files',
};

export function ImportDialog({ request, phase, onStart, onCancel, onClose, onShowImported }: ImportDialogProps) {
  const open = request !== null || phase.state !== 'idle';
  const running = phase.state === 'sending' || phase.state === 'running' || phase.state === 'ocr';
  const title = TITLES[phase.state];
  return (
    <Dialog open={open} title={title} onClose={onClose} dismissable={!running} className="import-dialog">
      {phase.state === 'idle' && request && <PathsForm request={request} onStart={onStart} onClose={onClose} />}
      {phase.state === 'sending' && <Sending phase={phase} onCancel={onCancel} />}
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
  const [chosen, setChosen] = useState<FileToSend[]>([]);
  const paths = parsePathList(text);
  const started = useRef(false);

  useEffect(() => {
    if (!(request.paths?.length || request.files?.length) || started.current) return;
    started.current = true;
    // One folder the desktop app names (dropped, or chosen from its menu) that holds a production's load files is offered
    // as a volume, as a typed one is.
    const one = request.paths?.length === 1 && !request.files?.length ? request.paths[0]! : null;
    if (one === null) onStart(request, []);
    else
      void api
        .recogniseProduction({ path: one })
        .catch(() => false)
        .then((volume) => {
          if (!volume) return onStart(request, []);
          setText(one);
          setAsProduction(true);
        });
  }, [request, onStart]);

  // The desktop app knows where chosen files are: they are imported by path, as dropped ones are.
  const choose = (list: FileList | null) => {
    const files = filesOfInput(list);
    const known = importSource.pathsOf(files.map((f) => f.file));
    if (known) setText((t) => [...parsePathList(t), ...known].join('\n'));
    else setChosen((c) => [...c, ...files.filter((f) => !c.some((k) => k.name === f.name))]);
  };
  const nothing = paths.length === 0 && chosen.length === 0;

  if (asProduction && paths.length === 1)
    return <ProductionImport key={paths[0]} path={paths[0]!} onBack={() => setAsProduction(false)} onImport={(production) => onStart({ paths }, [], production)} />;

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!nothing) onStart({ paths, files: chosen }, password ? [password] : []);
      }}
    >
      <div className="choose-files" role="group" aria-label="Files to import">
        <label className="button file-choice">
          <input type="file" multiple className="visually-hidden" onChange={(e) => {
            choose(e.currentTarget.files);
            e.currentTarget.value = '';
          }} />
          <Icon name="file" size={15} />
          Choose files…
        </label>
        <label className="button file-choice">
          <FolderInput onChoose={choose} />
          <Icon name="folder" size={15} />
          Choose a folder…
        </label>
        <span className="muted">or drop them anywhere on this window.</span>
      </div>
      {chosen.length > 0 && (
        <section className="chosen-files" aria-label="Chosen files">
          <p>
            <strong>{plural(chosen.length, 'file')}</strong> <span className="muted">({formatBytes(chosen.reduce((n, f) => n + f.file.size, 0))})</span>
            <button type="button" className="text-button" onClick={() => setChosen([])}>
              Clear
            </button>
          </p>
          <ul>
            {chosen.slice(0, 8).map((f) => (
              <li key={f.name} className="mono truncate" title={f.name}>
                {f.name}
              </li>
            ))}
            {chosen.length > 8 && <li className="muted">and {chosen.length - 8} more</li>}
          </ul>
        </section>
      )}
      <div className="field">
        <label htmlFor="import-paths">Paths on this computer</label>
        <textarea
          id="import-paths"
          className="mono"
          rows={chosen.length > 0 ? 2 : 4}
          value={text}
          spellCheck={false}
          aria-describedby="import-paths-hint"
          placeholder={'~/Documents/Production 001\n/Users/you/Downloads/letter.pdf'}
          onChange={(e) => setText(e.target.value)}
        />
        <span id="import-paths-hint" className="muted small-print">
          {importSource.revealsPaths
            ? 'One file or folder per line; folders are imported with everything in them.'
            : 'Or type the full path of each file or folder on the computer running Exhibit Desk, one per line (~ is your home folder); folders are imported with everything in them.'}
        </span>
      </div>
      <label className="field">
        <span>Password for protected PDFs (optional)</span>
        <input type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
      </label>
      <div className="form-actions">
        <span className="muted">{nothing ? '' : [chosen.length > 0 && plural(chosen.length, 'file'), paths.length > 0 && plural(paths.length, 'path')].filter(Boolean).join(' and ')}</span>
        {/* A production volume (DAT, OPT, images, text) is one folder: offered when one path is given. */}
        {paths.length === 1 && chosen.length === 0 && (
          <button type="button" className="button" onClick={() => setAsProduction(true)}>
            Import as a production volume…
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={nothing}>
          Import
        </button>
      </div>
    </form>
  );
}

/** A file input that picks a whole folder (webkitdirectory, which React does not type). */
function FolderInput({ onChoose }: { onChoose: (list: FileList | null) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.setAttribute('webkitdirectory', '');
  }, []);
  return (
    <input
      ref={ref}
      type="file"
      className="visually-hidden"
      onChange={(e) => {
        onChoose(e.currentTarget.files);
        e.currentTarget.value = '';
      }}
    />
  );
}

function Sending({ phase, onCancel }: { phase: Extract<ImportPhase, { state: 'sending' }>; onCancel: () => void }) {
  const { sent, total, current } = phase.progress;
  return (
    <div className="import-progress">
      <ProgressBar label="Sending files" value={total > 0 ? sent : undefined} max={total > 0 ? total : undefined} valueText={`${formatBytes(sent)} of ${formatBytes(total)}`} />
      <p className="progress-line">
        <strong className="num">
          {formatBytes(sent)} of {formatBytes(total)} sent
        </strong>
        <span className="muted"> · copied into the case folder, then imported</span>
        {phase.cancelling && <span className="muted"> · stopping…</span>}
      </p>
      {current && (
        <p className="current-file">
          <span className="muted">Sending </span>
          <span className="mono">{current}</span>
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={phase.cancelling}>
          Cancel import
        </button>
      </div>
    </div>
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
