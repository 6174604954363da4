// Benchmark corpora: generated ones, deterministic and cached under .bench/ (uniform 10-page PDFs for the export
// comparison; realistic exhibits for import: PDFs of 1–200 pages in varied fonts and sizes, some image pages, emails
// with PDF attachments), and court filings (real ones from the shared corpus, by reference, beside the sample case's
// pleading and documents).
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont } from '@cantoo/pdf-lib';
import { CORPUS_DIR, corpusManifest } from '../test/fixtures/corpus.ts';
import { png } from '../test/fixtures/images.ts';
import { seededRandom } from '../electron/core/seeded-random.ts';
import { DEFAULT_RESOURCES, loadSampleCase } from '../electron/core/sample/sample-definition.ts';
import { renderSources } from '../electron/core/sample/render-sources.ts';

const WORDS = ('data exchange system design trade secret server installation approval contract police command ' +
  'centre integrator consultancy partnership payment termination duplicate backdoor network camera vehicle the of ' +
  'and to in that is was for on with as by at from this which be were have has an are not or it their').split(' ');
const FONTS = [StandardFonts.Helvetica, StandardFonts.TimesRoman, StandardFonts.Courier, StandardFonts.HelveticaBold];

/** Writes the corpus once into `dir` (marked complete only when whole), then reuses it. */
async function cached(dir: string, build: (dir: string) => Promise<void>): Promise<string> {
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await build(dir);
  fs.writeFileSync(done, '');
  return dir;
}

function line(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

/** Words up to the margin, as a word processor sets a line: no text runs off the page. */
function fittedLine(random: () => number, font: PDFFont, size: number, width: number): string {
  let text = WORDS[Math.floor(random() * WORDS.length)]!;
  for (;;) {
    const next = `${text} ${WORDS[Math.floor(random() * WORDS.length)]}`;
    if (font.widthOfTextAtSize(next, size) > width) return text;
    text = next;
  }
}

/** `files` PDFs of `pagesPerFile` letter pages of 40 lines each. */
export function pdfCorpus(root: string, files: number, pagesPerFile: number): Promise<string> {
  return cached(path.join(root, `pdf-${files}x${pagesPerFile}`), async (dir) => {
    const random = seededRandom(42);
    for (let f = 0; f < files; f++) {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(f % 2 ? StandardFonts.TimesRoman : StandardFonts.Helvetica);
      doc.setCreationDate(new Date(Date.UTC(2017, 2, 1 + (f % 28))));
      for (let p = 0; p < pagesPerFile; p++) {
        const page = doc.addPage([612, 792]);
        for (let l = 0; l < 40; l++) page.drawText(`${f}-${p}-${l} ${line(random, 12)}`, { x: 50, y: 740 - l * 17, size: 10, font });
      }
      fs.writeFileSync(path.join(dir, `exhibit-${String(f).padStart(5, '0')}.pdf`), await doc.save());
    }
  });
}

/** Most exhibits are short, a few run long: 1–200 pages. */
function pageCount(random: () => number): number {
  return Math.min(200, 1 + Math.floor(-Math.log(1 - random()) * 10));
}

async function variedPdf(random: () => number, pages: number, seed: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(Date.UTC(2012 + (seed % 10), seed % 12, 1 + (seed % 28))));
  const fonts: PDFFont[] = [];
  for (const name of FONTS) fonts.push(await doc.embedFont(name));
  const picture = await doc.embedPng(png({ width: 64, height: 48 }));
  for (let p = 0; p < pages; p++) {
    const letter = random() < 0.8;
    const page = doc.addPage(letter ? [612, 792] : [595, 842]);
    if (random() < 0.05) {
      page.drawImage(picture, { x: 40, y: 100, width: page.getWidth() - 80, height: page.getHeight() - 200 });
      continue;
    }
    const size = 8 + Math.floor(random() * 7);
    const font = fonts[Math.floor(random() * fonts.length)]!;
    const lines = Math.floor((page.getHeight() - 100) / (size * 1.5));
    for (let l = 0; l < lines; l++) {
      page.drawText(fittedLine(random, font, size, page.getWidth() - 100), { x: 50, y: page.getHeight() - 60 - l * size * 1.5, size, font });
    }
  }
  return doc.save();
}

function email(random: () => number, n: number, attachment: Uint8Array): string {
  const b64 = Buffer.from(attachment).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: Witness ${n} <witness${n}@example.com>`,
    'To: Counsel <counsel@example.com>',
    `Subject: ${line(random, 5)}`,
    `Date: ${new Date(Date.UTC(2015, n % 12, 1 + (n % 28), 9)).toUTCString()}`,
    `Message-ID: <bench-${n}@example.com>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    Array.from({ length: 20 }, () => line(random, 14)).join('\r\n'),
    '--b',
    `Content-Type: application/pdf; name="attachment-${n}.pdf"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="attachment-${n}.pdf"`,
    '',
    b64,
    '--b--',
    '',
  ].join('\r\n');
}

/** `files` exhibits: nine in ten PDFs of 1–200 pages, one in ten an email with a PDF attachment. */
export function variedCorpus(root: string, files: number): Promise<string> {
  // v2: lines end at the margin (the first corpus ran every line far off the page, unlike any real exhibit).
  return cached(path.join(root, `varied-v2-${files}`), async (dir) => {
    const random = seededRandom(7);
    for (let f = 0; f < files; f++) {
      const name = `exhibit-${String(f).padStart(5, '0')}`;
      const pdf = await variedPdf(random, f % 10 === 9 ? 1 + Math.floor(random() * 4) : pageCount(random), f);
      if (f % 10 === 9) fs.writeFileSync(path.join(dir, `${name}.eml`), email(random, f, pdf));
      else fs.writeFileSync(path.join(dir, `${name}.pdf`), pdf);
    }
  });
}

/**
 * Court filings as a litigator receives them: the federal filings of the shared real-world corpus (RECAP copies from
 * Free Law Project's x-ray tests: scanned filings with only the CM/ECF stamp as text, a born-digital opinion; read in
 * place, never copied), and the sample case's complaint on pleading paper and its PDF documents, rendered once.
 */
export async function courtFilings(root: string): Promise<string[]> {
  const real = corpusManifest()
    .filter((e) => e.path.startsWith('scan/xray-') && e.path.endsWith('.pdf'))
    .map((e) => path.join(CORPUS_DIR, e.path));
  const rendered = await cached(path.join(root, 'sample-filings-v1'), async (dir) => {
    await renderSources(loadSampleCase(), DEFAULT_RESOURCES, dir);
  });
  const generated = fs.readdirSync(rendered).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(rendered, f));
  return [...real, ...generated];
}
