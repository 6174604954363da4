// Preflight's reading of each page with pdf.js, as a court's system reads it: whether the page has text beyond its
// stamps, whether it fits the court's page size, and what its text says (for the privacy scan).
import { Util, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fitsPage, type PageSize } from '../../../shared/court-profiles.ts';
import type { PreflightProblem } from '../../../shared/preflight.ts';
import { stampBand } from '../export/page-geometry.ts';
import { scanPrivacy } from './privacy-scan.ts';

/** The legends protective orders put on produced pages. */
const LEGEND = /HIGHLY\s+CONFIDENTIAL(?:\s*[-–—]\s*ATTORNEYS['’]?\s+EYES\s+ONLY)?|ATTORNEYS['’]?\s+EYES\s+ONLY|\bCONFIDENTIAL\b(?=\s*(?:[-–—]|$|\n|\s+(?:SUBJECT|PURSUANT|INFORMATION|MATERIAL)))|SUBJECT\s+TO\s+PROTECTIVE\s+ORDER|FILED\s+UNDER\s+SEAL/;

const inches = (pt: number) => `${+(pt / 72).toFixed(2)}`;

interface PageReading {
  text: string;
  /** Text outside the top and bottom bands, where Bates numbers and legends are stamped. */
  hasBodyText: boolean;
  width: number;
  height: number;
}

async function readPage(doc: PDFDocumentProxy, n: number): Promise<PageReading> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const band = stampBand(viewport.height);
    const content = await page.getTextContent();
    let text = '';
    let hasBodyText = false;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
      if (hasBodyText || item.str.trim() === '') continue;
      const y = (Util.transform(viewport.transform, item.transform) as number[])[5]!;
      hasBodyText = y > band && y < viewport.height - band;
    }
    return { text, hasBodyText, width: viewport.width, height: viewport.height };
  } finally {
    page.cleanup();
  }
}

export async function pageProblems(doc: PDFDocumentProxy, pageSize: PageSize | null): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let reading: PageReading;
    try {
      reading = await readPage(doc, n);
    } catch {
      problems.push({ code: 'unreadable', message: `Page ${n} could not be read.`, page: n });
      continue;
    }
    if (!reading.hasBodyText) {
      problems.push({
        code: 'no-text',
        message:
          `Page ${n} has no extractable text${reading.text.trim() ? ' besides its margins' : ''} ` +
          '(a scan without a text layer?); the court wants text-searchable PDF.',
        page: n,
      });
    }
    if (pageSize && !fitsPage(reading.width, reading.height, pageSize)) {
      problems.push({
        code: 'page-size',
        message: `Page ${n} is ${inches(reading.width)} × ${inches(reading.height)} in, larger than ${inches(pageSize.width)} × ${inches(pageSize.height)} in.`,
        page: n,
      });
    }
    const legend = LEGEND.exec(reading.text);
    if (legend) {
      problems.push({
        code: 'confidentiality-legend',
        message: `Page ${n} is marked "${legend[0].replace(/\s+/g, ' ')}": under a protective order it may have to be filed under seal (or redacted) rather than publicly.`,
        page: n,
      });
    }
    for (const f of scanPrivacy(reading.text)) {
      problems.push({
        code: f.code,
        message: `Page ${n} shows what looks like ${f.what} (${f.masked}); redact it as ${f.rule} requires before filing.`,
        page: n,
      });
    }
  }
  return problems;
}
