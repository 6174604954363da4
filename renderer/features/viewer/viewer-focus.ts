// Focus goes to what was opened (a grid row's Enter, a search hit, a cite), once per opening: a viewer drawn again
// for a tab chosen later leaves the keyboard where it is.
const focused = new Set<number>();

/** True the first time it is asked for an opening (its target's nonce) that asked for focus. */
export function takeFocus(target: { nonce: number; focus: boolean }): boolean {
  if (!target.focus || focused.has(target.nonce)) return false;
  focused.add(target.nonce);
  return true;
}
