import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, OcrReport, SearchHit } from '../../shared/model.ts';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { migrate } from '../../electron/core/store/migrations/index.ts';
import type { OcrLayout } from '../../electron/core/store/ocr-text.ts';
import { tempDir } from '../fixtures/case.ts';
import { cli, cliJson } from '../fixtures/cli.ts';
import { CORPUS_DIR, CORPUS_MISSING, HAS_CORPUS } from '../fixtures/corpus.ts';
import { bornDigital, stampedScan, unrenderableScan } from '../fixtures/stamped-scans.ts';

const SLOW = 240_000;
const STAMPED = ['Affidavit of the harbour master', 'Zanzibar cargo manifest 4471'];
const TURNED = ['Upside down correspondence', 'Kilimanjaro freight invoice'];
// A court scan with a /Rotate 180 page, the CM/ECF stamp and a few dates laid over it as text, and nothing else.
const CORPUS_SCAN = path.join(CORPUS_DIR, 'scan', 'xray-testh180.pdf');

describe('OCR of scanned pages whose only text is a stamp', () => {
  const dir = path.join(tempDir(), 'case');
  const files = {
    stamped: path.join(tempDir(), 'stamped order.pdf'),
    typed: path.join(tempDir(), 'typed letter.pdf'),
    turned: path.join(tempDir(), 'turned scan.pdf'),
    huge: path.join(tempDir(), 'huge scan.pdf'),
  };
  const corpus = HAS_CORPUS && fs.existsSync(CORPUS_SCAN);
  let imported: ImportReport;
  let first: OcrReport;
  const no = (file: string) => imported.imported.find((i) => i.path === file)!.exhibitNo;
  const withApi = async <T>(use: (api: CaseApi) => Promise<T>): Promise<T> => {
    const api = createCaseApi({ dir });
    try {
      return await use(api);
    } finally {
      api.close();
    }
  };
  const search = (query: string): Promise<SearchHit[]> => withApi((api) => api.search({ query }));

  beforeAll(async () => {
    if (!corpus) console.warn(CORPUS_MISSING);
    fs.writeFileSync(files.stamped, await stampedScan(STAMPED));
    fs.writeFileSync(files.typed, await bornDigital(['A typed letter about the shipment of ostrich feathers,', 'sent by the freight office.'], 'Page 1'));
    fs.writeFileSync(files.turned, await stampedScan(TURNED, { upsideDown: true }));
    fs.writeFileSync(files.huge, unrenderableScan());
    expect((await cli('init', dir)).code).toBe(0);
    imported = await cliJson('import', dir, ...Object.values(files), ...(corpus ? [CORPUS_SCAN] : []), '--no-ocr');
    first = await cliJson<OcrReport>('ocr', dir);
    console.log(`OCR: ${first.pages} page(s) read and 1 given up on in ${first.seconds} s`);
  }, SLOW);

  it('import tells stamped scans from born-digital pages', () => {
    expect(imported.failed).toEqual([]);
    const byPath = new Map(imported.imported.map((i) => [i.path, i]));
    expect(byPath.get(files.typed)).toMatchObject({ textLayer: true, warnings: [] });
    expect(byPath.get(files.stamped)).toMatchObject({ textLayer: false });
    expect(byPath.get(files.stamped)!.warnings).toEqual(['Page 1: scanned, with text only in the margins (a stamp or header).']);
  });

  it('reads the stamped scan, finds a word of its picture as OCR, and keeps the stamp searchable', async () => {
    expect(first).toMatchObject({ pages: corpus ? 3 : 2, pending: 0, cancelled: false });
    expect(await search('zanzibar AND 4471')).toMatchObject([{ exhibitNo: no(files.stamped), page: 1, source: 'ocr' }]);
    const stamp = await search('"Document 27" AND 01234');
    expect(stamp.filter((h) => h.exhibitNo === no(files.stamped)).map((h) => h.source)).toContain('page');
  }, SLOW);

  it('never reads a born-digital page with a short footer', async () => {
    const hits = await search('ostrich');
    expect(hits).toMatchObject([{ exhibitNo: no(files.typed), source: 'page' }]);
    expect(first.completed.map((c) => c.exhibitNo)).not.toContain(no(files.typed));
    const typed = await withApi((api) => api.getExhibit({ exhibit: no(files.typed) }));
    expect(typed.exhibit).toMatchObject({ textLayer: true, ocr: false });
  }, SLOW);

  it('reads a page whose picture is upside down, with its words placed where they appear on the page', async () => {
    expect(await search('kilimanjaro AND invoice')).toMatchObject([{ exhibitNo: no(files.turned), source: 'ocr' }]);
    const layout = ocrLayout(dir, imported.imported.find((i) => i.path === files.turned)!.id);
    expect(layout.turn).toBe(180);
    // Upright, the picture's second line starts 120 px from the left of 1275 with its baseline 350 px down of 1650;
    // turned over, the word ends that far from the right and sits that far up from the bottom.
    const [, x0, y0, x1, y1] = layout.words.find(([text]) => text.includes('Kilimanjaro'))!;
    expect(1 - x1).toBeCloseTo(120 / 1275, 1);
    expect(1 - y0).toBeCloseTo(350 / 1650, 1);
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1);
  }, SLOW);

  it('marks a page that cannot be rendered unreadable once, shows why, and retries it only when told', async () => {
    const huge = no(files.huge);
    expect(first.warnings).toEqual([expect.stringMatching(new RegExp(`^${huge}, page 1: the page could not be read \\(.+\\); it is marked unreadable`))]);
    const details = await withApi((api) => api.getExhibit({ exhibit: huge }));
    expect(details.unreadablePages).toEqual([{ page: 1, reason: expect.stringMatching(/^the page could not be read/) }]);
    expect((await cli('show', dir, huge)).stdout).toMatch(/^Unreadable\s+page 1: the page could not be read/m);
    expect(await cliJson<OcrReport>('ocr', dir)).toEqual({ pages: 0, pending: 0, completed: [], warnings: [], cancelled: false, seconds: 0 });
    const retried = await cliJson<OcrReport>('ocr', dir, '--retry');
    expect(retried).toMatchObject({ pages: 0, pending: 0 });
    expect(retried.warnings).toHaveLength(1);
  }, SLOW);

  it('measures the pages of a case imported before pages were measured, and sends its stamped scans to OCR', async () => {
    const ids = [files.stamped, files.typed].map((f) => imported.imported.find((i) => i.path === f)!.id);
    const facts = () => db.prepare("SELECT image_cover AS cover, body_chars AS body FROM texts WHERE source = 'page' AND exhibit_id IN (?, ?) ORDER BY exhibit_id").all(...ids);
    const db = new Database(path.join(dir, 'case.sqlite'));
    try {
      migrate(db); // as the app opens a case; it also gives this connection the functions the text triggers call
      const measured = facts();
      // As migration 0050 leaves a page imported before it, and with the scan not yet read.
      db.prepare("UPDATE texts SET image_cover = NULL, body_chars = NULL WHERE source = 'page' AND exhibit_id IN (?, ?)").run(...ids);
      db.prepare("DELETE FROM texts WHERE source = 'ocr' AND exhibit_id = ?").run(ids[0]);
      // A time limit no page meets: the run measures, queues the scan, and leaves it waiting without reading it.
      const report = await withApi((api) => api.runOcr({ pageTimeoutSeconds: 0.01 }));
      expect(report).toMatchObject({ pages: 0, pending: 1 });
      expect(report.warnings).toEqual([`${no(files.stamped)}, page 1: OCR took longer than 0.01 s and was stopped; the next OCR run tries it again.`]);
      expect(facts()).toEqual(measured);
      expect(measured).toEqual([expect.objectContaining({ cover: 1 }), { cover: 0, body: expect.any(Number) }]);
    } finally {
      db.close();
    }
  }, SLOW);

  it.skipIf(!corpus)('reads a real stamped court scan, found by a word of its body', async () => {
    const hits = await search('quarantine');
    expect(hits).toMatchObject([{ exhibitNo: no(CORPUS_SCAN), page: 1, source: 'ocr' }]);
  }, SLOW);
});

/** The OCR layout of page 1 as the exporter reads it. */
function ocrLayout(dir: string, exhibitId: number): OcrLayout {
  const db = new Database(path.join(dir, 'case.sqlite'), { readonly: true });
  try {
    const row = db.prepare("SELECT layout FROM texts WHERE exhibit_id = ? AND source = 'ocr' AND page = 1").get(exhibitId) as { layout: string };
    return JSON.parse(row.layout) as OcrLayout;
  } finally {
    db.close();
  }
}
