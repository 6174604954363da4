// Deterministic benchmark corpus: text PDFs with varied sizes, generated once and cached under .bench/.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';

const WORDS = ('data exchange system design trade secret server installation approval contract police command ' +
  'centre integrator consultancy partnership payment termination duplicate backdoor network camera vehicle').split(' ');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function pdfCorpus(root: string, files: number, pagesPerFile: number): Promise<string> {
  const dir = path.join(root, `pdf-${files}x${pagesPerFile}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const random = rng(42);
  for (let f = 0; f < files; f++) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(f % 2 ? StandardFonts.TimesRoman : StandardFonts.Helvetica);
    doc.setCreationDate(new Date(Date.UTC(2017, 2, 1 + (f % 28))));
    for (let p = 0; p < pagesPerFile; p++) {
      const page = doc.addPage([612, 792]);
      for (let line = 0; line < 40; line++) {
        const words = Array.from({ length: 12 }, () => WORDS[Math.floor(random() * WORDS.length)]);
        page.drawText(`${f}-${p}-${line} ${words.join(' ')}`, { x: 50, y: 740 - line * 17, size: 10, font });
      }
    }
    fs.writeFileSync(path.join(dir, `exhibit-${String(f).padStart(5, '0')}.pdf`), await doc.save());
  }
  fs.writeFileSync(done, '');
  return dir;
}
