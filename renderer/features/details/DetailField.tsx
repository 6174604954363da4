// One metadata field of the details panel, edited in place: saved when the field is left or Enter is pressed (Ctrl+Enter
// in the description, where Enter starts a new line); a refused value stays with the reason below it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { editValue, FIELD_LABELS, useSaveExhibit, type EditableField } from '../exhibits/use-save-exhibit.ts';

/** Fields whose values are short enough for one line; the others wrap and grow with their text. */
const ONE_LINE = new Set<EditableField>(['exhibitNo', 'date']);

export function DetailField({ exhibit, field }: { exhibit: Exhibit; field: EditableField }) {
  const save = useSaveExhibit();
  const saved = editValue(exhibit, field);
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const pending = useRef(false);

  useEffect(() => {
    setValue(saved);
    setError(null);
  }, [saved, exhibit.id]);

  async function commit() {
    if (value.trim() === saved.trim()) return setError(null);
    // Enter saves, and so does leaving the field right after; one request is enough.
    if (pending.current) return;
    pending.current = true;
    setError(await save(exhibit, { [field]: value }));
    pending.current = false;
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const newlineAllowed = field === 'description' && !(e.ctrlKey || e.metaKey);
    if (e.key === 'Enter' && !newlineAllowed) {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Escape') {
      setValue(saved);
      setError(null);
    }
  };
  const common = {
    id,
    value,
    'aria-invalid': error !== null,
    'aria-describedby': error ? `${id}-error` : undefined,
    placeholder: field === 'date' ? 'YYYY-MM-DD' : '—',
    onBlur: () => void commit(),
    onKeyDown,
  };
  return (
    <div className="detail-field">
      <label htmlFor={id}>{FIELD_LABELS[field]}</label>
      {ONE_LINE.has(field) ? (
        <input {...common} onChange={(e) => setValue(e.target.value)} />
      ) : (
        <textarea {...common} rows={1} onChange={(e) => setValue(e.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
