// Imports the complaint (a PDF or text file) whose numbered paragraphs and causes of action the evidence is tied to.
import { useState } from 'react';
import type { AllegationsImport } from '../../../shared/api.ts';
import { api } from '../../api/api.ts';
import { parsePathList } from '../../api/import-source.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';

export function ComplaintDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Import complaint" onClose={onClose}>
      {open && <ComplaintForm onClose={onClose} />}
    </Dialog>
  );
}

function ComplaintForm({ onClose }: { onClose: () => void }) {
  const { allegations, reloadAllegations, announce } = useWorkspace();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AllegationsImport | null>(null);
  const replacing = (allegations?.paragraphs.length ?? 0) > 0;

  async function run() {
    const [file] = parsePathList(path);
    if (!file) return setError('Give the path of the complaint on this computer.');
    setBusy(true);
    setError(null);
    try {
      const imported = await api.importAllegations({ path: file });
      await reloadAllegations();
      announce(`Imported the complaint: ${imported.paragraphs} paragraphs, ${imported.causes} causes of action.`);
      if (imported.warnings.length === 0) return onClose();
      setResult(imported);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <div className="form">
        <p>
          Imported {result.paragraphs} paragraphs and {result.causes} causes of action, with these warnings:
        </p>
        <ul className="warning-list">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
        <div className="form-actions">
          <button type="button" className="button primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <label className="field">
        <span>Path of the complaint (PDF or text) on this computer</span>
        <input className="mono" value={path} autoFocus spellCheck={false} onChange={(e) => setPath(e.target.value)} />
      </label>
      {replacing && (
        <p className="hint warn">
          <span>The complaint in this case will be replaced. Evidence stays linked to paragraphs whose numbers remain.</span>
        </p>
      )}
      <FormFooter error={error} onCancel={onClose} busy={busy} submitLabel={busy ? 'Reading…' : 'Import'} />
    </form>
  );
}
