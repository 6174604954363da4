// The Export dialog's settings, kept with the case between exports: read back as saved; saved only when they changed,
// with their audit entry in the same transaction.
import type { CaseContext } from '../case/case-context.ts';
import type { HandlerGroup } from './handler.ts';

export function exportSettingsHandlers(ctx: CaseContext): HandlerGroup<'exportSettings' | 'saveExportSettings'> {
  return {
    exportSettings: () => ctx.settings.exportSettings(),
    saveExportSettings({ settings }) {
      return ctx.db.transaction(() => {
        const before = ctx.settings.exportSettings();
        if (JSON.stringify(before) === JSON.stringify(settings)) return { changed: false };
        ctx.settings.setExportSettings(settings as Record<string, unknown>);
        ctx.audit.record({ action: 'case.export-settings', objectType: 'case', before, after: settings });
        return { changed: true };
      }).immediate();
    },
  };
}
