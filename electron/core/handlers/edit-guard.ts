// The rule every edit follows: it is made from values the user saw, so it is refused (edit_conflict, nothing written)
// when any of them has changed since, and an edit that would change nothing writes nothing, not even an audit entry.
import { UserError } from '../../../shared/errors.ts';

/** Quoted for a message, shortened; an empty value is named as such. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  const s = String(value);
  return `“${s.length > 60 ? `${s.slice(0, 59)}…` : s}”`;
}

/**
 * Refuses the edit when a field's stored value is not the one the edit was made from. `what` names the record
 * ("PX-013"), `label` the field ("title").
 */
export function refuseIfStale<T extends object>(
  current: T,
  expected: Partial<Record<keyof T, unknown>> | undefined,
  what: string,
  label: (field: keyof T) => string,
): void {
  if (!expected) return;
  for (const field of Object.keys(expected) as (keyof T)[]) {
    const was = expected[field];
    if (was === undefined) continue;
    const now = (current[field] ?? null) as unknown;
    if (now !== was) {
      throw new UserError(
        'edit_conflict',
        `The ${label(field)} of ${what} was changed to ${shown(now)} after this edit began (it was ${shown(was)}); nothing was saved. Look at it again and redo the edit.`,
      );
    }
  }
}

/** The fields of `edit` whose value differs from the stored one; unchanged fields are dropped. */
export function changedOnly<T extends object>(current: T, edit: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const field of Object.keys(edit) as (keyof T)[]) {
    const to = edit[field];
    if (to === undefined) continue;
    if ((current[field] ?? null) !== (to ?? null)) out[field] = to;
  }
  return out;
}
