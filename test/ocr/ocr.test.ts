import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi } from '../../electron/core/api.ts';
import { registerIndexedText } from '../../electron/core/search/cjk-text.ts';
import type { ImportReport, OcrReport, SearchHit } from '../../shared/model.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { BIN, cli, cliJson } from '../fixtures/cli.ts';
import { pagesText, placedText, qpdfCheck } from '../fixtures/export-reading.ts';
import { writePdf } from '../fixtures/pdfs.ts';
import { makeScannedPdf } from '../fixtures/scans.ts';
import { HAS_STRACE, traceNetwork } from '../fixtures/syscall-network-log.ts';

const LEDGER = ['Quarterly shipment ledger', 'Zanzibar harbour invoice 4471'];
const MINUTES = ['Board minutes of the tenth meeting', 'Ostrich feathers were declined'];
const SLOW = 240_000;

describe('OCR of a scanned page, from import to export', () => {
  const dir = path.join(tempDir(), 'case');
  const scanned = path.join(tempDir(), 'scanned ledger.pdf');
  let imported: ImportReport & { ocr?: OcrReport };
  let networkAttempts: string[] | null = null;

  beforeAll(async () => {
    fs.writeFileSync(scanned, await makeScannedPdf([{ text: 'Cover letter about the freight' }, LEDGER]));
    expect((await cli('init', dir)).code).toBe(0);
    // Watched with strace where it is installed: OCR, its worker threads and Tesseract's own make no connection.
    if (HAS_STRACE) {
      const run = await traceNetwork(process.execPath, [BIN, 'import', dir, scanned, '--json']);
      networkAttempts = run.attempts;
      imported = JSON.parse(run.stdout);
    } else {
      console.warn('strace is not installed; the OCR offline proof is skipped');
      imported = await cliJson('import', dir, scanned);
    }
    const perPage = imported.ocr ? imported.ocr.seconds / imported.ocr.pages : NaN;
    console.log(`OCR on this machine: ${imported.ocr?.seconds} s for ${imported.ocr?.pages} page(s), with the recognizer's start-up (${perPage.toFixed(1)} s a page)`);
  }, SLOW);

  it('import reads the page without a text layer by default and reports it', () => {
    expect(imported.imported).toHaveLength(1);
    expect(imported.ocr).toMatchObject({ pages: 1, pending: 0, completed: [{ exhibitNo: 'PX-001' }], warnings: [], cancelled: false });
  });

  it.skipIf(!HAS_STRACE)('reads offline: no network connection, and no language data written to the working folder', () => {
    expect(networkAttempts).toEqual([]);
    expect(fs.existsSync(path.join(process.cwd(), 'eng.traineddata'))).toBe(false);
  });

  it('search finds the scanned words on their page, as OCR text', async () => {
    const { hits } = await cliJson<{ hits: SearchHit[] }>('search', dir, 'zanzibar AND 4471');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ exhibitNo: 'PX-001', page: 2, source: 'ocr' });
    expect(hits[0]!.snippet).toContain('«Zanzibar» harbour invoice «4471»');
    const api = createCaseApi({ dir });
    try {
      expect(await api.search({ query: 'freight' })).toMatchObject([{ page: 1, source: 'page' }]);
    } finally {
      api.close();
    }
  }, SLOW);

  it('list marks the exhibit as read by OCR, while its original still has no full text layer', async () => {
    const { exhibits } = await cliJson('list', dir);
    expect(exhibits).toMatchObject([{ exhibitNo: 'PX-001', textLayer: false, ocr: true }]);
  }, SLOW);

  it('records the OCR in the audit log once the exhibit is complete', async () => {
    const api = createCaseApi({ dir });
    try {
      const entries = (await api.auditLog({ exhibit: 'PX-001' })).filter((a) => a.action === 'exhibit.ocr');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.after).toEqual({ pages: [2] });
      expect(entries[0]!.sha256).toEqual([imported.imported[0]!.sha256]);
    } finally {
      api.close();
    }
  });

  it('ocr has nothing left to do afterwards', async () => {
    const again = await cliJson<OcrReport>('ocr', dir);
    expect(again).toEqual({ pages: 0, pending: 0, completed: [], warnings: [], cancelled: false, seconds: 0 });
  }, SLOW);

  it('the exported bundle carries the OCR text as an invisible layer where the words are', async () => {
    const out = tempDir();
    const result = await cliJson<{ files: { path: string }[] }>('export', dir, 'bundle', '--out', out);
    const bundle = result.files[0]!.path;
    qpdfCheck(bundle);
    const pages = pagesText(bundle);
    const scan = pages.at(-1)!;
    expect(scan).toMatch(/Quarterly\s+shipment\s+ledger/);
    expect(scan).toMatch(/Zanzibar\s+harbour\s+invoice\s+4471/);
    // The picture draws the line at 120 px from the left and its baseline 350 px from the top of 1275 × 1650 px; the
    // export shrinks the page to 91 % between 4.5 % bands, centred across.
    const { items } = await placedText(bundle, pages.length);
    const word = items.find((i) => i.text.includes('Zanzibar'))!;
    expect(word.upright).toBe(true);
    expect(word.x).toBeCloseTo(612 * 0.045 + (120 / 1275) * 612 * 0.91, -1);
    expect(word.y).toBeCloseTo(792 * 0.045 + (350 / 1650) * 792 * 0.91, -1);
  }, SLOW);
});

describe('OCR runs', () => {
  it('cost nothing in a case whose pages all have text', async () => {
    const { dir, api } = newCase();
    try {
      const file = await writePdf(path.join(dir, '..', 'typed.pdf'), { pages: ['A typed letter'] });
      await api.importFiles({ paths: [file] });
      expect(await api.runOcr({})).toEqual({ pages: 0, pending: 0, completed: [], warnings: [], cancelled: false, seconds: 0 });
      expect((await api.listExhibits({}))[0]).toMatchObject({ textLayer: true, ocr: false });
    } finally {
      api.close();
    }
  });

  describe('over two scanned pages', () => {
    const { dir, api } = newCase();
    const file = path.join(dir, '..', 'minutes.pdf');

    beforeAll(async () => {
      fs.writeFileSync(file, await makeScannedPdf([MINUTES, LEDGER]));
      const report = await cliJson<ImportReport & { ocr?: OcrReport }>('import', dir, file, '--no-ocr');
      expect(report.imported).toHaveLength(1);
      expect(report.ocr).toBeUndefined();
      expect((await api.listExhibits({}))[0]).toMatchObject({ textLayer: false, ocr: false });
    }, SLOW);

    it('stop when cancelled, leaving the pages waiting', async () => {
      const abort = new AbortController();
      const progress: (string | null)[] = [];
      const report = await api.runOcr(
        {},
        {
          signal: abort.signal,
          onProgress: (p) => {
            progress.push(p.current);
            abort.abort();
          },
        },
      );
      expect(report).toMatchObject({ pages: 0, pending: 2, cancelled: true, warnings: [] });
      expect(progress[0]).toBe('PX-001 p. 1');
      expect((await api.listExhibits({}))[0]!.ocr).toBe(false);
    });

    it('skip a page over the time limit with a plain warning, and try it again next time', async () => {
      const report = await api.runOcr({ pageTimeoutSeconds: 0.05 });
      expect(report).toMatchObject({ pages: 0, pending: 2, cancelled: false });
      expect(report.warnings).toContain('PX-001, page 1: OCR took longer than 0.05 s and was stopped; the next OCR run tries it again.');
    }, SLOW);

    it('resume where a stopped run left off', async () => {
      // As if an earlier run had been killed after committing the first page.
      const db = new Database(path.join(dir, 'case.sqlite'));
      registerIndexedText(db); // the search index's triggers call it
      db.prepare("INSERT INTO texts (exhibit_id, source, page, text, layout) VALUES (1, 'ocr', 1, 'read before', '{\"words\":[]}')").run();
      db.close();
      const done: number[] = [];
      const report = await api.runOcr({}, { onProgress: (p) => done.push(p.done) });
      expect(report).toMatchObject({ pages: 1, pending: 0, completed: [{ exhibitNo: 'PX-001' }], cancelled: false });
      expect(done).toEqual([0, 1]);
      const hits = await api.search({ query: 'ostrich OR zanzibar OR "read before"' });
      expect(hits.map((h) => [h.page, h.source])).toEqual(expect.arrayContaining([[1, 'ocr'], [2, 'ocr']]));
      expect(hits.some((h) => h.snippet.includes('Ostrich'))).toBe(false);
      expect((await api.listExhibits({}))[0]!.ocr).toBe(true);
      const [entry] = (await api.auditLog({ exhibit: 'PX-001' })).filter((a) => a.action === 'exhibit.ocr');
      expect(entry!.after).toEqual({ pages: [1, 2] });
    }, SLOW);
  });
});

