// Issue 22's app side in Chromium, on the sample case at 1280×720: the Chronology tab filters to key facts, opens a
// fact's source in the viewer, adds a fact, and exports the chronology as CSV listing it; nothing leaves 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { buildSampleCase } from '../../electron/core/sample/build-sample-case.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { tempDir } from '../fixtures/case.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the chronology end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
const shots = process.env.EXHIBIT_DESK_SHOTS ?? null;

describe.skipIf(!chromiumPresent)('the chronology in browser mode', () => {
  let root: string;
  let api: CaseApi;
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let page: Page;
  let requests: ReturnType<typeof recordRequests>;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-chronology-e2e-');
    const dir = path.join(root, 'case');
    let rendererDir: string;
    [, rendererDir, browser] = await Promise.all([buildSampleCase(dir), buildRenderer(path.join(root, 'renderer')), launchChromium()]);
    api = createCaseApi({ dir });
    server = await serve({ api, rendererDir, onInternalError: (e) => console.error(e) });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url);
    await page.getByRole('treegrid', { name: 'Exhibits' }).getByText('PX-013', { exact: true }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    api?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const facts = () => page.getByRole('feed', { name: 'Facts' });
  const snap = async (name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };

  it('opens on C with every fact in date order, and filters to the key facts', async () => {
    await page.keyboard.press('c');
    await expect.poll(() => facts().getByRole('article').count()).toBe(12);
    await expect.poll(() => page.getByRole('tab', { name: /^Chronology/ }).getAttribute('aria-selected')).toBe('true');
    await snap('chronology');
    await page.getByRole('search', { name: 'Filter facts' }).getByLabel('Key facts only').check();
    await expect.poll(() => facts().getByRole('article').count()).toBe(4);
    expect(await facts().getByText('KEY', { exact: true }).count()).toBe(4);
    await snap('chronology-key');
  }, 30_000);

  it('opens a fact’s source in the viewer, and Enter opens the first source from the keyboard', async () => {
    await facts().getByRole('button', { name: /^PX-005/ }).first().click();
    await page.getByRole('tab', { name: 'PX-005', selected: true }).waitFor();
    expect(await page.locator('#panel-document').isVisible()).toBe(true);

    await page.getByRole('tab', { name: /^Chronology/ }).click();
    await facts().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const second = (await api.listFacts({ key: true }))[1]!;
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: second.sources[0]!.exhibitNo, selected: true }).waitFor();
  }, 30_000);

  it('adds a fact with New fact, and exports the chronology as CSV listing it', async () => {
    await page.keyboard.press('c');
    await page.getByRole('search', { name: 'Filter facts' }).getByLabel('Key facts only').uncheck();
    await page.getByRole('button', { name: 'New fact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New fact' });
    await dialog.getByLabel('Date').fill('2 April 2017');
    await dialog.getByLabel('Statement').fill('Huawei’s engineers copy the Data Exchange System to Suzhou.');
    await dialog.getByLabel('Status').selectOption('disputed_by_them');
    await dialog.getByRole('button', { name: 'Add fact' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const added = facts().getByRole('article', { name: /Data Exchange System to Suzhou/ });
    await added.waitFor();
    expect(await added.textContent()).toMatch(/No source/);
    expect(await facts().getByRole('article').count()).toBe(13);

    // Edited in place: the date moves it, and the edit lands only on this fact.
    await added.getByRole('button', { name: /^Edit fact/ }).click();
    const editor = facts().getByRole('form', { name: 'Edit fact' });
    await editor.getByLabel('Date').fill('3 April 2017');
    await editor.getByRole('button', { name: 'Save fact' }).click();
    await facts().getByRole('article', { name: /^3 Apr.* 2017: Huawei’s engineers/ }).waitFor();
    const stored = (await api.listFacts({})).filter((f) => f.statement.startsWith('Huawei’s engineers copy'));
    expect(stored.map((f) => [f.date.text, f.status])).toEqual([['3 April 2017', 'disputed_by_them']]);

    const out = path.join(root, 'out');
    await page.getByRole('button', { name: 'Export chronology…' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export chronology' });
    await exporting.getByRole('radio', { name: 'CSV' }).check({ force: true });
    await exporting.getByLabel('Folder to export to').fill(out);
    await exporting.getByRole('button', { name: 'Export', exact: true }).click();
    const files = exporting.getByRole('list', { name: 'Files written' });
    await files.waitFor({ timeout: 20_000 });
    await snap('chronology-exported');
    const csvName = (await files.getByRole('listitem').first().locator('.name').textContent())!;
    const folder = fs.readdirSync(out);
    expect(folder).toHaveLength(1);
    const csv = fs.readFileSync(path.join(out, folder[0]!, csvName), 'utf8');
    expect(csv).toMatch(/Huawei’s engineers copy the Data Exchange System to Suzhou\./);
    expect(csv.split('\n').length).toBeGreaterThanOrEqual(14);
    await exporting.getByRole('button', { name: 'Done' }).click();
    expect(requests.offHost()).toEqual([]);
  }, 45_000);
});
