// The Export dialog's settings for numbers: a bundle or stamped exhibits made for a filing (its title, letters or
// numbers, and citing what is already on the docket), the trial exhibit list (AO 187) and the jury's copy.
import type { Dispatch, SetStateAction } from 'react';
import { Segmented } from '../../components/Segmented.tsx';
import type { ExportForm } from '../export/export-form.ts';

interface Props {
  form: ExportForm;
  setForm: Dispatch<SetStateAction<ExportForm>>;
}

const LABELS = [
  ['letters', 'Ex. A, B, C …'],
  ['numbers', 'Ex. 1, 2, 3 …'],
] as const;

const FORMATS = [
  ['pdf', 'PDF'],
  ['docx', 'Word'],
] as const;

export function FilingSettings({ form, setForm }: Props) {
  const set = (patch: Partial<ExportForm['filing']>) => setForm((f) => ({ ...f, filing: { ...f.filing, ...patch } }));
  const f = form.filing;
  return (
    <fieldset className="field group export-checks">
      <legend>Filing</legend>
      <label className="check">
        <input type="checkbox" checked={f.on} onChange={(e) => set({ on: e.target.checked })} />
        <span>For a filing: label its exhibits in the filing’s own scheme and keep those labels</span>
      </label>
      {f.on && (
        <>
          <div className="field-row">
            <label className="field grow">
              <span>Filing title</span>
              <input value={f.title} aria-required="true" placeholder="e.g. Opposition to summary judgment" onChange={(e) => set({ title: e.target.value })} />
            </label>
          </div>
          <Segmented legend="Exhibit labels" value={f.labels} options={LABELS} onChange={(labels) => set({ labels })} />
          <label className="check">
            <input type="checkbox" checked={f.cite} onChange={(e) => set({ cite: e.target.checked })} />
            <span>Cite exhibits already on the docket (“previously filed as Dkt. 45-3, Ex. B”) instead of filing them again</span>
          </label>
        </>
      )}
    </fieldset>
  );
}

export function TrialListSettings({ form, setForm }: Props) {
  const t = form.trialList;
  const set = (patch: Partial<ExportForm['trialList']>) => setForm((f) => ({ ...f, trialList: { ...f.trialList, ...patch } }));
  const text = (key: 'court' | 'caseNumber' | 'judge' | 'trialDates') => ({ value: t[key], onChange: (e: { target: { value: string } }) => set({ [key]: e.target.value }) });
  return (
    <>
      <p className="hint">Every exhibit with a trial number (PX, DX, JX), with the days it was offered, marked and admitted, in the form of AO 187.</p>
      <Segmented legend="Format" value={t.format} options={FORMATS} onChange={(format) => set({ format })} />
      <div className="caption-grid">
        <label className="field">
          <span>Court</span>
          <input {...text('court')} placeholder="e.g. Central District of California" />
        </label>
        <label className="field">
          <span>Case number</span>
          <input {...text('caseNumber')} placeholder="e.g. 8:21-cv-01432" />
        </label>
        <label className="field">
          <span>Presiding judge</span>
          <input {...text('judge')} placeholder="e.g. Hon. Jane Doe" />
        </label>
        <label className="field">
          <span>Trial date(s)</span>
          <input {...text('trialDates')} placeholder="e.g. March 2–6, 2026" />
        </label>
      </div>
    </>
  );
}

export function JurySettings({ form, setForm }: Props) {
  const j = form.jury;
  const set = (patch: Partial<ExportForm['jury']>) => setForm((f) => ({ ...f, jury: { ...f.jury, ...patch } }));
  return (
    <>
      <p className="hint">Each admitted exhibit as one stamped PDF named for the jury evidence system: 12_shipping-ledger.pdf.</p>
      <div className="field-row">
        <label className="check">
          <input type="checkbox" checked={j.index} onChange={(e) => set({ index: e.target.checked })} />
          <span>With the Exhibits.txt index (number | description | file)</span>
        </label>
        <label className="field">
          <span>Case number on the stamps (optional)</span>
          <input value={j.caseNumber} placeholder="e.g. 8:21-cv-01432" onChange={(e) => set({ caseNumber: e.target.value })} />
        </label>
      </div>
    </>
  );
}
