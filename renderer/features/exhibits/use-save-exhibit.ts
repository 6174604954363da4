// Saves an edit to one exhibit field and spreads the result: grid row, details, status line.
import { useCallback } from 'react';
import type { Exhibit, ExhibitEdit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

export type EditableField = 'exhibitNo' | 'title' | 'date' | 'author' | 'from' | 'to' | 'cc' | 'subject' | 'description';

export const FIELD_LABELS: Record<EditableField, string> = {
  exhibitNo: 'Exhibit number',
  title: 'Title',
  date: 'Date',
  author: 'Author',
  from: 'From',
  to: 'To',
  cc: 'Cc',
  subject: 'Subject',
  description: 'Description',
};

/** Fields a user may empty; the others always keep a value. */
const CLEARABLE = new Set<EditableField>(['date', 'author', 'from', 'to', 'cc', 'subject', 'description']);

export function editValue(exhibit: Exhibit, field: EditableField): string {
  return exhibit[field] ?? '';
}

/** Returns the error message to show beside the field, or null once saved (or when nothing changed). */
export function useSaveExhibit(): (exhibit: Exhibit, changes: Partial<Record<EditableField | 'confidentiality', string>>) => Promise<string | null> {
  const { exhibits, announce, touch } = useWorkspace();
  return useCallback(
    async (exhibit, changes) => {
      const edit: ExhibitEdit = {};
      for (const [key, raw] of Object.entries(changes) as [EditableField | 'confidentiality', string][]) {
        const value = key === 'description' ? raw.trim() : raw.trim().replace(/\s+/g, ' ');
        if (key === 'confidentiality') {
          if (value !== exhibit.confidentiality) edit.confidentiality = value as Exhibit['confidentiality'];
          continue;
        }
        if (value === editValue(exhibit, key)) continue;
        (edit as Record<string, string | null>)[key] = value === '' && CLEARABLE.has(key) ? null : value;
      }
      if (Object.keys(edit).length === 0) return null;
      try {
        const saved = await api.updateExhibit({ exhibit: exhibit.exhibitNo, edit });
        exhibits.patch([saved]);
        touch();
        announce(`Saved ${Object.keys(edit).map((k) => FIELD_LABELS[k as EditableField]?.toLowerCase() ?? k).join(', ')} of ${saved.exhibitNo}.`);
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    },
    [exhibits, announce, touch],
  );
}
