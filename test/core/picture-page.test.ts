// The viewer's pictures: every page of a multi-page TIFF, and pictures a browser cannot draw (TIFF, HEIC), rendered by
// the core as upright PNGs; anything else is refused with a reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { writePdf } from '../fixtures/pdfs.ts';
import { bilevelTiff, wordsCanvas } from '../fixtures/pictures.ts';

const { api } = newCase('Pictures');
const src = tempDir('picture-page-');
afterAll(() => api.close());

beforeAll(async () => {
  fs.writeFileSync(path.join(src, 'fax.tif'), bilevelTiff([{ canvas: wordsCanvas(['First page'], 800, 1000) }, { canvas: wordsCanvas(['Second page'], 1000, 600), orientation: 6 }]));
  const paths = [path.join(src, 'fax.tif'), await writePdf(path.join(src, 'memo.pdf'), { pages: ['Memo'] })];
  if (HAS_CORPUS) paths.push(path.join(CORPUS_DIR, 'img', 'libheif-example.heic'));
  const report = await api.importFiles({ paths });
  expect(report.failed).toEqual([]);
});

const png = (b64: string) => Buffer.from(b64, 'base64');

describe('picturePage', () => {
  it('renders every page of a TIFF upright, as a PNG of its own size', async () => {
    const first = await api.picturePage({ exhibit: 'PX-001', page: 1 });
    expect(png(first.png).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([first.width, first.height, first.pages]).toEqual([800, 1000, 2]);
    // Stored turned (orientation 6): shown upright, so its sides swap.
    const second = await api.picturePage({ exhibit: 'PX-001', page: 2 });
    expect([second.width, second.height]).toEqual([600, 1000]);
    expect(png(second.png).readUInt32BE(16)).toBe(600);
  });

  it('refuses a page past the end and an exhibit that is not a picture', async () => {
    const past = await api.picturePage({ exhibit: 'PX-001', page: 3 }).catch((e: unknown) => e);
    expect(past).toBeInstanceOf(UserError);
    expect((past as UserError).code).toBe('not_found');
    await expect(api.picturePage({ exhibit: 'PX-002', page: 1 })).rejects.toThrow('PX-002 is not a picture.');
  });

  it.skipIf(!HAS_CORPUS)('renders a HEIC photo, which no browser here draws', async () => {
    const heic = await api.picturePage({ exhibit: 'PX-003', page: 1 });
    expect(heic.pages).toBe(1);
    expect(heic.width * heic.height).toBeGreaterThan(10_000);
    expect(heic.width * heic.height).toBeLessThanOrEqual(4_000_000);
  });
});
