// The Export dialog's settings for stamped exports that go beyond Bates numbers: whether accepted redactions are
// applied (always, unless the user says otherwise and is warned), their labels, page labels, and the bundle's caption.
import { useState, type Dispatch, type SetStateAction } from 'react';
import { Icon } from '../../components/Icon.tsx';
import type { ExportForm } from './export-form.ts';

interface Props {
  form: ExportForm;
  setForm: Dispatch<SetStateAction<ExportForm>>;
}

export function RedactionChoices({ form, setForm }: Props) {
  const toggle = (key: 'redactions' | 'redactionLabels' | 'pageLabels' | 'printNatives') => (e: { target: { checked: boolean } }) =>
    setForm((f) => ({ ...f, [key]: e.target.checked }));
  return (
    <fieldset className="field group export-checks">
      <legend>Redactions and page labels</legend>
      <div className="check-row">
        <label className="check">
          <input type="checkbox" checked={form.redactions} onChange={toggle('redactions')} />
          <span>Apply redactions</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={form.redactions && form.redactionLabels} disabled={!form.redactions} onChange={toggle('redactionLabels')} />
          <span>Print the reason in each box</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={form.pageLabels} onChange={toggle('pageLabels')} />
          <span>Label each page (PX-012 – 3 of 7)</span>
        </label>
        {/* Received documents are printed as produced (the images the other side Bates-stamped) unless this is ticked. */}
        <label className="check">
          <input type="checkbox" checked={form.printNatives} onChange={toggle('printNatives')} />
          <span>Print received natives, not their produced images</span>
        </label>
      </div>
      {!form.redactions && (
        <p className="hint warn" role="status">
          <Icon name="alert" size={15} />
          Redactions will not be applied: this export will show the content they cover.
        </p>
      )}
    </fieldset>
  );
}

const CAPTION_FIELDS: [keyof ExportForm['caption'], string, string][] = [
  ['court', 'Court', 'e.g. United States District Court, Central District of California'],
  ['caseTitle', 'Case title', 'e.g. Business Efficiency Solutions v. Huawei'],
  ['caseNumber', 'Case number', 'e.g. 2:24-cv-01234'],
  ['filingTitle', 'Filing title', 'e.g. Exhibits to the declaration of J. Roe'],
];

/** The caption on the bundle's cover, folded away until wanted (it opens by itself when filled in). */
export function CaptionFields({ form, setForm }: Props) {
  const [open, setOpen] = useState(() => Object.values(form.caption).some((v) => v.trim() !== ''));
  return (
    <details className="caption-fields" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Caption on the cover (optional): court, case title, case number, filing title</summary>
      {/* Rendered only while open, so that its fields are not found by their labels while folded away. */}
      {open && (
        <fieldset className="field group">
          <legend className="visually-hidden">Caption</legend>
          <div className="caption-grid">
            {CAPTION_FIELDS.map(([key, label, placeholder]) => (
              <label key={key} className="field">
                <span>{label}</span>
                <input
                  aria-label={`Caption: ${label}`}
                  value={form.caption[key]}
                  placeholder={placeholder}
                  onChange={(e) => setForm((f) => ({ ...f, caption: { ...f.caption, [key]: e.target.value } }))}
                />
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </details>
  );
}
