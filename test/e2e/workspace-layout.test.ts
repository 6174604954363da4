// The workspace on a laptop screen (1280×720) and a desktop one (1440×900), in Chromium against browser mode, by
// accessible names: files sent from the browser (a file picker and a drop) and found by search; side panels folded
// and unfolded; a column resized by keyboard; dates in the user's locale and typed in the US form; several exhibits
// checked; export settings kept with the case across a reload; axe-core on the grid, import and export screens.
// EXHIBIT_DESK_SHOTS names a folder for the screenshots (layout-*.png, at 1280×720).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { uploadStagingRoot } from '../../electron/core/import/upload-staging.ts';
import { fixedClock, tempDir } from '../fixtures/case.ts';
import { makePdf } from '../fixtures/pdfs.ts';
import { describeViolations, seriousViolations } from './axe.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the workspace layout end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
const shots = process.env.EXHIBIT_DESK_SHOTS ?? null;
if (shots) fs.mkdirSync(shots, { recursive: true });

const SIZES = [
  { width: 1280, height: 720, locale: 'en-GB', shots: true },
  { width: 1440, height: 900, locale: 'en-US', shots: false },
] as const;

describe.skipIf(!chromiumPresent)('the workspace at laptop and desktop sizes', () => {
  let root: string;
  let rendererDir: string;
  let browser: Browser;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-layout-e2e-');
    [rendererDir, browser] = await Promise.all([buildRenderer(path.join(root, 'renderer')), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  for (const size of SIZES) {
    describe(`at ${size.width}×${size.height} (${size.locale})`, () => {
      let api: CaseApi;
      let caseDir: string;
      let server: RunningServer;
      let context: BrowserContext;
      let page: Page;
      let requests: ReturnType<typeof recordRequests>;
      // Words no other file holds, one per file sent from the browser.
      const picked = { word: `zanzibar${size.width}`, name: `picked-memo-${size.width}.txt` };
      const dropped = { word: `quetzal${size.width}`, name: `dropped-note-${size.width}.txt` };

      beforeAll(async () => {
        const dir = path.join(root, String(size.width));
        const sources = path.join(dir, 'sources');
        fs.mkdirSync(sources, { recursive: true });
        const pdfs: [string, string, string][] = [
          ['agreement.pdf', 'Partnership Agreement between Business Efficiency Solutions and Huawei Technologies Pakistan', '2017-03-28'],
          ['award.pdf', 'Letter of acceptance of the PPIC3 contract', '2016-06-20'],
          ['record.pdf', 'Site installation record', '2017-04-20'],
        ];
        for (const [file, title, day] of pdfs) {
          fs.writeFileSync(path.join(sources, file), await makePdf({ title, created: new Date(`${day}T12:00:00Z`), pages: [`${title}.`] }));
        }
        caseDir = path.join(dir, 'case');
        api = createCaseApi({ dir: caseDir, create: { title: 'Business Efficiency Solutions, LLC v. Huawei Technologies Co., Ltd. and Huawei Technologies Pakistan (Pvt.) Ltd.' }, now: fixedClock() });
        await api.importFiles({ paths: pdfs.map(([file]) => path.join(sources, file)) });
        // A calendar day, shown as one whatever the time zone.
        await api.updateExhibit({ exhibit: 'PX-001', edit: { date: '2017-03-28' } });
        server = await serve({ api, rendererDir, onInternalError: (e) => console.error(e) });
        context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: size.locale, timezoneId: 'UTC', bypassCSP: true });
        requests = recordRequests(context);
        page = await context.newPage();
        page.on('pageerror', (e) => console.error('page error:', e.message));
        await page.goto(server.url);
        await rowOf('PX-003').waitFor();
      }, 60_000);

      afterAll(async () => {
        expect(requests?.offHost() ?? []).toEqual([]);
        await context?.close();
        await server?.close();
        api?.close();
      });

      const grid = () => page.getByRole('treegrid', { name: 'Exhibits' });
      const rowOf = (no: string): Locator => grid().getByRole('row').filter({ has: page.getByText(no, { exact: true }) });
      const details = () => page.getByRole('complementary', { name: 'Details' });
      const snap = async (name: string) => {
        if (shots && size.shots) await page.screenshot({ path: path.join(shots, `layout-${name}.png`) });
      };
      const axe = async (screen: string, within?: string) => {
        const found = await seriousViolations(page, within);
        expect(found, `${screen}: ${describeViolations(found)}`).toEqual([]);
      };

      it('shows the grid with every column and its tooltips, and passes axe-core', async () => {
        for (const name of ['Number', 'Date', 'Title', 'Kind', 'Tags', 'Description']) await grid().getByRole('columnheader', { name }).waitFor();
        const headerBox = (await grid().getByRole('columnheader', { name: 'Description' }).boundingBox())!;
        const gridBox = (await grid().boundingBox())!;
        expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(gridBox.x + gridBox.width + 1);
        const title = 'Partnership Agreement between Business Efficiency Solutions and Huawei Technologies Pakistan';
        expect(await rowOf('PX-001').getByText(title, { exact: true }).count()).toBe(1);
        expect(await rowOf('PX-001').getByTitle(title).count()).toBeGreaterThan(0);
        expect(await page.getByRole('heading', { level: 1 }).getAttribute('title')).toMatch(/^Business Efficiency Solutions, LLC v\. Huawei/);
        await axe('the grid');
        await snap('grid');

        // A filter chosen: its count and a labelled Clear button, whole, within the window.
        await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'PDF' });
        const clear = page.getByRole('search', { name: 'Filter exhibits' }).getByRole('button', { name: 'Clear filters' });
        const box = (await clear.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual((await grid().boundingBox())!.x + (await grid().boundingBox())!.width);
        await snap('filtered');
        await clear.click();
      }, 60_000);

      it('shows dates in the user’s locale and takes 9/16/2020 in the edit form, refusing what it cannot read in plain words', async () => {
        expect(await rowOf('PX-001').getByRole('gridcell').nth(2).textContent()).toBe(size.locale === 'en-GB' ? '28 Mar 2017' : 'Mar 28, 2017');
        await rowOf('PX-001').getByRole('gridcell').nth(4).click();
        const date = details().getByRole('region', { name: 'Metadata' }).getByRole('textbox', { name: 'Date' });
        await date.click();
        await date.fill('9/16/2020');
        await date.press('Enter');
        await expect.poll(async () => (await api.getExhibit({ exhibit: 'PX-001' })).exhibit.date).toBe('2020-09-16');
        await date.blur();
        await expect.poll(() => date.inputValue()).toBe(size.locale === 'en-GB' ? '16 Sept 2020' : 'Sep 16, 2020');
        await date.click();
        await date.fill('16.9.2020');
        await date.press('Enter');
        await details().getByRole('alert').filter({ hasText: 'Use a date such as 2020-09-16 or 9/16/2020.' }).waitFor();
        await snap('date-refused');
        await date.press('Escape');
        expect((await api.getExhibit({ exhibit: 'PX-001' })).exhibit.date).toBe('2020-09-16');
      }, 30_000);

      it('checks several exhibits with their checkboxes, a range with Shift, and all at once', async () => {
        // From no selection: all, then none.
        const all = grid().getByRole('checkbox', { name: 'Select all exhibits shown' });
        await all.click();
        await all.click();
        expect(await grid().getByRole('checkbox', { checked: true }).count()).toBe(0);
        await grid().getByRole('checkbox', { name: 'Select PX-001' }).click();
        await grid().getByRole('checkbox', { name: 'Select PX-003' }).click();
        await details().getByRole('heading', { name: '2 exhibits selected' }).waitFor();
        expect(await grid().getByRole('checkbox', { name: 'Select PX-002' }).isChecked()).toBe(false);
        await grid().getByRole('checkbox', { name: 'Select PX-001' }).click({ modifiers: ['Shift'] });
        await details().getByRole('heading', { name: '3 exhibits selected' }).waitFor();
        expect(await rowOf('PX-002').getAttribute('aria-selected')).toBe('true');
        await grid().getByRole('checkbox', { name: 'Select PX-002' }).click();
        await details().getByRole('heading', { name: '2 exhibits selected' }).waitFor();
        await snap('checked');
        expect(await all.isChecked()).toBe(false);
        await all.click();
        await details().getByRole('heading', { name: '3 exhibits selected' }).waitFor();
        expect(await all.isChecked()).toBe(true);
        await all.click();
        await details().getByRole('heading', { name: '3 exhibits selected' }).waitFor({ state: 'detached' });
      }, 30_000);

      it('resizes a column from the keyboard and keeps the width after a reload', async () => {
        const edge = grid().getByRole('separator', { name: 'Width of the Title column' });
        const header = grid().getByRole('columnheader', { name: 'Title' });
        const before = (await header.boundingBox())!.width;
        await edge.focus();
        for (let i = 0; i < 3; i++) await edge.press('ArrowRight');
        await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(before) + 48);
        expect(Number(await edge.getAttribute('aria-valuenow'))).toBe(Math.round(before) + 48);
        await edge.press('ArrowLeft');
        await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(before) + 32);
        await page.reload();
        await rowOf('PX-003').waitFor();
        expect(Math.round((await grid().getByRole('columnheader', { name: 'Title' }).boundingBox())!.width)).toBe(Math.round(before) + 32);
        await grid().getByRole('separator', { name: 'Width of the Title column' }).press('Home');
        await expect.poll(async () => Math.round((await grid().getByRole('columnheader', { name: 'Title' }).boundingBox())!.width)).toBe(Math.round(before));
      }, 30_000);

      it('folds the side panels away by button and by keyboard, giving their room to the grid', async () => {
        const workspace = page.getByRole('main', { name: 'Workspace' });
        const wide = async () => (await workspace.boundingBox())!.width;
        const start = await wide();
        await page.getByRole('button', { name: 'Hide allegations' }).click();
        await page.getByRole('navigation', { name: 'Allegations' }).waitFor({ state: 'hidden' });
        expect(await page.getByRole('button', { name: 'Show allegations' }).getAttribute('aria-expanded')).toBe('false');
        await grid().focus();
        await page.keyboard.press(']');
        await details().waitFor({ state: 'hidden' });
        expect(await wide()).toBeGreaterThan(start + 400);
        await snap('panels-folded');
        await axe('the grid, panels folded');
        await page.keyboard.press('[');
        await page.getByRole('navigation', { name: 'Allegations' }).waitFor();
        await page.getByRole('button', { name: 'Show details' }).click();
        await details().waitFor();
        expect(await wide()).toBe(start);
      }, 30_000);

      it('leaves the document’s tools whole beside both side panels', async () => {
        await rowOf('PX-003').getByRole('gridcell').nth(4).dblclick();
        const viewer = page.getByRole('region', { name: 'Document viewer' });
        const tools = viewer.getByRole('toolbar', { name: 'Document tools' });
        await tools.waitFor();
        const box = (await tools.boundingBox())!;
        for (const name of ['Highlight selection', 'Add note to this page', 'Notes on this document']) {
          const button = (await tools.getByRole('button', { name }).boundingBox())!;
          expect(button.x + button.width, name).toBeLessThanOrEqual(box.x + box.width + 1);
        }
        await page.waitForTimeout(500);
        await snap('document');
        await page.getByRole('tab', { name: /^Exhibits/ }).click();
      }, 30_000);

      it('sends a picked file and a dropped one from the browser, imports both under their names, and finds a word of each', async () => {
        await page.getByRole('button', { name: 'Import…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Import files' });
        const memo = { name: picked.name, mimeType: 'text/plain', buffer: Buffer.from(`Memo on the ${picked.word} staging servers.\n`) };
        // At the laptop size a scan too, whose summary line names its file and says that OCR has read its page.
        const scan = { name: 'scanned-letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf({ title: 'Image', pages: [null] })) };
        await dialog.getByLabel('Choose files…').setInputFiles(size.shots ? [memo, scan] : [memo]);
        // A folder too, its files under their paths in it; the file manager's own files in it are left out.
        const folder = path.join(root, `Production ${size.width}`);
        fs.mkdirSync(path.join(folder, 'nested'), { recursive: true });
        fs.writeFileSync(path.join(folder, 'nested', 'deep-note.txt'), `Deep note ${size.width}.\n`);
        fs.writeFileSync(path.join(folder, '.DS_Store'), 'Finder');
        await dialog.getByLabel('Choose a folder…').setInputFiles(folder);
        await dialog.getByRole('region', { name: 'Chosen files' }).getByText(picked.name).waitFor();
        await dialog.getByRole('region', { name: 'Chosen files' }).getByText(`Production ${size.width}/nested/deep-note.txt`).waitFor();
        expect(await dialog.getByRole('region', { name: 'Chosen files' }).getByText('.DS_Store').count()).toBe(0);
        await axe('the import dialog');
        await snap('import');
        await dialog.getByRole('button', { name: 'Import', exact: true }).click();
        const finished = page.getByRole('dialog', { name: 'Import finished' });
        await finished.waitFor({ timeout: 30_000 });
        expect(await finished.getByRole('definition').first().textContent()).toBe(size.shots ? '3' : '2');
        if (size.shots) {
          const warned = finished.getByRole('region', { name: 'Imported with warnings' }).getByRole('listitem');
          expect(await warned.textContent()).toMatch(/^scanned-letter\.pdf \(PX-\d+\)No text layer on any page \(scanned\)\. Scanned pages read by OCR: searchable\.$/);
        }
        await axe('the import summary');
        await snap('import-summary');
        await finished.getByRole('button', { name: 'Done' }).click();

        // A drop as a desktop's file manager makes one: a DataTransfer holding the file, dispatched on the window.
        // (Written as the page's own script: this test is typed for Node, without the DOM's names.)
        const file = JSON.stringify({ name: dropped.name, text: `Note about the ${dropped.word} gateway.\n` });
        await page.evaluate(`(({ name, text }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], name, { type: 'text/plain' }));
          for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        })(${file})`);
        await finished.waitFor({ timeout: 30_000 });
        expect(await finished.getByRole('definition').first().textContent()).toBe('1');
        await finished.getByRole('button', { name: 'Done' }).click();

        const imported = (await api.listExhibits({})).filter((e) => e.sourceName !== 'scanned-letter.pdf');
        expect(imported.slice(-3).map((e) => [e.sourceName, e.sourcePath])).toEqual([
          [picked.name, picked.name],
          ['deep-note.txt', `Production ${size.width}/nested/deep-note.txt`],
          [dropped.name, dropped.name],
        ]);
        expect(fs.readdirSync(uploadStagingRoot(caseDir))).toEqual([]);
        for (const { word, name } of [picked, dropped]) {
          const search = page.getByRole('combobox', { name: 'Search exhibits' });
          await search.fill(word);
          await search.press('Enter');
          const results = page.getByRole('region', { name: 'Search results' });
          const no = imported.find((e) => e.sourceName === name)!.exhibitNo;
          await results.getByText(no, { exact: true }).first().waitFor({ timeout: 15_000 });
          await page.keyboard.press('Escape');
        }
      }, 90_000);

      it('remembers the export settings with the case, has no empty Preflight for Word files, and passes axe-core', async () => {
        await page.getByRole('button', { name: 'Export…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.getByRole('radio', { name: 'Exhibit list', exact: true }).check();
        await dialog.getByRole('radio', { name: 'Word', exact: true }).check();
        await dialog.getByRole('region', { name: 'Preview' }).waitFor();
        await axe('the export dialog');
        await snap('export');
        await dialog.getByRole('button', { name: 'Export', exact: true }).click();
        const finished = page.getByRole('dialog', { name: 'Export finished' });
        await finished.getByRole('list', { name: 'Files written' }).getByText(/\.docx$/).waitFor({ timeout: 60_000 });
        expect(await finished.getByRole('heading', { name: 'Preflight' }).count()).toBe(0);
        await axe('the finished export');
        await snap('export-finished');
        await finished.getByRole('button', { name: 'Close' }).last().click();

        // A new session (the page reloaded) starts from the settings the case keeps.
        await page.reload();
        await rowOf('PX-003').waitFor();
        await page.getByRole('button', { name: 'Export…' }).click();
        await expect.poll(() => dialog.getByRole('radio', { name: 'Exhibit list', exact: true }).isChecked()).toBe(true);
        expect(await dialog.getByRole('radio', { name: 'Word', exact: true }).isChecked()).toBe(true);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      }, 90_000);
    });
  }
});
