// Which exhibits are selected, the one the keyboard is on (active) and where a shift-range starts (anchor).
export interface Selection {
  ids: ReadonlySet<number>;
  active: number | null;
  anchor: number | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), active: null, anchor: null };

export function selectOnly(id: number): Selection {
  return { ids: new Set([id]), active: id, anchor: id };
}

export function toggle(selection: Selection, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, active: id, anchor: id };
}

/** Selects from the anchor to `id` in the order rows are shown; `add` keeps what was selected before. */
export function extendTo(selection: Selection, order: readonly number[], id: number, add = false): Selection {
  const anchor = selection.anchor ?? id;
  const from = order.indexOf(anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return selectOnly(id);
  const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
  const ids = add ? new Set([...selection.ids, ...range]) : new Set(range);
  return { ids, active: id, anchor };
}

export function selectAll(order: readonly number[], active: number | null): Selection {
  return { ids: new Set(order), active: active ?? order[0] ?? null, anchor: active ?? order[0] ?? null };
}

/** Drops selected exhibits that are no longer shown (after a filter), keeping the active one if it still is. */
export function keepShown(selection: Selection, shown: ReadonlySet<number>): Selection {
  const ids = [...selection.ids].filter((id) => shown.has(id));
  if (ids.length === selection.ids.size && (selection.active === null || shown.has(selection.active))) return selection;
  const active = selection.active !== null && shown.has(selection.active) ? selection.active : (ids[0] ?? null);
  return { ids: new Set(ids), active, anchor: active };
}
