// What stands on a sample page besides its text: the sample-data notice, letterheads, page numbers, designation
// legends, Bates numbers, signatures, and pages imaged as a scanner would (shapes only, no text layer).
import { rgb, type RGB } from '@cantoo/pdf-lib';
import { seededRandom } from '../seeded-random.ts';
import { textOutline, textWidth, type Fonts } from './pdf-fonts.ts';
import { BLACK, drawText, type Frame, type WrittenPage } from './pdf-flow.ts';

export const SAMPLE_NOTICE = 'Sample data — reconstructed for demonstration, not an authentic document';

const GREY = rgb(0.42, 0.42, 0.42);
const LEGEND_RED = rgb(0.65, 0.05, 0.05);
const INK = rgb(0.1, 0.16, 0.42);

/** The faces page furniture is set in. */
export type FurnitureFonts = Pick<Fonts, 'sans' | 'sansBold'>;
type FurnitureFace = keyof FurnitureFonts;

export interface Letterhead {
  name: string;
  lines: string[];
  colour: string; // #rrggbb
}

function hexColour(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** Draws the letterhead across the top of a page and returns where the text below it may start. */
export function drawLetterhead(target: WrittenPage, fonts: FurnitureFonts, frame: Frame, letterhead: Letterhead): number {
  const colour = hexColour(letterhead.colour);
  const top = frame.height - 46;
  drawText(target, letterhead.name, frame.left, top - 14, { font: fonts.sansBold, size: 14, colour });
  letterhead.lines.forEach((line, i) => {
    const size = 7.5;
    const width = textWidth(line, fonts.sans, size);
    drawText(target, line, frame.right - width, top - 2 - i * 9.5, { font: fonts.sans, size, colour: GREY });
  });
  const ruleY = top - 14 - Math.max(12, letterhead.lines.length * 9.5 - 6);
  target.page.drawLine({ start: { x: frame.left, y: ruleY }, end: { x: frame.right, y: ruleY }, thickness: 1.2, color: colour });
  return ruleY - 18;
}

export interface Furniture {
  pageNumbers: 'page-of' | 'centred' | 'none';
  legend?: string;
  bates?: { prefix: string; first: number };
}

/** Page numbers, legends and Bates numbers, and on every page the notice that the document is sample data. */
export function drawFurniture(pages: WrittenPage[], fonts: FurnitureFonts, frame: Frame, furniture: Furniture): void {
  pages.forEach((target, i) => {
    const label = furniture.pageNumbers === 'page-of' ? `Page ${i + 1} of ${pages.length}` : `${i + 1}`;
    if (furniture.pageNumbers !== 'none') centred(target, fonts, frame, label, 'sans', 8, 38, GREY);
    if (furniture.legend) drawLegend(target, fonts, frame, furniture.legend);
    if (furniture.bates) {
      const bates = `${furniture.bates.prefix}${String(furniture.bates.first + i).padStart(7, '0')}`;
      const width = textWidth(bates, fonts.sansBold, 8);
      write(target, fonts, bates, 'sansBold', 8, frame.right - width, 38, BLACK);
    }
    drawSampleNotice(target, fonts, frame);
  });
}

export function drawSampleNotice(target: WrittenPage, fonts: Pick<Fonts, 'sans'>, frame: Frame): void {
  centred(target, fonts, frame, SAMPLE_NOTICE, 'sans', 6.5, 18, GREY);
}

function drawLegend(target: WrittenPage, fonts: FurnitureFonts, frame: Frame, legend: string): void {
  const size = 8;
  const width = textWidth(legend, fonts.sansBold, size);
  const x = frame.right - width - 4;
  const y = frame.height - 30;
  target.page.drawRectangle({ x: x - 4, y: y - 4, width: width + 8, height: size + 7, borderColor: LEGEND_RED, borderWidth: 1 });
  write(target, fonts, legend, 'sansBold', size, x, y, LEGEND_RED);
}

function centred<F extends FurnitureFace>(target: WrittenPage, fonts: Pick<Fonts, F>, frame: Frame, text: string, face: F, size: number, y: number, colour: RGB): void {
  const width = textWidth(text, fonts[face], size);
  write(target, fonts, text, face, size, (frame.width - width) / 2, y, colour);
}

/** Text, or on a scanned page the same text as outlines, since a scan has no text layer. */
function write<F extends FurnitureFace>(target: WrittenPage, fonts: Pick<Fonts, F>, text: string, face: F, size: number, x: number, y: number, colour: RGB): void {
  if (!target.scanned) {
    drawText(target, text, x, y, { font: fonts[face], size, colour });
    return;
  }
  target.page.drawSvgPath(textOutline(text, face, size).path, { x, y, color: colour, borderWidth: 0 });
}

/**
 * A pen signature standing on (x, y): a tall opening stroke, a run of cursive loops and an underline flourish, shaped
 * from the signer's name so that each signer signs the same way every time.
 */
export function drawSignature(target: WrittenPage, x: number, y: number, name: string): void {
  const random = seededRandom(name);
  // Points are written y-up and flipped for the SVG path, whose y runs down.
  const at = (px: number, py: number) => `${px.toFixed(1)} ${(-py).toFixed(1)}`;
  const capital = 16 + random() * 8;
  let path = `M ${at(0, 2)} C ${at(2, capital)} ${at(10, capital + 4)} ${at(8, capital * 0.4)} C ${at(6, 0)} ${at(12, -2)} ${at(15, 3)}`;
  let pen = 15;
  const loops = 5 + Math.floor(random() * 4);
  for (let i = 0; i < loops; i++) {
    const width = 6 + random() * 6;
    const height = 5 + random() * (i % 3 === 0 ? 12 : 6);
    path += ` C ${at(pen + width * 0.1, height)} ${at(pen + width * 0.9, height)} ${at(pen + width * 0.45, height * 0.35)}`;
    path += ` C ${at(pen + width * 0.2, -1)} ${at(pen + width * 0.8, -2)} ${at(pen + width, 1)}`;
    pen += width;
  }
  path += ` C ${at(pen + 12, 6)} ${at(pen * 0.7, -9)} ${at(-3, -5)}`;
  target.page.drawSvgPath(path, { x, y, borderColor: INK, borderWidth: 1 });
}

/** What the sample's scanned docket page says (drawn as outlines: a scan's words are pixels, found only by OCR). */
const DOCKET_PAGE = {
  caption: ['UNITED STATES DISTRICT COURT', 'EASTERN DISTRICT OF NEW YORK'],
  title: 'UNITED STATES v. HUAWEI TECHNOLOGIES CO., LTD., et al.',
  entries: [
    ['02/13/2020', 'SUPERSEDING INDICTMENT as to Huawei Technologies Co., Ltd.', 'and its subsidiaries: racketeering conspiracy and conspiracy', 'to steal trade secrets. Unsealed this day.'],
    ['02/13/2020', 'ORDER unsealing the superseding indictment.'],
    ['03/04/2020', 'ARRAIGNMENT on the superseding indictment held.', 'Pleas of not guilty entered.'],
  ],
};

/**
 * A page as a scanner images it: an off-white sheet, a docket page of type as outlines, a seal and a signature. Only
 * shapes, so the page has no text layer until OCR reads it.
 */
export function drawScannedPage(target: WrittenPage, frame: Frame): void {
  const { page } = target;
  page.drawRectangle({ x: 0, y: 0, width: frame.width, height: frame.height, color: rgb(0.95, 0.945, 0.92) });
  page.drawRectangle({ x: 0, y: 0, width: 9, height: frame.height, color: rgb(0.8, 0.79, 0.76) });
  const ink = rgb(0.2, 0.2, 0.22);
  const type = (text: string, face: 'sans' | 'sansBold', size: number, x: number, y: number) =>
    page.drawSvgPath(textOutline(text, face, size).path, { x, y, color: ink, borderWidth: 0 });
  const centre = (text: string, face: 'sans' | 'sansBold', size: number, y: number) => type(text, face, size, (frame.width - textOutline(text, face, size).width) / 2, y);
  let y = frame.top - 24;
  for (const line of DOCKET_PAGE.caption) {
    centre(line, 'sansBold', 12, y);
    y -= 18;
  }
  page.drawLine({ start: { x: frame.left, y: y + 4 }, end: { x: frame.right, y: y + 4 }, thickness: 0.8, color: ink });
  y -= 18;
  centre(DOCKET_PAGE.title, 'sansBold', 11, y);
  y -= 34;
  for (const [date, ...lines] of DOCKET_PAGE.entries) {
    type(date!, 'sans', 11, frame.left, y);
    for (const line of lines) {
      type(line, 'sans', 11, frame.left + 86, y);
      y -= 16;
    }
    y -= 12;
  }
  const sealX = frame.right - 70;
  const sealY = frame.bottom + 70;
  page.drawCircle({ x: sealX, y: sealY, size: 38, borderColor: rgb(0.25, 0.3, 0.5), borderWidth: 2.2, opacity: 0 });
  page.drawCircle({ x: sealX, y: sealY, size: 28, borderColor: rgb(0.25, 0.3, 0.5), borderWidth: 0.8, opacity: 0 });
  drawSignature(target, frame.left + 10, frame.bottom + 70, 'clerk');
  page.drawLine({ start: { x: frame.left, y: frame.bottom + 60 }, end: { x: frame.left + 180, y: frame.bottom + 60 }, thickness: 0.6, color: ink });
}
