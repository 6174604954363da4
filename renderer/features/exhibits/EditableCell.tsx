// A grid cell being edited in place: Enter or leaving the cell saves, Escape cancels; a refused value stays in the
// input with the reason beside it, so nothing typed is lost. The draft is bound to the row's exhibit when the cell
// opens (see use-field-draft.ts): it is saved to that exhibit only, even if the cell closes because the row goes away.
import { useEffect, useId, useRef } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { useFieldDraft } from './use-field-draft.ts';
import { FIELD_LABELS, type EditableField } from './use-save-exhibit.ts';

interface EditableCellProps {
  exhibit: Exhibit;
  field: EditableField;
  onDone: () => void;
  /** Tab and Shift+Tab: save, then edit the next or previous editable cell of the row. */
  onMove: (by: 1 | -1) => void;
}

export function EditableCell({ exhibit, field, onDone, onMove }: EditableCellProps) {
  const draft = useFieldDraft(exhibit, field);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    draft.begin();
    input.current?.focus();
    input.current?.select();
    // Bound once, when the cell opens.
  }, []);

  /** Saves, then closes the cell (or moves on); a refused value keeps the cell open, focused when by keyboard. */
  async function commit(then: () => void, refocus: boolean) {
    if (await draft.commit()) then();
    else if (refocus) input.current?.focus();
  }

  return (
    <div className="cell-editor">
      <input
        ref={input}
        value={draft.value}
        aria-label={`${FIELD_LABELS[field]} of ${exhibit.exhibitNo}`}
        aria-invalid={draft.error !== null}
        aria-describedby={draft.error ? errorId : undefined}
        placeholder={field === 'date' ? '2020-09-16 or 9/16/2020' : undefined}
        onChange={(e) => draft.change(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit(onDone, true);
          } else if (e.key === 'Tab') {
            e.preventDefault();
            void commit(() => onMove(e.shiftKey ? -1 : 1), true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            draft.revert();
            onDone();
          }
        }}
        onBlur={() => void commit(onDone, false)}
        onMouseDown={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
      />
      {draft.error && (
        <div id={errorId} role="alert" className="cell-error">
          {draft.error}
        </div>
      )}
    </div>
  );
}
