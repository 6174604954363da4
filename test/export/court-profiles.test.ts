import fs from 'node:fs';
import path from 'node:path';
import { degrees } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURT_IDS, COURT_PROFILES, COURT_PROFILE_LIST, courtLimits } from '../../shared/court-profiles.ts';
import type { ExportResult } from '../../shared/model.ts';
import type { CaseApi } from '../../electron/core/api.ts';
import { preflight } from '../../electron/core/preflight/preflight.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { cli } from '../fixtures/cli.ts';
import { A3, LEGAL, textPdf, writeDoc } from '../fixtures/court-pdfs.ts';
import { heavyPdf } from '../fixtures/export-case.ts';
import { openPdf, pagesText, qpdfCheck } from '../fixtures/export-reading.ts';

let api: CaseApi;
let caseDir: string;
let cacd: ExportResult;

/** Each page's size as shown (rotation applied), read by pdf.js. */
async function pageSizes(file: string): Promise<[number, number][]> {
  const doc = await openPdf(file);
  try {
    const sizes: [number, number][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { width, height } = (await doc.getPage(n)).getViewport({ scale: 1 });
      sizes.push([Math.round(width), Math.round(height)]);
    }
    return sizes;
  } finally {
    await doc.destroy();
  }
}

const manifestOf = (result: ExportResult) => JSON.parse(fs.readFileSync(result.manifest, 'utf8'));

beforeAll(async () => {
  const src = tempDir('court-src-');
  ({ dir: caseDir, api } = newCase('Court case'));
  const turned = await textPdf([{ text: 'Turned legal page.', ...LEGAL }]);
  turned.getPage(0).setRotation(degrees(90));
  const files = [
    await writeDoc(path.join(src, '1 letter.pdf'), await textPdf(['Letter page one.', 'Letter page two.'])),
    await writeDoc(path.join(src, '2 legal.pdf'), await textPdf([{ text: 'Legal page one.', ...LEGAL }, 'Letter page after it.'])),
    await writeDoc(path.join(src, '3 a3.pdf'), await textPdf([{ text: 'A3 landscape page.', width: A3.height, height: A3.width }])),
    await writeDoc(path.join(src, '4 turned.pdf'), turned),
  ];
  const report = await api.importFiles({ paths: files });
  expect(report.failed).toEqual([]);
  cacd = await api.exportBundle({ outDir: tempDir('court-out-'), court: 'cacd' });
});

afterAll(() => api.close());

describe('court profiles', () => {
  it('name the rule each comes from, in one list the export dialog can show', () => {
    expect(COURT_PROFILE_LIST.map((p) => [p.id, p.maxMb])).toEqual([
      ['cacd', 35],
      ['cand', 50],
      ['mdd', 30],
      ['generic', null],
    ]);
    expect(COURT_PROFILE_LIST.map((p) => p.id)).toEqual([...COURT_IDS]);
    for (const p of COURT_PROFILE_LIST) expect(p.rule.length).toBeGreaterThan(5);
    expect(COURT_PROFILES.cacd).toMatchObject({ rule: 'C.D. Cal. L.R. 5-4.3.1', pageSize: { width: 612, height: 792 }, oneExhibitPerFile: true });
    expect(courtLimits('cacd', 20)).toMatchObject({ id: 'cacd', maxMb: 20, oneExhibitPerFile: true });
    expect(courtLimits(undefined, undefined)).toBe(COURT_PROFILES.generic);
  });
});

describe('a bundle exported for C.D. Cal. (--court cacd)', () => {
  it('puts each exhibit in a file of its own, behind its cover page, and records the profile in the manifest', () => {
    const manifest = manifestOf(cacd);
    expect(manifest.files.map((f: { exhibits: string[] }) => f.exhibits)).toEqual([['PX-001'], ['PX-002'], ['PX-003'], ['PX-004']]);
    expect(manifest.settings).toMatchObject({ court: 'cacd', maxMb: 35, volumes: 4 });
    for (const [i, f] of cacd.files.entries()) {
      expect(qpdfCheck(f.path)).toMatch(/No syntax or stream encoding errors/);
      const pages = pagesText(f.path);
      const cover = i === 0 ? pages.findIndex((t) => /^\s*EXHIBIT\s*$/m.test(t)) : 0; // the index comes first in volume 1
      expect(pages[cover]).toMatch(new RegExp(`EXHIBIT\\s+PX-00${i + 1}`));
      expect(pages.filter((t) => /^\s*EXHIBIT\s*$/m.test(t))).toHaveLength(1);
    }
  });

  it('scales pages larger than Letter onto Letter, turned as the original is shown, text and all', async () => {
    const sizes = await Promise.all(cacd.files.map((f) => pageSizes(f.path)));
    for (const file of sizes) for (const [w, h] of file) expect([w, h]).toSatisfy(([a, b]: number[]) => (a === 612 && b === 792) || (a === 792 && b === 612));
    expect(sizes[1]!.slice(-2)).toEqual([
      [612, 792],
      [612, 792],
    ]);
    expect(sizes[2]!.at(-1)).toEqual([792, 612]); // the A3 landscape page
    expect(sizes[3]!.at(-1)).toEqual([792, 612]); // the legal page turned a quarter
    expect(pagesText(cacd.files[1]!.path).join('\n')).toContain('Legal page one.');
    expect(pagesText(cacd.files[3]!.path).join('\n')).toContain('Turned legal page.');
  });

  it('passes preflight for cacd: exit 0, and the --json report exactly', async () => {
    const paths = cacd.files.map((f) => f.path);
    const run = await cli('preflight', ...paths, '--court', 'cacd', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ files: paths.map((p) => ({ path: p, ok: true, problems: [] })) });
  }, 180_000);

  it('is needed: the same exhibits bundled without it fail preflight for cacd on their page sizes', async () => {
    const plain = await api.exportBundle({ outDir: tempDir('court-plain-') });
    const report = await preflight(plain.files.map((f) => f.path), COURT_PROFILES.cacd);
    expect(report.files[0]!.problems.map((p) => p.code)).toEqual(['page-size', 'page-size', 'page-size']);
  }, 180_000);

  it('lets --max-mb override the cap: an exhibit over it is split into parts, each file with its own cover page', async () => {
    const src = tempDir('court-heavy-');
    const { api: heavy } = newCase('Heavy case');
    try {
      await heavy.importFiles({ paths: [await heavyPdf(path.join(src, 'Alpha.pdf'), 'Alpha', 1, 30), await heavyPdf(path.join(src, 'Bravo.pdf'), 'Bravo', 8, 30)] });
      // Room for the font program a court export embeds for the originals' unembedded Helvetica (Liberation Sans, 90 KB).
      const result = await heavy.exportBundle({ outDir: tempDir('court-heavy-out-'), court: 'cacd', maxMb: 0.2 });
      const manifest = manifestOf(result);
      const holding = manifest.files.map((f: { exhibits: string[] }) => f.exhibits);
      expect(holding.length).toBeGreaterThan(3);
      expect(holding).toEqual([['PX-001'], ...holding.slice(1).map(() => ['PX-002'])]);
      const parts = result.files.slice(1).map((f) => pagesText(f.path)[0]!.replace(/\s+/g, ' '));
      parts.forEach((cover, i) => expect(cover).toContain(`EXHIBIT PX-002 part ${i + 1} of ${parts.length}`));
      for (const f of result.files) expect(f.bytes).toBeLessThanOrEqual(200_000);
      expect(result.preflight).toMatchObject({ passes: true });
      expect(manifest.settings).toMatchObject({ court: 'cacd', maxMb: 0.2 });
    } finally {
      heavy.close();
    }
  }, 180_000);

  it('also scales stamped exhibits onto Letter', async () => {
    const stamped = await api.exportStamped({ outDir: tempDir('court-stamped-'), court: 'cacd', select: { by: 'numbers', ranges: [{ from: 2, to: 2 }], exhibits: [] } });
    expect(await pageSizes(stamped.files[0]!.path)).toEqual([
      [612, 792],
      [612, 792],
    ]);
    expect(manifestOf(stamped).settings).toMatchObject({ court: 'cacd' });
  });

  it('is refused by name on the command line when the court is unknown', async () => {
    const run = await cli('export', caseDir, 'bundle', '--out', tempDir('court-bad-'), '--court', 'sdny');
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('exhibit-desk export: --court takes one of cacd, cand, mdd, generic, not "sdny".');
  }, 180_000);
});
