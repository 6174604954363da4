// A draft of one exhibit field, bound to that exhibit and field when editing begins (first focus or keystroke). It is
// saved only to that exhibit: on commit (Enter, leaving the field), or, if the field goes away with the draft
// unsaved because the selection moved on, when it unmounts. Escape drops it. A draft never follows the selection.
import { useEffect, useRef, useState } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { bindEdit, editValue, useSaveField, type BoundEdit, type EditableField } from './use-save-exhibit.ts';

interface Draft {
  edit: BoundEdit;
  value: string;
  /** A value the core refused: leaving the field again does not send it again. */
  refused: string | null;
  saving: boolean;
}

export interface FieldDraft {
  value: string;
  error: string | null;
  /** Binds the draft to the exhibit and field now in hand, unless it is already bound. */
  begin(): void;
  change(value: string): void;
  /** Saves the draft to its own exhibit; true once saved or when there was nothing to save. */
  commit(): Promise<boolean>;
  /** Drops the draft and shows the stored value again. */
  revert(): void;
}

/** Use in a component keyed by the exhibit and field, so that one instance never serves two exhibits. */
export function useFieldDraft(exhibit: Exhibit, field: EditableField): FieldDraft {
  const save = useSaveField();
  const stored = editValue(exhibit, field);
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const draft = useRef<Draft | null>(null);
  const mounted = useRef(true);
  // The latest save and exhibit, for the unmount below, which must not re-run each time they change.
  const latest = useRef({ save, exhibit });
  latest.current = { save, exhibit };

  // With no draft, the field follows the stored value (another surface or window may change it).
  useEffect(() => {
    if (!draft.current) setValue(stored);
  }, [stored]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      const d = draft.current;
      draft.current = null;
      if (d && !d.saving && d.value !== d.refused) void latest.current.save(d.edit, d.value);
    };
  }, []);

  const begin = () => {
    draft.current ??= { edit: bindEdit(latest.current.exhibit, field), value: editValue(latest.current.exhibit, field), refused: null, saving: false };
  };

  return {
    value,
    error,
    begin,
    change(next) {
      begin();
      draft.current!.value = next;
      draft.current!.refused = null;
      setValue(next);
    },
    async commit() {
      const d = draft.current;
      if (!d) return true;
      if (d.saving || d.value === d.refused) return false;
      d.saving = true;
      const sent = d.value;
      const outcome = await save(d.edit, sent);
      d.saving = false;
      if (outcome.problem !== null) {
        d.refused = sent;
        if (mounted.current) setError(outcome.problem);
        return false;
      }
      if (mounted.current) setError(null);
      if (draft.current === d) {
        // Typing went on while the save was under way: what was typed since is a new edit, made from what was saved.
        if (d.value !== sent && outcome.saved) draft.current = { ...d, edit: bindEdit(outcome.saved, field) };
        else draft.current = null;
      }
      return true;
    },
    revert() {
      draft.current = null;
      setError(null);
      setValue(editValue(latest.current.exhibit, field));
    },
  };
}
