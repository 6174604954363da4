import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/model.ts';
import type { CaseApi } from '../../electron/core/api.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { heavyPdf, pageText } from '../fixtures/export-case.ts';
import { outline, pageLabels, pagesText, qpdfCheck } from '../fixtures/export-reading.ts';

// Pages of about 30 kB each that nothing can compress: an exhibit's size is known before it is exported.
const EXHIBITS = [
  ['Alpha', 2],
  ['Bravo', 2],
  ['Charlie', 10], // larger than a volume: split at page boundaries
  ['Delta', 2],
  ['Echo', 1],
] as const;
const LIMIT_MB = 0.2;
const STAMP = /^\s*(VOL-\d{4})\s*$/;

let api: CaseApi;
let result: ExportResult;
let volumes: string[][];

const isSlipSheet = (text: string) => /^\s*EXHIBIT\s*$/m.test(text);
const stamps = (text: string) => (isSlipSheet(text) ? [] : text.split('\n').flatMap((l) => STAMP.exec(l)?.[1] ?? []));

beforeAll(async () => {
  const src = tempDir('volumes-src-');
  ({ api } = newCase('Volumes case'));
  const files: string[] = [];
  for (const [name, pages] of EXHIBITS) files.push(await heavyPdf(path.join(src, `${name}.pdf`), name, pages, 30));
  await api.importFiles({ paths: files });
  result = await api.exportBundle({ outDir: tempDir('volumes-out-'), maxMb: LIMIT_MB, bates: { prefix: 'VOL-', digits: 4 } });
  volumes = result.files.map((f) => pagesText(f.path));
});

afterAll(() => api.close());

describe('a bundle split into volumes', () => {
  it('writes sound volumes, each under the size limit, named "Volume i of n"', () => {
    expect(result.files.length).toBeGreaterThan(2);
    result.files.forEach((f, i) => {
      expect(path.basename(f.path)).toBe(`Volumes case – Exhibit bundle – Volume ${i + 1} of ${result.files.length}.pdf`);
      expect(fs.statSync(f.path).size).toBe(f.bytes);
      expect(f.bytes).toBeLessThanOrEqual(LIMIT_MB * 1_000_000);
      expect(qpdfCheck(f.path)).toMatch(/No syntax or stream encoding errors/);
    });
    expect(result.warnings).toEqual([]);
  });

  it('runs the Bates numbers on from one volume to the next, with no gap or repeat', () => {
    const all = volumes.flatMap((pages) => pages.flatMap(stamps));
    const total = EXHIBITS.reduce((n, [, pages]) => n + pages, 0);
    expect(all).toEqual(Array.from({ length: total }, (_, i) => `VOL-${String(i + 1).padStart(4, '0')}`));
    for (const pages of volumes) expect(pages.flatMap(stamps).length).toBeGreaterThan(0);
  });

  it('keeps every page of every original, in order, once', () => {
    const texts = volumes.flat().join('\n');
    const expected = EXHIBITS.flatMap(([name, pages]) => Array.from({ length: pages }, (_, i) => pageText(name, i + 1)));
    const found = [...texts.matchAll(/(\w+) original page (\d+)/g)].map((m) => m[0]);
    expect(found).toEqual(expected);
  });

  it('splits the exhibit too large for a volume into parts, each behind a slip sheet saying which part it is', () => {
    const parts = volumes.map((pages) => pages.filter((t) => isSlipSheet(t) && t.includes('PX-003')).map((t) => /part (\d+) of (\d+)/.exec(t)?.slice(1)));
    const found = parts.flat();
    expect(found.length).toBeGreaterThan(1);
    expect(found).toEqual(found.map((_, i) => [String(i + 1), String(found.length)]));
    // Each part in a volume of its own, the parts in consecutive volumes.
    const holding = parts.flatMap((p, v) => (p.length > 0 ? [v] : []));
    expect(holding).toEqual(holding.map((_, i) => holding[0]! + i));
  });

  it('bookmarks each exhibit or part in the volume that holds it', async () => {
    const titles: string[] = [];
    for (const f of result.files) titles.push(...(await outline(f.path)).map((m) => m.title).filter((t) => t.startsWith('PX-')));
    const charlieParts = titles.filter((t) => t.startsWith('PX-003'));
    expect(charlieParts).toEqual(charlieParts.map((_, i) => `PX-003 – Charlie (part ${i + 1} of ${charlieParts.length})`));
    expect(titles.filter((t) => !t.startsWith('PX-003'))).toEqual(['PX-001 – Alpha', 'PX-002 – Bravo', 'PX-004 – Delta', 'PX-005 – Echo']);
  });

  it('indexes every exhibit in volume 1 with its volume and its page, pages numbered through the volumes', async () => {
    const labels = await Promise.all(result.files.map((f) => pageLabels(f.path)));
    const front = volumes[0]!.findIndex(isSlipSheet);
    expect(labels[0]!.slice(0, front)).toEqual(['i', ...(front > 1 ? ['ii'] : [])].slice(0, front));
    const numbered = labels.flatMap((l, v) => l!.slice(v === 0 ? front : 0));
    expect(numbered).toEqual(numbered.map((_, i) => String(i + 1)));
    const index = volumes[0]!.filter((t) => t.includes('INDEX OF EXHIBITS')).join('\n');
    for (const [n, [name]] of EXHIBITS.entries()) {
      const row = index.split('\n').find((l) => l.trimStart().startsWith(`PX-00${n + 1} `))!;
      const [volume, page] = row.trim().split(/\s+/).slice(-2).map(Number);
      const at = labels[volume! - 1]!.indexOf(String(page));
      const slip = volumes[volume! - 1]![at]!;
      expect(isSlipSheet(slip) && slip.includes(`PX-00${n + 1}`) && slip.includes(name)).toBe(true);
    }
  });
});

describe('a page larger than the size limit on its own', () => {
  it('goes into a volume alone, and the export says that volume is over the limit', async () => {
    const src = tempDir('oversized-src-');
    const { api: small } = newCase('Oversized');
    try {
      await small.importFiles({ paths: [await heavyPdf(path.join(src, 'Huge.pdf'), 'Huge', 1, 80), await heavyPdf(path.join(src, 'Tiny.pdf'), 'Tiny', 1, 1)] });
      const r = await small.exportBundle({ outDir: tempDir('oversized-out-'), maxMb: 0.05 });
      expect(r.files.map((f) => f.bytes > 50_000)).toEqual([true, false]);
      expect(r.warnings).toEqual([
        'PX-001: page(s) 1 are each larger than the size limit on their own; each goes into a volume alone, which is over the limit.',
        `Volume 1 is ${(r.files[0]!.bytes / 1_000_000).toFixed(2)} MB, over the 0.05 MB limit.`,
      ]);
      expect(pagesText(r.files[1]!.path).join('\n')).toContain(pageText('Tiny', 1));
    } finally {
      small.close();
    }
  });
});
