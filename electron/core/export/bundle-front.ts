// The front of a bundle's first volume: the cover page (when one is asked for) and the index of exhibits. Built last,
// when every page number is known, and placed before all other pages.
import { PDFPage } from '@cantoo/pdf-lib';
import type { CitedExhibit } from '../numbers/filings.ts';
import type { FamilyBates } from './bates.ts';
import { dayOf } from './display.ts';
import { indexPages, type IndexEntry } from './exhibit-index.ts';
import type { Family } from './rendition.ts';
import { drawCoverPage } from './slip-sheet.ts';
import { drawLaidOut } from './text-flow.ts';
import type { Volume } from './volume.ts';

export interface FrontMatter {
  caseTitle: string;
  caseNumber: string | null;
  cover: string | null;
  /** The caption's court and filing title; with either (or a cover text) the bundle begins with a cover page. */
  court: string | null;
  filingTitle: string | null;
  createdAt: string;
  /** Whether the bundle may run to several volumes (the index then has a volume column). */
  volumeColumn: boolean;
  /** Exhibits a filing cites as already on the docket instead of filing them again; the index lists them after its own. */
  cited?: CitedExhibit[];
}

export function frontMatterPages(vol: Volume, front: FrontMatter, entries: IndexEntry[], volumeCount: number): PDFPage[] {
  const pages: PDFPage[] = [];
  if (hasCover(front)) {
    const cover = PDFPage.create(vol.doc);
    const first = entries[0]?.numbers.family.first;
    const last = entries.at(-1)?.numbers.family.last;
    drawCoverPage(cover, vol.fonts, {
      court: front.court,
      caseTitle: front.caseTitle,
      caseNumber: front.caseNumber,
      filingTitle: front.filingTitle,
      text: front.cover,
      summary: [
        `${entries.length} exhibit${entries.length === 1 ? '' : 's'}${first ? `, Bates ${first} – ${last}` : ''}`,
        ...(volumeCount > 1 ? [`Volume 1 of ${volumeCount}`] : []),
        `Prepared ${dayOf(front.createdAt)}`,
      ],
    });
    pages.push(cover);
  }
  for (const laidOut of indexPages(front.caseTitle, front.caseNumber, entries, front.volumeColumn, front.cited)) {
    const page = PDFPage.create(vol.doc);
    drawLaidOut(page, laidOut, vol.fonts);
    pages.push(page);
  }
  return pages;
}

export function hasCover(front: FrontMatter): boolean {
  return Boolean(front.cover || front.court || front.filingTitle);
}

/** Where each exhibit would begin if none had to be split: what the index will roughly say, to measure it early. */
export function plannedPlacement(families: Family[], numbers: FamilyBates[]): IndexEntry[] {
  let page = 1;
  return families.map((family, i) => {
    const slip = page;
    page += 1 + family.pageCount;
    return {
      family,
      numbers: numbers[i]!,
      starts: family.members.map((m, j) => ({ page: j === 0 ? slip : slip + 1 + m.firstPage, volume: 1 })),
    };
  });
}
