// Saves an edit to exhibit fields, bound to the exhibit (by id) and the values it was begun from: the core refuses it
// if those values have changed since (edit_conflict), so a draft can never land on another exhibit or overwrite a
// change it did not see. Spreads the result: grid row, details, and a status line naming the exhibit changed.
import { useCallback } from 'react';
import { EXHIBIT_FIELD_LABELS, idRef, type EditableExhibitField, type Exhibit, type ExhibitEdit } from '../../../shared/model.ts';
import type { ExhibitExpected } from '../../../shared/api.ts';
import { DATE_INPUT_MESSAGE, readDateInput } from '../../../shared/date-input.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

export type EditableField = Exclude<EditableExhibitField, 'confidentiality'>;

export const FIELD_LABELS = EXHIBIT_FIELD_LABELS;

/** Fields a user may empty; the others always keep a value. */
const CLEARABLE = new Set<EditableExhibitField>(['date', 'author', 'from', 'to', 'cc', 'subject', 'description']);

export function editValue(exhibit: Exhibit, field: EditableField): string {
  return exhibit[field] ?? '';
}

/** An edit of one field of one exhibit, fixed when editing began: where it goes and what it was made from. */
export interface BoundEdit {
  exhibitId: number;
  /** The exhibit's number when editing began, to name it in messages. */
  exhibitNo: string;
  field: EditableExhibitField;
  /** The stored value when editing began, sent as the expected value. */
  from: Exhibit[EditableExhibitField];
  /** The text the user was shown when editing began: a draft still equal to it is not an edit. */
  shown: string;
}

export function bindEdit(exhibit: Exhibit, field: EditableExhibitField): BoundEdit {
  const from = exhibit[field] ?? null;
  return { exhibitId: exhibit.id, exhibitNo: exhibit.exhibitNo, field, from, shown: from ?? '' };
}

function normalized(field: EditableExhibitField, raw: string): string | null {
  const value = field === 'description' ? raw.trim() : raw.trim().replace(/\s+/g, ' ');
  if (value === '' && CLEARABLE.has(field)) return null;
  // A date typed as 9/16/2020 is the same date as 2020-09-16; one the app cannot read is kept as typed and refused.
  return field === 'date' ? (readDateInput(value) ?? value) : value;
}

export type SaveOutcome = { saved: Exhibit | null; problem: null } | { saved: null; problem: string };

/**
 * Saves a draft to the exhibit its edit is bound to. Resolves to the exhibit saved (null when the draft changed
 * nothing, and then nothing is sent), or to the problem, which the status line also shows: the field that was
 * edited may be gone by then (the selection moved on).
 */
export function useSaveField(): (edit: BoundEdit, draft: string) => Promise<SaveOutcome> {
  const { exhibits, announce, touch } = useWorkspace();
  return useCallback(
    async (bound, draft) => {
      const to = normalized(bound.field, draft);
      if (to === normalized(bound.field, bound.shown)) return { saved: null, problem: null };
      const label = FIELD_LABELS[bound.field].toLowerCase();
      if (bound.field === 'date' && to !== null && readDateInput(to) === null) return { saved: null, problem: DATE_INPUT_MESSAGE };
      try {
        const saved = await api.updateExhibit({
          exhibit: idRef(bound.exhibitId),
          edit: { [bound.field]: to } as ExhibitEdit,
          expected: { [bound.field]: bound.from } as ExhibitExpected,
        });
        exhibits.patch([saved]);
        touch();
        const renamed = saved.exhibitNo !== bound.exhibitNo ? ` (now ${saved.exhibitNo})` : '';
        announce(`Saved ${label} of ${bound.exhibitNo}${renamed}.`);
        return { saved, problem: null };
      } catch (e) {
        const problem = (e as Error).message;
        announce(`The ${label} of ${bound.exhibitNo} was not saved: ${problem}`);
        return { saved: null, problem };
      }
    },
    [exhibits, announce, touch],
  );
}
