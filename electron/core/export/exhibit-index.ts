// The index near the front of a bundle: every exhibit (and, indented, its attachments) with its description, date,
// Bates range and the bundle page where it begins, and its volume when the bundle is split.
import type { CitedExhibit } from '../numbers/filings.ts';
import { rangeText, type FamilyBates } from './bates.ts';
import { dayOf, describe } from './display.ts';
import type { Family } from './rendition.ts';
import type { Column, TableRow } from './table.ts';
import { layoutTable } from './table-pdf.ts';
import { LETTER, MARGIN, type LaidOutPage } from './text-flow.ts';

export interface IndexEntry {
  family: Family;
  numbers: FamilyBates;
  /** Bundle page and volume where each member begins, by member index. */
  starts: { page: number; volume: number }[];
}

export function indexPages(caseTitle: string, caseNumber: string | null, entries: IndexEntry[], volumes: boolean, cited: CitedExhibit[] = []): LaidOutPage[] {
  const columns: Column[] = [
    { header: 'Exhibit', width: 60 },
    { header: 'Description', width: volumes ? 162 : 188 },
    { header: 'Date', width: 62 },
    { header: 'Bates range', width: 128 },
    ...(volumes ? [{ header: 'Vol.', width: 26 }] : []),
    { header: 'Page', width: 30 },
  ];
  const rows: TableRow[] = entries.flatMap(({ family, numbers, starts }) =>
    family.members.map((m, i) => {
      const bates = i === 0 ? numbers.family : numbers.members[i]!;
      const start = starts[i]!;
      return {
        cells: [
          m.exhibit.exhibitNo,
          m.exhibit.title,
          dayOf(m.exhibit.date),
          rangeText(bates),
          ...(volumes ? [String(start.volume)] : []),
          String(start.page),
        ],
        weight: i === 0 ? ('bold' as const) : ('regular' as const),
        indent: m.depth * 8,
      };
    }),
  );
  // A filing's exhibits already on the docket: cited where they were filed, not filed again.
  for (const c of cited) {
    rows.push({ cells: [c.cite, `Previously filed as ${c.cite}: ${c.title}`, dayOf(c.date), '', ...(volumes ? [''] : []), ''], weight: 'regular' as const, indent: 0 });
  }
  const title = 'INDEX OF EXHIBITS';
  const subtitle = [
    [caseTitle, caseNumber].filter(Boolean).join(' · '),
    'Pages are numbered through the bundle from the first exhibit; every exhibit page also bears its Bates number.',
  ];
  return layoutTable({ title, subtitle, columns, rows }, { page: LETTER, margin: MARGIN });
}
