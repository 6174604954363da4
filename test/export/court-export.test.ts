// A bundle for C.D. Cal. of the sample case plus what ordinary cases bring (unembedded Helvetica and Times, a filled-in
// form, a scan without text): the export fixes what the court's check would refuse, and its own preflight, run by the
// export and again by the CLI, passes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { cli } from '../fixtures/cli.ts';
import { createCaseApi } from '../../electron/core/api.ts';
import { sampleCaseCopy } from '../fixtures/sample-case.ts';
import { pagesText } from '../fixtures/export-reading.ts';
import { makeScannedPdf } from '../fixtures/scans.ts';
import type { ExportResult } from '../../shared/model.ts';

async function ordinaryPdfs(dir: string): Promise<string[]> {
  const memo = await PDFDocument.create();
  const helvetica = await memo.embedFont(StandardFonts.Helvetica);
  const times = await memo.embedFont(StandardFonts.TimesRoman);
  const page = memo.addPage([612, 792]);
  page.drawText('Memo in unembedded Helvetica: café — “quoted”', { x: 72, y: 700, size: 12, font: helvetica });
  page.drawText('A line in unembedded Times-Roman', { x: 72, y: 680, size: 12, font: times });
  const form = await PDFDocument.create();
  const formPage = form.addPage([612, 792]);
  formPage.drawText('Application form', { x: 72, y: 720, size: 14, font: await form.embedFont(StandardFonts.Helvetica) });
  const field = form.getForm().createTextField('applicant');
  field.setText('Jane Applicant');
  field.addToPage(formPage, { x: 72, y: 650, width: 220, height: 24 });
  const files = { 'memo.pdf': await memo.save(), 'form.pdf': await form.save(), 'scan.pdf': await makeScannedPdf([['Scanned letter from the Suzhou office', 'dated 28 March 2017']]) };
  return Object.entries(files).map(([name, bytes]) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  });
}

describe('a bundle for C.D. Cal.', () => {
  const work = tempDir('court-export-');
  const caseDir = path.join(work, 'case');
  let result: ExportResult;
  let pdfs: string[];

  // Built and exported through the core in this process (the CLI's start-up costs seconds a run); preflight, below,
  // runs as the user would run it.
  beforeAll(async () => {
    await sampleCaseCopy(caseDir);
    const api = createCaseApi({ dir: caseDir });
    try {
      // The scan is not read by OCR first: the export for a court must see to it.
      const imported = await api.importFiles({ paths: await ordinaryPdfs(work) });
      expect(imported.failed).toEqual([]);
      result = await api.exportBundle({
        outDir: path.join(work, 'out'),
        court: 'cacd',
        caption: { court: 'United States District Court, Central District of California', filingTitle: 'Declaration of J. Smith – Exhibits' },
      });
    } finally {
      api.close();
    }
    pdfs = result.files.map((f) => f.path).filter((f) => f.endsWith('.pdf'));
  }, 180_000);

  it('passes its own preflight, and says so', () => {
    expect(result.preflight).toMatchObject({ court: 'cacd', passes: true });
    expect(result.warnings).toContain(`Passes cacd preflight: all ${pdfs.length} PDF file(s) checked as the court's system reads them.`);
    expect(result.warnings.filter((w) => /OCR/.test(w))).toEqual([expect.stringMatching(/^OCR read 1 scanned page\(s\) first, so that every page of the export has text/)]);
  });

  it('passes exhibit-desk preflight --court cacd run on it afterwards, with exit 0', async () => {
    const r = await cli('preflight', '--court', 'cacd', ...pdfs);
    expect(r.stdout).toMatch(/All \d+ file\(s\) pass for cacd\./);
    expect(r.code).toBe(0);
  });

  it('embeds every font, as poppler lists them', () => {
    for (const file of pdfs) {
      const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      for (const row of rows) expect(row.split(/\s+/).at(-5), `${path.basename(file)}: ${row}`).toBe('yes');
    }
  });

  it('keeps the text of fixed pages: the unembedded fonts, the form\'s value, and the scan read by OCR', () => {
    const text = pdfs.flatMap((f) => pagesText(f, 'raw')).join('\n');
    expect(text).toContain('Memo in unembedded Helvetica: café — “quoted”');
    expect(text).toContain('Jane Applicant');
    expect(text).toMatch(/Scanned letter from the Suzhou office/);
  });

  it('opens with a cover that names the court and the filing, and prints neutral titles, never the Description', () => {
    const [first] = pagesText(pdfs.find((f) => /Volume 1 of/.test(f))!, 'raw');
    expect(first).toContain('UNITED STATES DISTRICT COURT, CENTRAL DISTRICT OF CALIFORNIA');
    expect(first).toContain('Declaration of J. Smith – Exhibits');
  });
});
