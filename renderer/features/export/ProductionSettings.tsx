// The Export dialog's settings for a production volume: Bates prefix and digits (numbers continue from the last
// production with that prefix, so there is no first number), volume name, images, text, natives and redactions.
import type { Dispatch, SetStateAction } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { Segmented } from '../../components/Segmented.tsx';
import type { ExportForm } from './export-form.ts';

type Production = ExportForm['production'];

const IMAGE_FORMATS = [
  ['tiff', 'TIFF (one per page)'],
  ['pdf', 'PDF (one per document)'],
] as const;
const NATIVES = [
  ['spreadsheets', 'Spreadsheets'],
  ['all', 'All'],
  ['none', 'None'],
] as const;

interface Props {
  form: ExportForm;
  setForm: Dispatch<SetStateAction<ExportForm>>;
}

export function ProductionSettings({ form, setForm }: Props) {
  const p = form.production;
  const set = <K extends keyof Production>(key: K) => (value: Production[K]) => setForm((f) => ({ ...f, production: { ...f.production, [key]: value } }));
  return (
    <>
      <fieldset className="field group">
        <legend>Bates numbers and volume</legend>
        <div className="field-row">
          <label className="field">
            <span>Bates prefix</span>
            <input value={p.prefix} onChange={(e) => set('prefix')(e.target.value)} placeholder="e.g. ABC" maxLength={40} aria-required="true" spellCheck={false} />
          </label>
          <label className="field narrow">
            <span>Digits</span>
            <input value={p.digits} onChange={(e) => set('digits')(e.target.value)} inputMode="numeric" />
          </label>
          <label className="field">
            <span>Volume name (optional)</span>
            <input value={p.volume} onChange={(e) => set('volume')(e.target.value)} placeholder="e.g. ABC001" maxLength={40} spellCheck={false} />
          </label>
        </div>
        <p className="muted production-note">Numbers continue from the last production of this case with the same prefix; none is used twice.</p>
      </fieldset>
      <Segmented legend="Images" value={p.images} options={IMAGE_FORMATS} onChange={set('images')} />
      <Segmented legend="Natives" value={p.natives} options={NATIVES} onChange={set('natives')} />
      <fieldset className="field group export-checks">
        <legend>Text and redactions</legend>
        <div className="check-row">
          <label className="check">
            <input type="checkbox" checked={p.text} onChange={(e) => set('text')(e.target.checked)} />
            <span>Include text</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={form.redactions} onChange={(e) => setForm((f) => ({ ...f, redactions: e.target.checked }))} />
            <span>Apply redactions</span>
          </label>
        </div>
        {!form.redactions && (
          <p className="hint warn" role="status">
            <Icon name="alert" size={15} />
            Redactions will not be applied: this production will show the content they cover.
          </p>
        )}
      </fieldset>
    </>
  );
}
