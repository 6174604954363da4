// The grid's selection rules (renderer/features/exhibits/selection.ts), in Node: they are plain functions, and no DOM
// environment (happy-dom, jsdom) is installed, so the components themselves stay with the Chromium tests.
import { describe, expect, it } from 'vitest';
import { extendTo, keepShown, NO_SELECTION, selectAll, selectOnly, toggle } from '../../renderer/features/exhibits/selection.ts';

const ids = (s: { ids: ReadonlySet<number> }) => [...s.ids].sort((a, b) => a - b);
const ORDER = [10, 20, 30, 40, 50];

describe('the exhibit grid’s selection', () => {
  it('a click selects one row, ctrl-click toggles a row and moves the anchor there', () => {
    expect(selectOnly(30)).toEqual({ ids: new Set([30]), active: 30, anchor: 30 });
    const two = toggle(selectOnly(30), 50);
    expect(ids(two)).toEqual([30, 50]);
    expect(two).toMatchObject({ active: 50, anchor: 50 });
    expect(ids(toggle(two, 30))).toEqual([50]);
  });

  it('shift-click selects from the anchor to the row in the order shown, either way; ctrl+shift adds the range', () => {
    expect(ids(extendTo(selectOnly(20), ORDER, 40))).toEqual([20, 30, 40]);
    expect(ids(extendTo(selectOnly(40), ORDER, 10))).toEqual([10, 20, 30, 40]);
    expect(extendTo(selectOnly(40), ORDER, 10)).toMatchObject({ active: 10, anchor: 40 });
    const added = extendTo({ ids: new Set([50]), active: 50, anchor: 20 }, ORDER, 30, true);
    expect(ids(added)).toEqual([20, 30, 50]);
    // With no anchor, or a row no longer shown, it falls back to selecting just the row.
    expect(ids(extendTo(NO_SELECTION, ORDER, 30))).toEqual([30]);
    expect(ids(extendTo(selectOnly(99), ORDER, 30))).toEqual([30]);
  });

  it('select all keeps the active row, or starts at the first', () => {
    expect(selectAll(ORDER, 30)).toMatchObject({ active: 30, anchor: 30 });
    expect(ids(selectAll(ORDER, null))).toEqual(ORDER);
    expect(selectAll(ORDER, null).active).toBe(10);
    expect(selectAll([], null)).toMatchObject({ active: null, anchor: null });
  });

  it('a filter drops hidden rows from the selection, and moves the active row to one still shown', () => {
    const s = { ids: new Set([10, 30, 50]), active: 30, anchor: 10 };
    expect(keepShown(s, new Set(ORDER))).toBe(s);
    const filtered = keepShown(s, new Set([10, 50]));
    expect(ids(filtered)).toEqual([10, 50]);
    expect(filtered).toMatchObject({ active: 10, anchor: 10 });
    expect(keepShown(s, new Set([20]))).toEqual({ ids: new Set(), active: null, anchor: null });
  });
});
