import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCase, type ExportCase } from '../fixtures/export-case.ts';
import { pagesText, qpdfCheck } from '../fixtures/export-reading.ts';

let c: ExportCase;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-read-'));

const systemTmp = process.env.TMPDIR;

beforeAll(async () => {
  c = await exportCase();
  process.env.TMPDIR = tmp;
});

afterAll(() => {
  if (systemTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = systemTmp;
  c.api.close();
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes a preview's PDF where pdftotext and qpdf can read it. */
function saved(pdf: string, name: string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, Buffer.from(pdf, 'base64'));
  return file;
}

// Previews are made under the system's temporary folder: a private one here, so other tests' previews don't count.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-tmp-'));
const previewTemps = () => fs.readdirSync(tmp);

describe('the preview of an export', () => {
  it('shows a bundle’s cover, its whole index and the first exhibit pages, stamped as the export would be', async () => {
    expect(os.tmpdir()).toBe(tmp);
    const preview = await c.api.previewExport({
      kind: 'bundle',
      args: { outDir: c.out, bates: { prefix: 'BES', digits: 6 }, cover: 'Plaintiff’s exhibits' },
      pages: 5,
    });
    const file = saved(preview.pdf, 'bundle.pdf');
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    const pages = pagesText(file);
    expect(pages).toHaveLength(preview.pages);
    expect(pages[0]).toContain('Plaintiff’s exhibits');
    const index = pages[1]!;
    // The index lists every exhibit, including those past the preview's pages, with the Bates ranges of the real bundle.
    for (const no of ['PX-001', 'PX-002', 'PX-003', 'PX-004', 'PX-005', 'PX-006']) expect(index).toContain(no);
    expect(index).toMatch(/BES000001\s*[–-]\s*BES000003/);
    // About five pages behind the index: PX-001's slip sheet and its 3 pages, then PX-002's slip sheet and first page.
    const exhibitPages = pages.slice(2);
    const isSlip = (t: string) => /^\s*EXHIBIT\s*$/m.test(t);
    expect(exhibitPages.map(isSlip)).toEqual([true, false, false, false, true, false]);
    expect(exhibitPages.filter((t) => !isSlip(t)).map((t) => /BES\d{6}/.exec(t)?.[0])).toEqual(['BES000001', 'BES000002', 'BES000003', 'BES000004']);
    expect(preview.fileName).toMatch(/Exhibit bundle\.pdf$/);
    expect(previewTemps()).toEqual([]);
  });

  it('writes nothing to the chosen folder and records no export, so exhibit lists still cite no Bates numbers', async () => {
    await c.api.previewExport({ kind: 'stamped', args: { outDir: c.out, bates: { prefix: 'P' } }, pages: 2 });
    expect(fs.readdirSync(c.out)).toEqual([]);
    const history = await c.api.auditLog({});
    expect(history.some((e) => e.action.startsWith('export.'))).toBe(false);
  });

  it('shows the first stamped exhibit up to the pages asked for, with its label', async () => {
    const preview = await c.api.previewExport({ kind: 'stamped', args: { outDir: c.out, bates: { prefix: 'P', digits: 3 } }, pages: 2 });
    const pages = pagesText(saved(preview.pdf, 'stamped.pdf'));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/EXHIBIT\s+PX-001/);
    expect(pages.map((t) => /P\d{3}\b/.exec(t)?.[0])).toEqual(['P001', 'P002']);
  });

  it('shows an exhibit list meant for Word in its PDF layout, under the Word file’s name', async () => {
    const preview = await c.api.previewExport({ kind: 'list', args: { outDir: c.out, format: 'docx' } });
    expect(preview.fileName).toMatch(/\.docx$/);
    const text = pagesText(saved(preview.pdf, 'list.pdf')).join('\n');
    expect(text).toContain('Date Admitted');
    expect(text).toContain('PX-006');
  });

  it('names a bundle in volumes by its first volume only, since a preview cannot know how many there will be', async () => {
    const preview = await c.api.previewExport({ kind: 'bundle', args: { outDir: c.out, court: 'cacd' }, pages: 3 });
    expect(preview.fileName).toMatch(/ – Exhibit bundle – Volume 1\.pdf$/);
  });

  it('says plainly when the selection holds nothing', async () => {
    await expect(c.api.previewExport({ kind: 'bundle', args: { outDir: c.out, select: { by: 'paragraph', paragraph: 2 } } })).rejects.toThrow(
      /^No exhibits match/,
    );
  });
});
