// A draft of one exhibit field, bound to that exhibit and field when editing begins (first focus or keystroke). It is
// saved only to that exhibit: on commit (Enter, leaving the field), or, if the field goes away with the draft
// unsaved because the selection moved on, when it unmounts. Escape drops it. A draft never follows the selection.
// Without a draft the field shows the stored value as it is now, so an edit always begins from what is stored.
import { useEffect, useRef, useState } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { bindEdit, editValue, useSaveField, type BoundEdit, type EditableField } from './use-save-exhibit.ts';

interface Draft {
  edit: BoundEdit;
  value: string;
  /** A value the core refused: leaving the field again does not send it again. */
  refused: string | null;
  saving: boolean;
  /** The field went away while this draft's save was under way: what was typed meanwhile is saved when it returns. */
  orphaned: boolean;
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
  // The draft's text, or null with no draft (the field then shows the stored value).
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const draft = useRef<Draft | null>(null);
  const mounted = useRef(true);
  // The latest save and exhibit, for the unmount below, which must not re-run each time they change.
  const latest = useRef({ save, exhibit });
  latest.current = { save, exhibit };

  const drop = () => {
    draft.current = null;
    if (mounted.current) setTyped(null);
  };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      const d = draft.current;
      if (!d) return;
      if (d.saving) d.orphaned = true;
      else if (d.value !== d.refused) void latest.current.save(d.edit, d.value);
      draft.current = null;
    };
  }, []);

  const begin = () => {
    if (draft.current) return;
    const now = latest.current.exhibit;
    draft.current = { edit: bindEdit(now, field), value: editValue(now, field), refused: null, saving: false, orphaned: false };
    setTyped(draft.current.value);
  };

  return {
    value: typed ?? stored,
    error,
    begin,
    change(next) {
      begin();
      draft.current!.value = next;
      draft.current!.refused = null;
      setTyped(next);
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
      const typedSince = d.value !== sent;
      // What was typed after the save began is a new edit of the same exhibit, made from what was saved (or, when
      // nothing needed saving, from what the draft was made from).
      const next = outcome.saved ? bindEdit(outcome.saved, field) : d.edit;
      if (d.orphaned) {
        // The field is gone: that edit is saved now.
        if (typedSince) void latest.current.save(next, d.value);
      } else if (draft.current === d) {
        if (typedSince) draft.current = { ...d, edit: next };
        else drop();
      }
      return true;
    },
    revert() {
      drop();
      setError(null);
    },
  };
}
