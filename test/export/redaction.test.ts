// Redaction end to end on real files: FRCP 5.2 proposals on a born-digital PDF and on a scanned picture read by OCR,
// accepted and exported; the export is read back with poppler (pdftotext, pdftoppm, pdfinfo, pdfdetach) and qpdf.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseApi } from '../../electron/core/api.ts';
import type { ExportResult, Redaction } from '../../shared/model.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { pagesText, qpdfCheck } from '../fixtures/export-reading.ts';
import { scanImage } from '../fixtures/scans.ts';

interface Png {
  width: number;
  height: number;
  data: Buffer;
}
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(b: Buffer): Png } } };

const LINES = ['Employee record for Jane Roe', 'SSN: 123-45-6789', 'Date of birth: 03/14/1980', 'Bank account 4400123456789012 at First Bank'];

async function piiPdf(file: string): Promise<string> {
  const doc = await PDFDocument.create();
  doc.setTitle('Personnel file');
  doc.setAuthor('Secret Author Name');
  doc.setSubject('Subject that must not travel');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  LINES.forEach((l, i) => page.drawText(l, { x: 72, y: 700 - i * 24, size: 12, font }));
  const field = doc.getForm().createTextField('note');
  field.setText('Form value kept');
  field.addToPage(page, { x: 72, y: 500, width: 200, height: 20 });
  await doc.attach(new TextEncoder().encode('attached secret'), 'notes.txt', { mimeType: 'text/plain' });
  fs.writeFileSync(file, await doc.save());
  return file;
}

/** Rendered page pixels (pdftoppm), for looking under the boxes. */
function render(file: string, dpi: number): Png {
  const out = path.join(path.dirname(file), `render-${createHash('sha1').update(file).digest('hex').slice(0, 8)}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', file, out]);
  return PNG.sync.read(fs.readFileSync(`${out}.png`));
}

describe('redaction', () => {
  let api: CaseApi;
  let dir: string;
  let work: string;
  let exported: ExportResult;
  let proposals: Redaction[];
  let vaultBefore: Map<string, string>;

  const vaultHashes = () => {
    const root = path.join(dir, 'vault');
    const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    return new Map(files.map((f) => [f.name, createHash('sha256').update(fs.readFileSync(path.join(f.parentPath, f.name))).digest('hex')]));
  };

  beforeAll(async () => {
    ({ api, dir } = newCase('Redaction case'));
    work = tempDir();
    const pdf = await piiPdf(path.join(work, 'personnel.pdf'));
    const scan = path.join(work, 'scanned-form.png');
    fs.writeFileSync(scan, scanImage(LINES));
    const mail = path.join(work, 'hr-email.eml');
    fs.writeFileSync(
      mail,
      [
        'From: HR <hr@example.com>',
        'To: Payroll <payroll@example.com>',
        'Subject: New starter',
        'Date: Tue, 28 Mar 2017 09:00:00 +0000',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Please set up Jane Roe.',
        'Her SSN is 987-65-4321 and her date of birth is 11/02/1975.',
        '',
      ].join('\r\n'),
    );
    await api.importFiles({ paths: [pdf, scan, mail] });
    await api.runOcr({});
    vaultBefore = vaultHashes();
    proposals = (await api.proposeRedactions({ preset: 'frcp52' })).proposals;
    await api.decideRedactions({ ids: 'all', accept: true });
    exported = await api.exportStamped({ outDir: path.join(work, 'out'), redactionLabels: true });
  }, 120_000);

  afterAll(() => api?.close());

  it('proposes only what the rule does not allow: all but the last four digits, the birth date but its year', () => {
    const byExhibit = (no: string) => proposals.filter((p) => p.exhibitNo === no).map((p) => p.text);
    expect(byExhibit('PX-001')).toEqual(['123-45', '03/14/', '440012345678']);
    // The scan, as OCR read it: the same numbers, found by their places on the picture.
    expect(byExhibit('PX-002')).toEqual(['123-45', '03/14/', '440012345678']);
    // The email, on the page an export prints for it.
    expect(byExhibit('PX-003')).toEqual(['987-65', '11/02/']);
    for (const p of proposals) expect(p).toMatchObject({ status: 'proposed', reason: 'FRCP 5.2', origin: 'search' });
  });

  it('removes the numbers from the export text, keeps the last four and the year, and logs each redaction', () => {
    const pdfs = exported.files.filter((f) => /PX-00[12]/.test(path.basename(f.path)));
    expect(pdfs).toHaveLength(2);
    for (const f of pdfs) {
      const text = pagesText(f.path, 'raw').join('\n');
      for (const gone of ['123', '45-6789', '03/14', '4400', '12345678']) expect(text, path.basename(f.path)).not.toContain(gone);
      for (const kept of ['6789', '1980', '9012', 'Jane Roe', 'First Bank']) expect(text, path.basename(f.path)).toContain(kept);
      expect(text).toContain('FRCP 5.2'); // the label printed in the boxes
      qpdfCheck(f.path);
    }
    const log = exported.files.find((f) => f.path.endsWith('Redaction log.csv'))!;
    const rows = fs.readFileSync(log.path, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(1 + 8);
    expect(rows[1]).toMatch(/^\uFEFF?PX-001,1,000001,FRCP 5\.2,/);
    expect(exported.files.some((f) => f.path.endsWith('Redaction log.pdf'))).toBe(true);
  });

  it('leaves the numbers out of a printed email, keeping the rest of its text', () => {
    const file = exported.files.find((f) => path.basename(f.path).startsWith('PX-003'))!.path;
    const text = pagesText(file, 'raw').join('\n');
    expect(text).not.toMatch(/987-65|11\/02\//);
    expect(text).toMatch(/-4321/);
    expect(text).toMatch(/1975/);
    expect(text).toContain('Please set up Jane Roe.');
  });

  it('withholds a printed page whose text changed after it was redacted, rather than print it unredacted', async () => {
    await api.updateExhibit({ exhibit: 'PX-003', edit: { subject: 'A subject long enough to wrap the header block onto more lines than before, '.repeat(3) } });
    const again = await api.exportStamped({ outDir: path.join(work, 'changed'), select: { by: 'numbers', ranges: [], exhibits: ['PX-003'] } });
    const text = pagesText(again.files[0]!.path, 'raw').join('\n');
    expect(text).not.toContain('987-65');
    expect(again.warnings.join('\n')).toMatch(/printed text has changed since the redactions were made/);
  });

  it('paints the boxes black on the page, and the form value outside them still shows', () => {
    const file = exported.files.find((f) => path.basename(f.path).startsWith('PX-001'))!.path;
    expect(pagesText(file, 'raw')[0]).toContain('Form value kept');
    const dpi = 144;
    const png = render(file, dpi);
    // The SSN's box, found from the stored rectangle: the page is drawn between the stamp bands, so look for the
    // darkest run on the SSN's line instead of trusting exact geometry.
    const ssn = proposals.find((p) => p.exhibitNo === 'PX-001' && p.text === '123-45')!;
    const rect = ssn.rects[0]!;
    const band = Math.min(72, Math.max(16, 792 * 0.045));
    const scale = (792 - 2 * band) / 792;
    const toPx = (fx: number, fy: number): [number, number] => [
      Math.round(((612 * (1 - scale)) / 2 + fx * 612 * scale) * (dpi / 72)),
      Math.round((band + fy * 792 * scale) * (dpi / 72)),
    ];
    const [x0, y0] = toPx(rect.x, rect.y);
    const [x1, y1] = toPx(rect.x + rect.width, rect.y + rect.height);
    let dark = 0;
    let all = 0;
    // The box's upper rows: the label printed in white sits in its middle.
    for (let y = y0 + 1; y < y0 + Math.max(2, Math.floor((y1 - y0) * 0.15)); y++) {
      for (let x = x0 + 1; x < x1 - 1; x++) {
        all++;
        if (png.data[(y * png.width + x) * 4]! < 60) dark++;
      }
    }
    expect(all).toBeGreaterThan(40);
    expect(dark / all).toBeGreaterThan(0.95);
  });

  it('blacks out the picture\'s own pixels under the boxes', () => {
    const file = exported.files.find((f) => path.basename(f.path).startsWith('PX-002'))!.path;
    // The image in the file itself, not how a reader draws it: pdfimages gives its pixels.
    const out = path.join(work, 'scan-image');
    execFileSync('pdfimages', ['-png', '-f', '1', '-l', '1', file, out]);
    const image = PNG.sync.read(fs.readFileSync(`${out}-000.png`));
    for (const p of proposals.filter((r) => r.exhibitNo === 'PX-002')) {
      for (const r of p.rects) {
        const cx = Math.round((r.x + r.width / 2) * image.width);
        const cy = Math.round((r.y + r.height / 2) * image.height);
        const i = (cy * image.width + cx) * (image.data.length / (image.width * image.height));
        expect(image.data[i]!, `${p.text} at ${cx},${cy}`).toBeLessThan(40);
      }
    }
  });

  it('carries nothing else of the original: no document information, XMP, attachments or form fields', () => {
    const file = exported.files.find((f) => path.basename(f.path).startsWith('PX-001'))!.path;
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).not.toContain('Secret Author Name');
    expect(info).toMatch(/Metadata Stream:\s+no/);
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toMatch(/^0 embedded files/);
    const plain = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 * 2 ** 20 }).toString('latin1');
    for (const gone of ['Secret Author Name', 'Subject that must not travel', 'attached secret', '/AcroForm', '/Widget', '/EmbeddedFile', '123-45-6789']) {
      expect(plain).not.toContain(gone);
    }
  });

  it('never writes the originals: the vault is unchanged and verify passes', async () => {
    expect(vaultHashes()).toEqual(vaultBefore);
    const report = await api.verify({});
    expect(report.ok).toBe(true);
  });

  it('records every redaction proposed, accepted and removed in the audit log', async () => {
    const removed = await api.removeRedaction({ id: proposals[0]!.id });
    const log = await api.auditLog({ limit: 1000 });
    const actions = log.map((e) => e.action);
    expect(actions.filter((a) => a === 'redaction.propose')).toHaveLength(8);
    expect(actions.filter((a) => a === 'redaction.accept')).toHaveLength(8);
    expect(log.find((e) => e.action === 'redaction.remove')?.before).toMatchObject({ id: removed.id, text: '123-45' });
  });

  it('leaves redactions out only when asked, and says so in the manifest', async () => {
    const plain = await api.exportStamped({ outDir: path.join(work, 'unredacted'), redactions: false, select: { by: 'numbers', ranges: [], exhibits: ['PX-001'] } });
    expect(pagesText(plain.files[0]!.path, 'raw')[0]).toContain('03/14/1980');
    expect(plain.files.some((f) => f.path.includes('Redaction log'))).toBe(false);
    const manifest = JSON.parse(fs.readFileSync(plain.manifest, 'utf8'));
    expect(manifest.settings.redactions).toMatch(/explicit request/);
  });

  it('refuses what is not a redaction: a box off the page, a page that is not there, a bad pattern', async () => {
    await expect(api.addRedaction({ exhibit: 'PX-001', page: 1, rects: [{ x: 2, y: 2, width: 0.1, height: 0.1 }], reason: 'x' })).rejects.toThrow(/on the page/);
    await expect(api.addRedaction({ exhibit: 'PX-001', page: 9, rects: [{ x: 0, y: 0, width: 0.1, height: 0.1 }], reason: 'x' })).rejects.toThrow(/no page 9/);
    await expect(api.proposeRedactions({ pattern: '(unclosed' })).rejects.toThrow(/not a regular expression/);
    await expect(api.proposeRedactions({ preset: 'ssn', term: 'x' } as never)).rejects.toThrow(/one of a preset/);
  });

  it('takes a box in points from the lower-left corner, as the CLI gives it', async () => {
    const r = await api.addRedaction({ exhibit: 'PX-001', page: 1, rects: [{ x: 61.2, y: 79.2, width: 122.4, height: 79.2 }], unit: 'points', reason: 'Privileged – AC' });
    expect(r.rects[0]!.x).toBeCloseTo(0.1, 5);
    expect(r.rects[0]!.y).toBeCloseTo(0.8, 5);
    expect(r.rects[0]!.width).toBeCloseTo(0.2, 5);
    expect(r.rects[0]!.height).toBeCloseTo(0.1, 5);
  });
});
