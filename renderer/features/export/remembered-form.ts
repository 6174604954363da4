// The Export dialog's settings between exports: kept with the case (exportSettings / saveExportSettings in the contract)
// rather than in the browser, since browser mode's address, and so its localStorage, changes with every run of
// `exhibit-desk serve`, and a team opening the same case elsewhere expects the same settings. Within a session the
// dialog's last state is kept too, so closing it without exporting loses nothing. What was saved by an older version of
// the dialog is read field by field over the defaults, so a new setting starts at its default.
import { useEffect, useState } from 'react';
import type { ArgsOf } from '../../../shared/api.ts';
import { api } from '../../api/api.ts';
import { defaultForm, type ExportForm } from './export-form.ts';

const thisSession = new Map<string, ExportForm>();

/** The form to open the dialog with (null while the case's settings are read), and the way to keep it. */
export function useRememberedForm(open: boolean, caseFolder: string): { initial: ExportForm | null; keep: (form: ExportForm) => void } {
  const [initial, setInitial] = useState<ExportForm | null>(() => thisSession.get(caseFolder) ?? null);
  useEffect(() => {
    if (!open) return;
    const kept = thisSession.get(caseFolder);
    if (kept) return setInitial(kept);
    let live = true;
    void api.exportSettings({}).then(
      (saved) => live && setInitial(overDefaults(defaultForm(caseFolder), saved)),
      () => live && setInitial(defaultForm(caseFolder)),
    );
    return () => {
      live = false;
    };
  }, [open, caseFolder]);
  return { initial, keep: (form) => thisSession.set(caseFolder, form) };
}

/** Saves the settings an export was made with to the case; a failure to save never stops the export. */
export function saveWithCase(form: ExportForm): void {
  // The form is plain JSON: strings, numbers, booleans, null and objects of them.
  void api.saveExportSettings({ settings: form as unknown as ArgsOf<'saveExportSettings'>['settings'] }).catch(() => {});
}

function overDefaults(defaults: ExportForm, saved: Record<string, unknown> | null): ExportForm {
  if (!saved) return defaults;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(defaults) as [string, unknown][]) {
    const kept = saved[key];
    if (kept === undefined) continue;
    // A field that may be empty (the paragraph) takes what was kept; any other keeps its default if the shape changed.
    if (value === null) out[key] = kept;
    else if (kept !== null && typeof kept === typeof value && Array.isArray(kept) === Array.isArray(value)) out[key] = typeof value === 'object' ? { ...value, ...kept } : kept;
  }
  return out as unknown as ExportForm;
}
