// How a number as typed is matched to a designation ("px-012", "PX 12" and "PX12" are one trial number; "Smith dep ex 4"
// is "Smith Dep. Ex. 4"), the same in the core's lookups and in the grid's filter.

/** Lower case, runs of letters and of digits (digits without leading zeros) separated by one space. */
export function labelKey(label: string): string {
  const runs = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/\p{L}+|\d+/gu);
  return (runs ?? []).map((r) => (/^\d+$/.test(r) ? r.replace(/^0+(?=\d)/, '') : r)).join(' ');
}

/** Whether a label is what was typed, or begins with it at a word boundary ("Smith Dep" finds every Smith exhibit). */
export function keyMatches(key: string, typed: string): boolean {
  return typed !== '' && (key === typed || key.startsWith(`${typed} `));
}
