// A grid cell being edited in place: Enter or leaving the cell saves, Escape cancels; a refused value stays in the
// input with the reason beside it, so nothing typed is lost.
import { useEffect, useId, useRef, useState } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { editValue, FIELD_LABELS, useSaveExhibit, type EditableField } from './use-save-exhibit.ts';

interface EditableCellProps {
  exhibit: Exhibit;
  field: EditableField;
  onDone: () => void;
  /** Tab and Shift+Tab: save, then edit the next or previous editable cell of the row. */
  onMove: (by: 1 | -1) => void;
}

export function EditableCell({ exhibit, field, onDone, onMove }: EditableCellProps) {
  const save = useSaveExhibit();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(() => editValue(exhibit, field));
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const saving = useRef(false);
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function commit(then: () => void = onDone) {
    // Leaving the cell after Enter (or after a refusal) must not save a second time.
    if (saving.current || value === refused) return;
    saving.current = true;
    const problem = await save(exhibit, { [field]: value });
    if (problem) {
      saving.current = false;
      setError(problem);
      setRefused(value);
      input.current?.focus();
    } else {
      then();
    }
  }

  return (
    <div className="cell-editor">
      <input
        ref={input}
        value={value}
        aria-label={`${FIELD_LABELS[field]} of ${exhibit.exhibitNo}`}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        placeholder={field === 'date' ? 'YYYY-MM-DD' : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setRefused(null);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') {
            e.preventDefault();
            setRefused(null);
            void commit();
          } else if (e.key === 'Tab') {
            e.preventDefault();
            setRefused(null);
            void commit(() => onMove(e.shiftKey ? -1 : 1));
          } else if (e.key === 'Escape') {
            e.preventDefault();
            saving.current = true;
            onDone();
          }
        }}
        onBlur={() => void commit()}
        onMouseDown={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
      />
      {error && (
        <div id={errorId} role="alert" className="cell-error">
          {error}
        </div>
      )}
    </div>
  );
}
