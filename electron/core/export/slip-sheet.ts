// The pages a bundle prints around its exhibits: the slip sheet before each exhibit ("EXHIBIT PX-012"), and the
// cover page; centred text only, on US Letter.
import { rgb, type PDFPage } from '@cantoo/pdf-lib';
import { textWidth, type Fonts, type Weight } from './fonts.ts';
import { LETTER, MARGIN, wrapParagraph } from './text-flow.ts';

export interface SlipSheet {
  exhibitNo: string;
  title: string;
  date: string;
  bates: string; // "ABC000012 – ABC000019"
  legend: string | null;
  part: { number: number; of: number } | null;
  caseTitle: string;
  caseNumber: string | null;
}

export interface CoverPage {
  /** The court, as a caption begins ("UNITED STATES DISTRICT COURT / CENTRAL DISTRICT OF CALIFORNIA"); null for none. */
  court: string | null;
  caseTitle: string;
  caseNumber: string | null;
  /** What is filed ("Declaration of J. Smith – Exhibits 1–40"). */
  filingTitle: string | null;
  text: string | null;
  summary: string[];
}

const INK = rgb(0, 0, 0);
const MUTED = rgb(0.35, 0.35, 0.35);
const ALERT = rgb(0.6, 0, 0);

/** Draws wrapped lines centred across the page from `y` down; returns the y below them. */
function centred(page: PDFPage, fonts: Fonts, text: string, y: number, size: number, weight: Weight, colour = INK): number {
  for (const line of text.split('\n').flatMap((p) => wrapParagraph(p, LETTER.width - 2 * MARGIN, size, weight))) {
    y -= size * 1.3;
    page.drawText(line, { x: (LETTER.width - textWidth(line, size, weight)) / 2, y, size, font: fonts[weight], color: colour });
  }
  return y;
}

export function drawSlipSheet(page: PDFPage, fonts: Fonts, s: SlipSheet): void {
  page.setSize(LETTER.width, LETTER.height);
  centred(page, fonts, [s.caseTitle, s.caseNumber].filter(Boolean).join('\n'), LETTER.height - MARGIN, 9, 'regular', MUTED);
  let y = LETTER.height * 0.64;
  y = centred(page, fonts, 'EXHIBIT', y, 30, 'bold');
  y = centred(page, fonts, s.exhibitNo, y - 6, 44, 'bold');
  if (s.part) y = centred(page, fonts, `part ${s.part.number} of ${s.part.of}`, y - 4, 14, 'bold');
  y = centred(page, fonts, s.title, y - 24, 12, 'regular');
  if (s.date) y = centred(page, fonts, s.date, y - 2, 10, 'regular', MUTED);
  y = centred(page, fonts, `Bates ${s.bates}`, y - 14, 10, 'regular');
  if (s.legend) centred(page, fonts, s.legend, y - 14, 11, 'bold', ALERT);
}

export function drawCoverPage(page: PDFPage, fonts: Fonts, c: CoverPage): void {
  page.setSize(LETTER.width, LETTER.height);
  let y = LETTER.height * 0.86;
  if (c.court) y = centred(page, fonts, c.court.toUpperCase(), y, 12, 'bold') - 28;
  y = centred(page, fonts, c.caseTitle, y, 20, 'bold');
  if (c.caseNumber) y = centred(page, fonts, c.caseNumber, y - 4, 12, 'regular');
  if (c.filingTitle) y = centred(page, fonts, c.filingTitle, y - 30, 14, 'bold');
  if (c.text) y = centred(page, fonts, c.text, y - 30, 13, 'regular');
  y = centred(page, fonts, 'EXHIBIT BUNDLE', y - 48, 16, 'bold');
  centred(page, fonts, c.summary.join('\n'), y - 10, 10, 'regular', MUTED);
}
