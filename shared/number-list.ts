// Exhibit numbers as people type them ("1, 3-7, PX-012": numbers, ranges of numbers, exhibit numbers), read the same
// way by the CLI's --select numbers:… and the Export dialog.
import { UserError } from './errors.ts';

export interface NumberList {
  ranges: { from: number; to: number }[];
  exhibits: string[];
}

/** Empty lists are returned empty: the caller says what it wanted instead. */
export function parseNumberList(text: string): NumberList {
  const list: NumberList = { ranges: [], exhibits: [] };
  for (const item of text.split(',').map((s) => s.trim())) {
    const range = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = range[2] === undefined ? from : Number(range[2]);
      if (to < from) throw new UserError('bad_input', `The range ${item} runs backwards; write it as ${to}-${from}.`);
      list.ranges.push({ from, to });
    } else if (item !== '') list.exhibits.push(item);
  }
  return list;
}
