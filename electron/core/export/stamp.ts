// The stamps on an exhibit's pages: its Bates number, its confidentiality legend and, in stamped exports, the
// exhibit label on its first page; all placed in the bands at the top and bottom that page content is kept out of.
import {
  concatTransformationMatrix,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFPage,
} from '@cantoo/pdf-lib';
import type { BatesPosition, Confidentiality } from '../../../shared/model.ts';
import { textWidth, type Fonts, type Weight } from './fonts.ts';
import { invert, stampBand, type PageView } from './page-geometry.ts';

export const LEGENDS: Record<Confidentiality, string | null> = {
  none: null,
  confidential: 'CONFIDENTIAL',
  highly_confidential_aeo: 'HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY',
};

export interface PageStamps {
  bates: string;
  legend: string | null;
  /** The exhibit label ("EXHIBIT PX-012", and the case number under it), on an exhibit's first page. */
  label: { exhibit: string; caseNumber: string | null } | null;
  /** "PX-012 – 3 of 7": which exhibit and page this is, at the foot opposite the Bates number. */
  pageLabel?: string | null;
}

const INK = rgb(0, 0, 0);
const LEGEND_INK = rgb(0.6, 0, 0);
const MIN_SIZE = 4;

interface Placed {
  text: string;
  weight: Weight;
  size: number;
  width: number;
}

function sized(text: string, weight: Weight, size: number, maxWidth: number): Placed {
  const width = textWidth(text, size, weight);
  const fitted = width > maxWidth ? Math.max(MIN_SIZE, (size * maxWidth) / width) : size;
  return { text, weight, size: fitted, width: textWidth(text, fitted, weight) };
}

/** Draws the stamps in the page's view (upright, as the reader sees it), whatever the page's own rotation. */
export function stampPage(page: PDFPage, view: PageView, stamps: PageStamps, fonts: Fonts, position: BatesPosition): void {
  const band = stampBand(view.height);
  const inset = band * 0.75;
  const room = view.width - 2 * inset;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...invert(view.toView)));

  const bates = sized(stamps.bates, 'regular', band * 0.27, room);
  const batesX = { 'bottom-left': inset, 'bottom-center': (view.width - bates.width) / 2, 'bottom-right': view.width - inset - bates.width }[position];
  page.drawText(bates.text, { x: batesX, y: band * 0.4, size: bates.size, font: fonts.regular, color: INK });
  if (stamps.pageLabel) {
    const free = position === 'bottom-center' ? (room - bates.width) / 2 - band * 0.3 : room - bates.width - band * 0.5;
    const pageLabel = sized(stamps.pageLabel, 'regular', band * 0.27, Math.max(free, band));
    const x = position === 'bottom-left' ? view.width - inset - pageLabel.width : inset;
    page.drawText(pageLabel.text, { x, y: band * 0.4, size: pageLabel.size, font: fonts.regular, color: INK });
  }

  const top = view.height - band;
  let labelWidth = 0;
  if (stamps.label) {
    const boxHeight = band * 0.66;
    const line1 = sized(`EXHIBIT ${stamps.label.exhibit}`, 'bold', band * (stamps.label.caseNumber ? 0.24 : 0.3), room / 2);
    const line2 = stamps.label.caseNumber ? sized(stamps.label.caseNumber, 'regular', band * 0.16, room / 2) : null;
    labelWidth = Math.max(line1.width, line2?.width ?? 0) + band * 0.4;
    const x = view.width - inset - labelWidth;
    const y = top + band * 0.14;
    page.drawRectangle({ x, y, width: labelWidth, height: boxHeight, borderColor: INK, borderWidth: 0.8, color: rgb(1, 1, 1) });
    const centre = x + labelWidth / 2;
    if (line2) {
      page.drawText(line1.text, { x: centre - line1.width / 2, y: y + boxHeight * 0.5, size: line1.size, font: fonts.bold, color: INK });
      page.drawText(line2.text, { x: centre - line2.width / 2, y: y + boxHeight * 0.17, size: line2.size, font: fonts.regular, color: INK });
    } else {
      page.drawText(line1.text, { x: centre - line1.width / 2, y: y + boxHeight * 0.3, size: line1.size, font: fonts.bold, color: INK });
    }
  }
  if (stamps.legend) {
    // Centred over the page, unless the label needs that room: then it starts at the left.
    const free = labelWidth > 0 ? room - labelWidth - band * 0.5 : room;
    const legend = sized(stamps.legend, 'bold', band * 0.27, free);
    const centred = (view.width - legend.width) / 2;
    const x = labelWidth > 0 && centred + legend.width > view.width - inset - labelWidth - band * 0.5 ? inset : centred;
    page.drawText(legend.text, { x, y: top + band * 0.4, size: legend.size, font: fonts.bold, color: LEGEND_INK });
  }
  page.pushOperators(popGraphicsState());
}
