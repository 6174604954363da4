import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { sampleCaseCopy } from '../fixtures/sample-case.ts';
import { tempDir } from '../fixtures/case.ts';
import { outline, pagesText, qpdfCheck } from '../fixtures/export-reading.ts';
import { hasQpdf } from '../fixtures/pdfs.ts';

describe.skipIf(!hasQpdf())('a bundle export of the sample case', () => {
  const dir = path.join(tempDir('sample-export-'), 'case');
  let api: CaseApi;
  let bundle: string;
  let exhibits: string[];

  beforeAll(async () => {
    await sampleCaseCopy(dir);
    api = createCaseApi({ dir });
    exhibits = (await api.listExhibits({})).filter((e) => e.parentId === null).map((e) => e.exhibitNo);
    const result = await api.exportBundle({ outDir: tempDir('sample-out-'), bates: { prefix: 'BES', digits: 6 }, cover: 'BES v. Huawei — Exhibits' });
    expect(result.files).toHaveLength(1);
    bundle = result.files[0]!.path;
  }, 180_000);
  afterAll(() => api.close());

  it('is a valid PDF', () => {
    expect(qpdfCheck(bundle)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('has one bookmark per exhibit, in exhibit-number order', async () => {
    const titles = (await outline(bundle)).map((o) => o.title);
    expect(titles.filter((t) => /PX-\d{3}\b/.test(t)).map((t) => /PX-\d{3}/.exec(t)![0])).toEqual(exhibits);
  });

  it('numbers every exhibit page with a contiguous Bates number, and keeps the originals’ text', () => {
    const pages = pagesText(bundle);
    // After the cover and index, each page's last Bates number is its stamp (a slip sheet shows its exhibit's range;
    // some sample documents print Bates numbers of their own, which come first on the page).
    const firstSlip = pages.findLastIndex((p) => p.includes('Bates range')) + 1;
    const stamps = pages.slice(firstSlip).map((p) => (p.match(/BES\d{6}/g) ?? []).at(-1)).filter((b) => b !== undefined).map((b) => Number(b.slice(3)));
    const distinct = [...new Set(stamps)].sort((a, b) => a - b);
    expect(distinct.length).toBeGreaterThan(20);
    expect(distinct).toEqual(Array.from({ length: distinct.length }, (_, i) => i + 1));
    expect(pages.join('\n')).toMatch(/Suzhou/);
    for (const no of exhibits) expect(pages.slice(firstSlip).some((p) => /EXHIBIT/.test(p) && p.includes(no)), no).toBe(true);
  });
});
