import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/model.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { emailWithAttachments, pdfWithManyObjects, sparseFile } from '../fixtures/hostile.ts';

const src = tempDir('hostile-');
const { api } = newCase('hostile');
let report: ImportReport;

beforeAll(async () => {
  pdfWithManyObjects(path.join(src, 'million-objects.pdf'), 1_000_000);
  sparseFile(path.join(src, 'two-gigabytes.pdf'), 2 * 2 ** 30);
  fs.writeFileSync(path.join(src, 'ten-thousand-attachments.eml'), emailWithAttachments(10_000));
  fs.writeFileSync(path.join(src, 'good.txt'), 'An ordinary file in the same batch.');
  report = await api.importFiles({ paths: [src] });
}, 180_000);
afterAll(() => api.close());

const top = (name: string) => report.imported.find((i) => i.path === path.join(src, name));
const failed = (name: string) => report.failed.find((f) => f.path === path.join(src, name));

describe('generated hostile inputs, each with its named outcome, in one batch', () => {
  it('imports a PDF with a million tiny objects, with its one page of text', () => {
    expect(top('million-objects.pdf')).toMatchObject({ kind: 'pdf', pages: 1, textLayer: true, warnings: [] });
  });

  it('refuses a 2 GB file named .pdf whose content is not a PDF, without reading it whole', () => {
    expect(failed('two-gigabytes.pdf')).toMatchObject({
      code: 'damaged',
      error: 'The file is named like a PDF file, but its content is not one (2048 MB).',
    });
  });

  it('imports an email with 10,000 attachments up to the cap, saying so', () => {
    const email = top('ten-thousand-attachments.eml')!;
    expect(email.warnings).toEqual(['Only the first 1000 attachments were imported.']);
    const children = report.imported.filter((i) => i.parentId === email.id);
    expect(children).toHaveLength(1000);
    expect(children.at(-1)).toMatchObject({ exhibitNo: `${email.exhibitNo}.1000`, kind: 'text' });
  });

  it('refuses a file that takes longer than the time allowed', async () => {
    // Already imported above, the PDF is read again to learn its hash; its million-entry cross-reference table
    // alone takes far longer than 20 ms to parse, on any machine.
    const again = await api.importFiles({ paths: [path.join(src, 'million-objects.pdf')], timeoutSeconds: 0.02 });
    expect(again.failed).toEqual([expect.objectContaining({ code: 'too_large', error: 'The file took longer than 0.02 s to read.' })]);
  });

  it('leaves the rest of the batch unaffected, and the case verifiable', async () => {
    expect(top('good.txt')).toMatchObject({ kind: 'text' });
    expect(report.failed).toHaveLength(1);
    expect(await api.verify({})).toMatchObject({ ok: true });
  });
});
