// The Export dialog's settings: what to make (a production volume included), of which exhibits, with which stamps, for which court, and where.
import type { Dispatch, SetStateAction } from 'react';
import { COURT_IDS, COURT_PROFILES } from '../../../shared/court-profiles.ts';
import { BATES_POSITIONS, type BatesPosition } from '../../../shared/model.ts';
import { bridge } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ParagraphSelect } from '../../components/ParagraphSelect.tsx';
import { Segmented } from '../../components/Segmented.tsx';
import { stamps, type ExportForm, type SelectBy } from './export-form.ts';
import { TagOptions } from '../../components/TagOptions.tsx';
import { CaptionFields, RedactionChoices } from './RedactionSettings.tsx';
import { ProductionSettings } from './ProductionSettings.tsx';
import { FilingSettings, JurySettings, TrialListSettings } from '../trial/TrialExportSettings.tsx';

const KINDS: [ExportForm['kind'], string][] = [
  ['bundle', 'Bundle'],
  ['stamped', 'Stamped exhibits'],
  ['list', 'Exhibit list'],
  ['proof-chart', 'Proof chart'],
  ['production', 'Production'],
  ['trial-list', 'Trial exhibit list (AO 187)'],
  ['jury', 'Jury copy'],
];

const LIST_FORMATS = [
  ['pdf', 'PDF'],
  ['docx', 'Word'],
  ['csv', 'CSV'],
] as const;
const CHART_FORMATS = [
  ['pdf', 'PDF'],
  ['docx', 'Word'],
] as const;

const POSITION_LABELS: Record<BatesPosition, string> = { 'bottom-right': 'Bottom right', 'bottom-center': 'Bottom centre', 'bottom-left': 'Bottom left' };

interface ExportSettingsProps {
  form: ExportForm;
  setForm: Dispatch<SetStateAction<ExportForm>>;
  selected: string[];
}

export function ExportSettings({ form, setForm, selected }: ExportSettingsProps) {
  const { tags, allegations } = useWorkspace();
  const set = <K extends keyof ExportForm>(key: K) => (value: ExportForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof ExportForm) => ({ value: form[key] as string, onChange: (e: { target: { value: string } }) => set(key)(e.target.value as never) });
  const court = form.court ? COURT_PROFILES[form.court] : null;
  const selects: [SelectBy, string][] = [
    ['all', 'All exhibits'],
    ['selected', `Selected in the grid (${selected.length})`],
    ['tag', 'With a tag'],
    ['paragraph', 'Evidence for a paragraph'],
    ['numbers', 'By number'],
  ];

  return (
    <div className="export-settings">
      <Segmented legend="Export" value={form.kind} options={KINDS} onChange={set('kind')} />

      {form.kind !== 'proof-chart' && form.kind !== 'jury' && (
        <div className="field-row">
          <label className="field">
            <span>Exhibits</span>
            <select aria-label="Exhibits" value={form.selectBy} onChange={(e) => set('selectBy')(e.target.value as SelectBy)}>
              {selects.map(([by, label]) => (
                <option key={by} value={by}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {form.selectBy === 'tag' && (
            <label className="field">
              <span>Tag</span>
              <select aria-label="Tag" value={form.tag} onChange={(e) => set('tag')(e.target.value)}>
                <option value="">Choose a tag…</option>
                <TagOptions tags={tags} />
              </select>
            </label>
          )}
          {form.selectBy === 'numbers' && (
            <label className="field">
              <span>Numbers</span>
              <input {...text('numbers')} placeholder="e.g. 1, 3-7, PX-012" />
            </label>
          )}
        </div>
      )}
      {form.kind !== 'proof-chart' && form.kind !== 'jury' && form.selectBy === 'paragraph' && (
        <ParagraphSelect label="Paragraph" paragraphs={allegations?.paragraphs ?? []} value={form.paragraph} onChange={set('paragraph')} noneLabel="Choose a paragraph…" />
      )}

      {stamps(form.kind) && (
        <>
          <fieldset className="field group">
            <legend>Bates numbers</legend>
            <div className="field-row">
              <label className="field">
                <span>Prefix</span>
                <input {...text('batesPrefix')} placeholder="e.g. BES" maxLength={40} />
              </label>
              <label className="field narrow">
                <span>First number</span>
                <input {...text('batesStart')} inputMode="numeric" />
              </label>
              <label className="field narrow">
                <span>Digits</span>
                <input {...text('batesDigits')} inputMode="numeric" />
              </label>
              <label className="field">
                <span>Position</span>
                <select aria-label="Position" value={form.batesPosition} onChange={(e) => set('batesPosition')(e.target.value as BatesPosition)}>
                  {BATES_POSITIONS.map((p) => (
                    <option key={p} value={p}>
                      {POSITION_LABELS[p]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </fieldset>
          <div className="field-row">
            <label className="field">
              <span>Case number (optional)</span>
              <input {...text('caseNumber')} placeholder="e.g. Case No. 2:24-cv-01234" />
            </label>
            <label className="field">
              <span>Court</span>
              <select aria-label="Court" value={form.court} onChange={(e) => set('court')(e.target.value as ExportForm['court'])}>
                <option value="">No court rules</option>
                {COURT_IDS.map((id) => (
                  <option key={id} value={id}>
                    {id.toUpperCase()} — {COURT_PROFILES[id].name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {court && <p className="court-rule">{court.rule}</p>}
          <RedactionChoices form={form} setForm={setForm} />
          <FilingSettings form={form} setForm={setForm} />
        </>
      )}

      {form.kind === 'bundle' && (
        <div className="field-row">
          <label className="field grow">
            <span>Cover page text (optional)</span>
            <textarea rows={2} {...text('cover')} placeholder="e.g. Plaintiff’s exhibits in support of the motion" />
          </label>
          <label className="field narrow">
            <span>Volumes up to (MB)</span>
            <input {...text('maxMb')} inputMode="decimal" placeholder={court?.maxMb ? String(court.maxMb) : 'no limit'} />
          </label>
        </div>
      )}
      {form.kind === 'bundle' && <CaptionFields form={form} setForm={setForm} />}

      {form.kind === 'production' && <ProductionSettings form={form} setForm={setForm} />}

      {form.kind === 'list' && <Segmented legend="Format" value={form.listFormat} options={LIST_FORMATS} onChange={set('listFormat')} />}
      {form.kind === 'proof-chart' && <Segmented legend="Format" value={form.chartFormat} options={CHART_FORMATS} onChange={set('chartFormat')} />}
      {form.kind === 'trial-list' && <TrialListSettings form={form} setForm={setForm} />}
      {form.kind === 'jury' && <JurySettings form={form} setForm={setForm} />}

      <div className="field-row">
        <label className="field grow">
          <span>Folder to export to</span>
          <input {...text('outDir')} spellCheck={false} />
        </label>
        {bridge.chooseFolder && (
          <button
            type="button"
            className="button choose-folder"
            onClick={() => void bridge.chooseFolder?.('Export to this folder').then((dir) => dir && set('outDir')(dir))}
          >
            Choose…
          </button>
        )}
      </div>
    </div>
  );
}
