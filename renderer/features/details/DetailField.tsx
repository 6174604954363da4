// One metadata field of the details panel, edited in place: saved when the field is left or Enter is pressed (Ctrl+Enter
// in the description, where Enter starts a new line); a refused value stays with the reason below it. The draft is
// bound to the exhibit shown when editing began: the panel keys each field by exhibit, so when the selection moves
// on, the field goes with its exhibit and an unsaved draft is saved to that exhibit, never to the next one.
import { useId, useState, type KeyboardEvent } from 'react';
import { formatDate } from '../../components/format.ts';
import type { Exhibit } from '../../../shared/model.ts';
import { FIELD_LABELS, type EditableField } from '../exhibits/use-save-exhibit.ts';
import { useFieldDraft } from '../exhibits/use-field-draft.ts';

/** Fields whose values are short enough for one line; the others wrap and grow with their text. */
const ONE_LINE = new Set<EditableField>(['exhibitNo', 'date']);

export function DetailField({ exhibit, field }: { exhibit: Exhibit; field: EditableField }) {
  const draft = useFieldDraft(exhibit, field);
  const id = useId();
  // A date reads in the user's locale until the field is entered, then as stored, to be typed over.
  const [focused, setFocused] = useState(false);
  const shown = field === 'date' && !focused && draft.error === null ? formatDate(draft.value || null, true) : draft.value;

  const onKeyDown = (e: KeyboardEvent) => {
    const newlineAllowed = field === 'description' && !(e.ctrlKey || e.metaKey);
    if (e.key === 'Enter' && !newlineAllowed) {
      e.preventDefault();
      void draft.commit();
    } else if (e.key === 'Escape') {
      draft.revert();
    }
  };
  const common = {
    id,
    value: shown,
    // The whole value when the field is too narrow to show it (a date with its time and zone).
    title: field === 'date' && !focused ? shown : undefined,
    'aria-invalid': draft.error !== null,
    'aria-describedby': draft.error ? `${id}-error` : undefined,
    placeholder: field === 'date' ? '2020-09-16 or 9/16/2020' : '—',
    onFocus: () => {
      setFocused(true);
      draft.begin();
    },
    onBlur: () => {
      setFocused(false);
      void draft.commit();
    },
    onKeyDown,
  };
  return (
    <div className="detail-field">
      <label htmlFor={id}>{FIELD_LABELS[field]}</label>
      {ONE_LINE.has(field) ? (
        <input {...common} onChange={(e) => draft.change(e.target.value)} />
      ) : (
        <textarea {...common} rows={1} onChange={(e) => draft.change(e.target.value)} />
      )}
      {draft.error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {draft.error}
        </p>
      )}
    </div>
  );
}
