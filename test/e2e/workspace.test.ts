// The whole workspace in Chromium against browser mode, driven by accessible names: open a case, import with
// progress (and cancel), search, open a hit at its page, highlight and link a passage, see the paragraph's evidence,
// link by keyboard and by drag and drop, tag and filter, edit in place; no request may leave 127.0.0.1. Then the
// time to the first rows of a case of 10,000 exhibits.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseApi } from '../../electron/core/api.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { tempDir } from '../fixtures/case.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';
import { syntheticCase } from './synthetic-case.ts';
import { BULK_FILES, buildJourneyCase, buildLargeCase, CASE_TITLE, PASSAGE, type JourneyCase } from './journey-case.ts';

const LARGE_CASE = 10_000;
const HUGE_CASE = 100_000;
const FIRST_ROW_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role=treegrid] [role=rowgroup] + [role=rowgroup] [role=row]')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstRowPainted = performance.now(); }));
  }).observe(document, { childList: true, subtree: true });`;
const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the workspace end-to-end tests: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

/** Screenshots of the journey, to look at; EXHIBIT_DESK_SHOTS names a folder to keep them in. */
const shots = process.env.EXHIBIT_DESK_SHOTS ?? null;
if (shots) fs.mkdirSync(shots, { recursive: true });

describe.skipIf(!chromiumPresent)('workspace in browser mode', () => {
  let root: string;
  let rendererDir: string;
  let browser: Browser;
  // The large case is imported while the journey runs; fast storage keeps the vault's fsyncs from dominating.
  let largeBase: string;
  let largeCase: Promise<CaseApi>;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-e2e-');
    largeBase = fs.existsSync('/dev/shm') ? fs.mkdtempSync('/dev/shm/exhibit-desk-e2e-') : tempDir();
    largeCase = buildLargeCase(largeBase, LARGE_CASE);
    largeCase.catch(() => {});
    [rendererDir, browser] = await Promise.all([buildRenderer(path.join(root, 'renderer')), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    (await largeCase.catch(() => null))?.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(largeBase, { recursive: true, force: true });
  });

  describe('the journey', () => {
    let journey: JourneyCase;
    let server: RunningServer;
    let context: BrowserContext;
    let page: Page;
    let requests: ReturnType<typeof recordRequests>;

    beforeAll(async () => {
      journey = await buildJourneyCase(path.join(root, 'journey'));
      server = await serve({ api: journey.api, rendererDir, onInternalError: (e) => console.error(e) });
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      requests = recordRequests(context);
      page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      journey?.api.close();
    });

    const grid = () => page.getByRole('treegrid', { name: 'Exhibits' });
    const rowOf = (text: string): Locator => grid().getByRole('row').filter({ has: page.getByText(text, { exact: true }) });
    const viewer = () => page.getByRole('region', { name: 'Document viewer' });
    const allegations = () => page.getByRole('navigation', { name: 'Allegations' });
    const paragraph = (n: number) => allegations().getByRole('button', { name: new RegExp(`^¶ ${n}: `) });
    const snap = async (name: string) => {
      if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
    };

    it('opens the case with its exhibits, and imports the complaint', async () => {
      await page.goto(server.url);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(CASE_TITLE);
      await rowOf('PX-001').waitFor();
      await rowOf('PX-002').waitFor();
      await allegations().getByRole('button', { name: 'Import complaint…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import complaint' });
      await dialog.getByLabel(/Path of the complaint/).fill(journey.complaint);
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await paragraph(7).waitFor();
      expect(await allegations().getByRole('region', { name: /^Count I: / }).count()).toBe(1);
      expect(await paragraph(7).getAttribute('aria-label')).toMatch(/No evidence$/);
      expect(await page.getByRole('banner', { name: 'Case' }).count()).toBe(1);
      expect(await page.getByRole('main', { name: 'Workspace' }).count()).toBe(1);
      expect(await page.getByRole('complementary', { name: 'Details' }).count()).toBe(1);
    }, 30_000);

    it('imports a folder with a progress bar and stops when cancelled', async () => {
      await page.getByRole('button', { name: 'Import…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import files' });
      await dialog.getByLabel('Paths on this computer').fill(journey.bulk);
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();

      const progress = page.getByRole('progressbar', { name: 'Import progress' });
      await expect.poll(async () => Number((await progress.getAttribute('aria-valuenow')) ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await progress.getAttribute('aria-valuemax')).toBe(String(BULK_FILES));
      expect(await page.getByRole('dialog', { name: 'Importing files' }).getByText(/^note-\d{4}\.txt$/).count()).toBe(1);
      await snap('import-progress');
      await page.getByRole('button', { name: 'Cancel import' }).click();

      const summary = page.getByRole('dialog', { name: 'Import finished' });
      await summary.getByText('The import was cancelled').waitFor({ timeout: 20_000 });
      const imported = Number(await summary.getByRole('definition').first().textContent());
      expect(imported).toBeGreaterThan(0);
      expect(imported).toBeLessThan(BULK_FILES);
      await summary.getByRole('button', { name: 'Done' }).click();
    }, 60_000);

    it('imports a production and reports the duplicate and the failure with reasons', async () => {
      await page.keyboard.press('i');
      const dialog = page.getByRole('dialog', { name: 'Import files' });
      await dialog.getByLabel('Paths on this computer').fill(`"${journey.production}"`);
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();

      const summary = page.getByRole('dialog', { name: 'Import finished' });
      const failed = summary.getByRole('region', { name: 'Failed files' });
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.getByRole('listitem').textContent()).toContain('empty.pdf');
      expect(await failed.getByRole('listitem').textContent()).toContain('The file is empty.');
      expect(await summary.getByRole('region', { name: 'Duplicate files' }).getByRole('listitem').textContent()).toMatch(
        /acceptance-copy\.pdf.*Same content as PX-002/,
      );
      await snap('import-summary');
      await summary.getByRole('button', { name: 'Done' }).click();

      const email = grid().getByRole('row').filter({ hasText: 'Installation in Suzhou – approval' });
      const toggle = email.getByRole('button', { name: /^Show 1 attachment of PX-\d+$/ });
      const emailNo = /PX-\d+$/.exec((await toggle.getAttribute('aria-label')) ?? '')![0];
      await toggle.click();
      await rowOf(`${emailNo}.1`).waitFor();
      expect(await email.getAttribute('aria-expanded')).toBe('true');
    }, 60_000);

    it('shows an email with its header, body and attachments', async () => {
      const email = grid().getByRole('row').filter({ hasText: 'Installation in Suzhou – approval' });
      await email.dblclick();
      const header = viewer().getByRole('definition');
      await header.filter({ hasText: '"Roe, Jane" <jane.roe@example.com>' }).waitFor();
      await viewer().getByText('Please find the approval for the Data Exchange System attached.', { exact: false }).waitFor();
      await viewer().getByRole('region', { name: 'Attachments' }).getByRole('button', { name: /approval/ }).click();
      await viewer().getByText('Page 1 of 2').waitFor();
      await page.getByRole('tab', { name: /^Exhibits/ }).click();
    }, 30_000);

    it('shows the core’s own message for a malformed search', async () => {
      const search = page.getByRole('combobox', { name: 'Search exhibits' });
      await search.fill('"Suzhou');
      await page.getByRole('alert').filter({ hasText: 'A quotation mark is missing its partner' }).waitFor();
    });

    it('searches, and opens a hit at its page with the term highlighted', async () => {
      const search = page.getByRole('combobox', { name: 'Search exhibits' });
      await search.fill('Suzhou');
      const hit = page.getByRole('tree', { name: 'Search hits' }).getByRole('group', { name: /Site installation record/ }).getByRole('treeitem').filter({ hasText: 'p. 2' });
      await hit.waitFor();
      expect(await hit.locator('mark').first().textContent()).toBe('Suzhou');
      await snap('search-hits');
      await hit.click();

      await viewer().getByText('Page 2 of 3').waitFor();
      await viewer().locator('.textLayer mark', { hasText: 'Suzhou' }).first().waitFor();
      await viewer().getByRole('button', { name: 'Next page' }).click();
      await viewer().getByText('Page 3 of 3').waitFor();
      await viewer().getByRole('button', { name: 'Page 2', exact: true }).click();
      await viewer().getByText('Page 2 of 3').waitFor();
    }, 30_000);

    it('highlights a passage with a note and links it to a paragraph', async () => {
      await viewer().getByText(PASSAGE).selectText();
      await viewer().getByRole('button', { name: 'Highlight selection' }).click();
      const dialog = page.getByRole('dialog', { name: 'Highlight passage' });
      expect(await dialog.getByRole('blockquote').textContent()).toBe(PASSAGE);
      await dialog.getByLabel('Note').fill('The duplicate went to Suzhou without approval.');
      await dialog.getByRole('combobox', { name: 'Link to paragraph' }).selectOption('7');
      await dialog.getByRole('button', { name: 'Save and link' }).click();
      await page.getByRole('status').filter({ hasText: /^Linked PX-\d+ at 2 to ¶ 7\.$/ }).waitFor();
      await viewer().locator('.page-highlight').first().waitFor();
      await snap('viewer-highlight');
    }, 30_000);

    it('shows the paragraph’s evidence with its pinpoint cite and opens it', async () => {
      await expect.poll(() => paragraph(7).getAttribute('aria-label')).toMatch(/1 linked$/);
      await paragraph(7).click();
      const evidence = page.getByRole('region', { name: 'Evidence for paragraph 7' });
      const cite = evidence.getByRole('button', { name: /^PX-\d+ at 2$/ });
      await cite.waitFor();
      expect(await evidence.getByRole('blockquote').textContent()).toBe(`“${PASSAGE}”`);
      await snap('allegations-evidence');
      await viewer().getByRole('button', { name: 'Next page' }).click();
      await cite.click();
      await viewer().getByText('Page 2 of 3').waitFor();
    }, 30_000);

    it('links exhibits to paragraphs from the keyboard and by drag and drop', async () => {
      await page.getByRole('tab', { name: /^Exhibits/ }).click();
      await rowOf('PX-001').click();
      await page.keyboard.press('l');
      const dialog = page.getByRole('dialog', { name: 'Link PX-001 to a paragraph' });
      await dialog.getByRole('combobox', { name: 'Paragraph' }).selectOption('5');
      await dialog.getByLabel('Pages (optional)').fill('2');
      await dialog.getByRole('button', { name: 'Link', exact: true }).click();
      await expect.poll(() => paragraph(5).getAttribute('aria-label')).toMatch(/1 linked$/);

      await rowOf('PX-002').dragTo(paragraph(9));
      await expect.poll(() => paragraph(9).getAttribute('aria-label')).toMatch(/1 linked$/);
      await paragraph(9).click();
      await page.getByRole('region', { name: 'Evidence for paragraph 9' }).getByRole('button', { name: 'PX-002', exact: true }).waitFor();
    }, 30_000);

    it('tags a multiple selection and filters the grid by the tag', async () => {
      await rowOf('PX-001').click();
      await rowOf('PX-002').click({ modifiers: ['Control'] });
      const details = page.getByRole('complementary', { name: 'Details' });
      await details.getByRole('heading', { name: '2 exhibits selected' }).waitFor();
      await details.getByLabel('Add tag').fill('Key documents');
      await details.getByLabel('Add tag').press('Enter');
      await rowOf('PX-002').getByRole('button', { name: 'Key documents' }).waitFor();

      await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'Key documents (2)' });
      await expect.poll(() => grid().getByRole('row').count()).toBe(3);
      expect(await grid().getAttribute('aria-rowcount')).toBe('3');
      await rowOf('PX-001').click();
      await snap('grid-details');
      await page.getByRole('button', { name: 'Clear filters' }).first().click();
      await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBeGreaterThan(5);
    }, 30_000);

    it('edits in place, keeping a refused value with the reason', async () => {
      await rowOf('PX-001').click();
      await rowOf('PX-001').getByRole('gridcell').nth(3).click();
      const title = grid().getByRole('textbox', { name: 'Title of PX-001' });
      await title.fill('Partnership Agreement (executed)');
      await title.press('Enter');
      await rowOf('PX-001').getByText('Partnership Agreement (executed)').waitFor();

      await grid().press('F2');
      await grid().getByRole('textbox', { name: 'Title of PX-001' }).press('Tab');
      await grid().getByRole('textbox', { name: 'Description of PX-001' }).press('Tab');
      const number = grid().getByRole('textbox', { name: 'Exhibit number of PX-001' });
      await number.fill('PX-002');
      await number.press('Enter');
      await grid().getByRole('alert').filter({ hasText: 'PX-002 is already used' }).waitFor();
      expect(await number.inputValue()).toBe('PX-002');
      await number.press('Escape');
      await rowOf('PX-001').waitFor();

      const history = page.getByRole('complementary', { name: 'Details' }).getByRole('listitem').filter({ hasText: 'Title:' });
      await history.filter({ hasText: 'Title: Partnership Agreement → Partnership Agreement (executed)' }).waitFor();
      expect(await history.count()).toBe(1);
    }, 30_000);

    it('lists the shortcuts on "?" and switches to the dark theme', async () => {
      await grid().focus();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      await snap('dark-theme');
    });

    it('never left 127.0.0.1', () => {
      expect(requests.urls.length).toBeGreaterThan(10);
      expect(requests.offHost()).toEqual([]);
    });
  });

  it(`shows the first rows of a case of ${LARGE_CASE.toLocaleString('en-US')} exhibits`, async () => {
    const api = await largeCase;
    const server = await serve({ api, rendererDir });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const requests = recordRequests(context);
    try {
      const page = await context.newPage();
      // The page notes when the first row enters the grid and when the frame after it is painted, on its own clock.
      await page.addInitScript({ content: FIRST_ROW_PROBE });
      const started = Date.now();
      await page.goto(server.url);
      await page.getByRole('treegrid', { name: 'Exhibits' }).getByRole('row').nth(1).waitFor();
      const seen = Date.now() - started;
      const painted = await page.evaluate('window.__firstRowPainted');
      await page.getByText(`${LARGE_CASE.toLocaleString('en-US')} exhibits`, { exact: true }).first().waitFor({ timeout: 30_000 });
      const all = Date.now() - started;
      console.log(
        `Time to first rows, ${LARGE_CASE.toLocaleString('en-US')} exhibits in browser mode: painted ${Math.round(Number(painted))} ms after ` +
          `navigation start (seen by the test ${seen} ms after page.goto); all rows loaded after ${all} ms.`,
      );
      await page.getByRole('treegrid', { name: 'Exhibits' }).press('End');
      await page.getByRole('treegrid', { name: 'Exhibits' }).getByText(`PX-${LARGE_CASE}`, { exact: true }).waitFor();

      // Every note says "Data Exchange System" (its body, and its title in the metadata): more matches than a search
      // returns, and than it ranks.
      await page.getByRole('combobox', { name: 'Search exhibits' }).fill('exchange');
      const summary = page.getByText(/^First 200 of [\d,]+ matches for “exchange”/);
      await summary.waitFor();
      const counted = Number((await summary.textContent())!.match(/of ([\d,]+) matches/)![1]!.replaceAll(',', ''));
      expect(counted).toBeGreaterThanOrEqual(LARGE_CASE);
      expect(requests.offHost()).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  }, 150_000);

  it(`keeps the grid virtualized and sortable at ${HUGE_CASE.toLocaleString('en-US')} exhibits`, async () => {
    const server = await serve({ api: syntheticCase(HUGE_CASE), rendererDir });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const requests = recordRequests(context);
    try {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(server.url);
      const grid = page.getByRole('treegrid', { name: 'Exhibits' });
      await page.getByRole('tab', { name: new RegExp(`${HUGE_CASE.toLocaleString('en-US')}$`) }).waitFor({ timeout: 60_000 });
      await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe(String(HUGE_CASE + 1));
      const loaded = Date.now() - started;
      expect(await grid.getByRole('row').count()).toBeLessThan(100);

      await grid.getByRole('row').nth(1).click();
      let t = Date.now();
      await grid.press('End');
      await grid.getByText(`PX-${String(HUGE_CASE).padStart(6, '0')}`, { exact: true }).waitFor();
      const toEnd = Date.now() - t;

      t = Date.now();
      await grid.getByRole('columnheader', { name: 'Title' }).getByRole('button').click();
      await expect.poll(() => grid.getByRole('columnheader', { name: 'Title' }).getAttribute('aria-sort')).toBe('ascending');
      await grid.press('Home');
      await expect.poll(() => grid.getByRole('row').nth(1).textContent()).toMatch(/^PX-\d{6}.*Board minutes \d+/);
      const sorted = Date.now() - t;
      expect(await grid.getByRole('row').count()).toBeLessThan(100);
      console.log(
        `${HUGE_CASE.toLocaleString('en-US')} exhibits: all loaded in ${loaded} ms, End in ${toEnd} ms, sorted by title in ${sorted} ms, ` +
          `${await grid.getByRole('row').count()} rows in the DOM.`,
      );
      expect(requests.offHost()).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  }, 120_000);
});
