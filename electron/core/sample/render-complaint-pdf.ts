// Lays out the sample complaint on California pleading paper: numbered lines, ruled margins, the caption, a footer.
import { rgb } from '@cantoo/pdf-lib';
import { drawSampleNotice } from './page-furniture.ts';
import { embedFonts, textWidth, type Fonts } from './pdf-fonts.ts';
import { BLACK, drawText, PageFlow, type Frame, type TextStyle, type WrittenPage } from './pdf-flow.ts';
import { createSamplePdf, savePdf, type PdfMetadata, type RenderedPdf } from './sample-pdf.ts';
import type { Block } from './source-blocks.ts';

export interface ComplaintCaption {
  counsel: string[];
  court: string[];
  parties: { name: string; role: string }[]; // the left of the caption box, "v." between the first two
  caseNumber: string;
  documentTitle: string;
  claims: string[];
  juryDemand: string;
}

export interface ComplaintSpec extends PdfMetadata {
  caption: ComplaintCaption;
  footerTitle: string;
  blocks: Block[];
}

/** 28 numbered lines, 24 points apart, the first at 720: the grid every line of text sits on. */
const LINES = 28;
const LINE_PITCH = 24;
const FIRST_BASELINE = 720;
const TEXT_SIZE = 12;
const PLEADING: Frame = {
  width: 612,
  height: 792,
  left: 80,
  right: 552,
  top: FIRST_BASELINE + TEXT_SIZE,
  bottom: FIRST_BASELINE - (LINES - 1) * LINE_PITCH,
};
const PARAGRAPH_INDENT = 36;
const RULE = rgb(0.25, 0.25, 0.25);

const FACES = ['condensed', 'condensedBold', 'sans'] as const;
type ComplaintFonts = Pick<Fonts, (typeof FACES)[number]>;

function styles(fonts: ComplaintFonts) {
  return {
    body: { font: fonts.condensed, size: TEXT_SIZE, leading: LINE_PITCH },
    bold: { font: fonts.condensedBold, size: TEXT_SIZE, leading: LINE_PITCH },
    single: { font: fonts.condensed, size: TEXT_SIZE, leading: LINE_PITCH / 2 },
    singleBold: { font: fonts.condensedBold, size: TEXT_SIZE, leading: LINE_PITCH / 2 },
    margin: { font: fonts.condensed, size: 10, leading: LINE_PITCH, colour: rgb(0.3, 0.3, 0.3) },
    footer: { font: fonts.condensed, size: 9, leading: 12 },
  } satisfies Record<string, TextStyle>;
}

type Styles = ReturnType<typeof styles>;

export async function renderComplaintPdf(spec: ComplaintSpec): Promise<RenderedPdf> {
  const doc = await createSamplePdf(spec);
  const fonts = await embedFonts(doc, FACES);
  const style = styles(fonts);
  const flow = new PageFlow(doc, PLEADING, (page) => {
    drawPleadingPaper(page, style);
    return PLEADING.top;
  });
  drawCaption(flow, style, spec.caption);
  for (const block of spec.blocks) drawBlock(flow, style, block);
  flow.pages.forEach((page, i) => drawFooter(page, style, fonts, String(i + 1), spec.footerTitle));
  return { bytes: await savePdf(doc), pages: flow.pages.map((p) => ({ height: p.page.getHeight(), lines: p.lines })) };
}

/** Line numbers down the left margin between a double rule and the text, and a single rule on the right. */
function drawPleadingPaper(target: WrittenPage, style: Styles): void {
  const { page } = target;
  for (let i = 0; i < LINES; i++) {
    const label = String(i + 1);
    const width = textWidth(label, style.margin.font, style.margin.size);
    drawText(target, label, 56 - width, FIRST_BASELINE - i * LINE_PITCH, style.margin);
  }
  for (const x of [64, 67]) page.drawLine({ start: { x, y: 0 }, end: { x, y: PLEADING.height }, thickness: 0.6, color: RULE });
  page.drawLine({ start: { x: 562, y: 0 }, end: { x: 562, y: PLEADING.height }, thickness: 0.4, color: RULE });
}

function drawFooter(target: WrittenPage, style: Styles, fonts: ComplaintFonts, pageNo: string, title: string): void {
  const centre = (text: string, y: number, s: TextStyle) =>
    drawText(target, text, (PLEADING.width - textWidth(text, s.font, s.size)) / 2, y, s);
  centre(pageNo, 50, { ...style.footer, size: 10 });
  target.page.drawLine({ start: { x: PLEADING.left, y: 45 }, end: { x: PLEADING.right, y: 45 }, thickness: 0.8, color: BLACK });
  centre(title, 34, { ...style.footer, font: fonts.condensedBold });
  drawSampleNotice(target, fonts, PLEADING);
}

/** Counsel single-spaced at the top, the court, then the caption box: parties on the left, the title on the right. */
function drawCaption(flow: PageFlow, style: Styles, caption: ComplaintCaption): void {
  for (const line of caption.counsel) flow.line(line, style.single);
  flow.gap(LINE_PITCH * 2.5);
  for (const line of caption.court) flow.line(line, style.bold, PLEADING.left, 'centre');
  flow.gap(LINE_PITCH / 2);
  const boxTop = flow.y;
  const middle = 318;
  caption.parties.forEach((party, i) => {
    if (i === 1) {
      flow.gap(LINE_PITCH / 2);
      flow.line('v.', style.single, PLEADING.left + 40);
    }
    if (i > 0) flow.gap(LINE_PITCH / 2);
    flow.paragraph(party.name, style.single, { width: middle - 12 - PLEADING.left });
    flow.gap(LINE_PITCH / 2);
    flow.line(party.role, style.single, PLEADING.left + 130);
  });
  flow.gap(LINE_PITCH / 2);
  const boxBottom = flow.y;
  const { page } = flow.current;
  page.drawLine({ start: { x: PLEADING.left, y: boxBottom }, end: { x: middle, y: boxBottom }, thickness: 0.8, color: BLACK });
  page.drawLine({ start: { x: middle, y: boxTop }, end: { x: middle, y: boxBottom }, thickness: 0.8, color: BLACK });

  flow.y = boxTop;
  const right = { x: middle + 14, width: PLEADING.right - middle - 14 };
  flow.paragraph(caption.caseNumber, style.single, right);
  flow.gap(LINE_PITCH / 2);
  flow.paragraph(caption.documentTitle, style.singleBold, right);
  caption.claims.forEach((claim, i) => {
    flow.gap(LINE_PITCH / 4);
    flow.paragraph(claim, style.single, { ...right, indent: 20, label: `(${i + 1})`, firstIndent: 20 });
  });
  flow.gap(LINE_PITCH / 2);
  flow.paragraph(caption.juryDemand, style.singleBold, right);
  // Back onto the 24-point grid below whichever column ran longer.
  const lowest = Math.min(flow.y, boxBottom) - LINE_PITCH / 2;
  flow.y = PLEADING.top - Math.ceil((PLEADING.top - lowest) / LINE_PITCH) * LINE_PITCH;
}

function drawBlock(flow: PageFlow, style: Styles, block: Block): void {
  switch (block.type) {
    case 'title':
      if (flow.y < PLEADING.top) flow.gap(LINE_PITCH);
      flow.keep(style.bold, 3);
      flow.paragraph(block.text, style.bold, { align: 'centre' });
      return;
    case 'centred':
      flow.paragraph(block.text, style.bold, { align: 'centre' });
      return;
    case 'heading':
    case 'subheading':
      flow.keep(style.bold, 2);
      flow.paragraph(block.text, style.bold);
      return;
    case 'numbered':
      flow.paragraph(block.text, style.body, { label: block.label, labelAt: PARAGRAPH_INDENT, firstIndent: 2 * PARAGRAPH_INDENT });
      return;
    case 'paragraph':
    case 'quote':
    case 'bullet':
      flow.paragraph(block.text, style.body, { firstIndent: PARAGRAPH_INDENT });
      return;
    case 'signature':
      drawSignatureBlock(flow, style, block.lines);
      return;
    case 'table':
    case 'scanned-page':
      throw new Error(`A complaint has no ${block.type}.`);
    case 'page-break':
      flow.endPage();
      return;
  }
}

/** "Dated: …" on the left; the firm, the e-signature and the signer on the right, single-spaced. */
function drawSignatureBlock(flow: PageFlow, style: Styles, lines: string[]): void {
  const [dated = '', ...signer] = lines;
  flow.keep(style.body, 1 + Math.ceil(signer.length / 2));
  flow.gap(LINE_PITCH);
  const top = flow.y;
  flow.line(dated, style.body);
  flow.y = top;
  const x = 296;
  for (const line of signer) {
    if (line === '') flow.gap(LINE_PITCH / 2);
    else flow.paragraph(line, line === line.toUpperCase() ? style.singleBold : style.single, { x });
  }
}
