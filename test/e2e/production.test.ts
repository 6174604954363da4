// Issue 20 in Chromium against browser mode at 1280×720: an exhibit marked withheld in the details panel, then a
// production volume made through the Export dialog: DATA load files, TIFF images, and the privilege log beside them;
// then that volume imported into a new case through the Import dialog, with a field of its load file read otherwise,
// each document keeping its Bates range.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import type { CaseApi } from '../../electron/core/api.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { exportCase, type ExportCase } from '../fixtures/export-case.ts';
import { describeViolations, seriousViolations } from './axe.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the production end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
const shots = process.env.EXHIBIT_DESK_SHOTS ?? null;
const SCREENSHOTS = path.resolve('docs/screenshots');

const DESCRIPTION = 'Photo sent to counsel for advice on the installation';

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe.skipIf(!chromiumPresent)('a production made in browser mode', () => {
  let root: string;
  let c: ExportCase;
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let page: Page;
  let requests: ReturnType<typeof recordRequests>;
  /** The volume's folder, written by the export test and read by the import test. */
  let volumeDir: string | null = null;
  /** The case the volume is imported into, served apart. */
  let receiving: { dir: string; api: CaseApi } | null = null;
  let receivingServer: RunningServer | null = null;
  let rendererDir: string;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-production-e2e-');
    [c, rendererDir, browser] = await Promise.all([exportCase(), buildRenderer(path.join(root, 'renderer')), launchChromium()]);
    server = await serve({ api: c.api, rendererDir, onInternalError: (e) => console.error(e) });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await receivingServer?.close();
    c?.api.close();
    receiving?.api.close();
    if (receiving) fs.rmSync(path.dirname(receiving.dir), { recursive: true, force: true });
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const grid = () => page.getByRole('treegrid', { name: 'Exhibits' });
  const details = () => page.getByRole('complementary', { name: 'Details' });
  const dialog = () => page.getByRole('dialog', { name: /^Export/ });
  const snap = async (name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };

  it('marks an exhibit withheld in the details panel, with its privilege type and description', async () => {
    await page.goto(server.url);
    await grid().getByText('PX-003', { exact: true }).click();
    await details().getByRole('heading', { name: 'PX-003' }).waitFor();
    await details().getByRole('checkbox', { name: 'Withhold from productions' }).check();
    const form = details().getByRole('form', { name: 'Withhold from productions' });
    await form.getByLabel('Privilege type').selectOption('work_product');
    // No description, no withholding: the privilege log needs one.
    await form.getByRole('button', { name: 'Withhold' }).click();
    await details().getByRole('alert').getByText('Describe what is withheld, for the privilege log.').waitFor();
    await form.getByLabel('Description for the privilege log').fill(DESCRIPTION);
    await form.getByRole('button', { name: 'Withhold' }).click();
    await details().getByText(`Withheld (Attorney work product):`).waitFor();
    await snap('production-withheld');
    expect(await details().getByRole('status').filter({ hasText: 'Withheld' }).textContent()).toContain(DESCRIPTION);
    expect((await c.api.getExhibit({ exhibit: 'PX-003' })).withheld).toEqual({ type: 'work_product', description: DESCRIPTION });
    expect((await c.api.getExhibit({ exhibit: 'PX-002' })).withheld).toBeNull();
  }, 60_000);

  it('exports a production volume with Bates prefix ABC: load files, TIFFs and the privilege log', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    await dialog().getByRole('radio', { name: 'Production' }).check({ force: true });
    // The bundle's settings are not a production's.
    expect(await dialog().getByLabel('Court').count()).toBe(0);
    expect(await dialog().getByLabel('First number').count()).toBe(0);
    expect(await dialog().getByText('Cover page text (optional)').count()).toBe(0);
    const preview = dialog().getByRole('region', { name: 'Preview' });
    await preview.getByText('Give the Bates prefix of the production.').waitFor();
    await dialog().getByLabel('Bates prefix').fill('ABC');
    await dialog().getByLabel('Folder to export to').fill(c.out);
    await preview.getByRole('img', { name: 'Preview page 1' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => preview.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await snap('production-settings');

    await dialog().getByRole('button', { name: 'Export', exact: true }).click();
    const finished = page.getByRole('dialog', { name: 'Export finished' });
    await finished.getByRole('list', { name: 'Files written' }).waitFor({ timeout: 60_000 });
    await snap('production-finished');

    // The export's folder holds the volume's folder (named after the volume), which holds DATA, IMAGES and the log.
    const dat = filesUnder(c.out).filter((f) => /(^|[\\/])DATA[\\/][^\\/]+\.dat$/.test(f));
    expect(dat).toHaveLength(1);
    const dir = path.join(c.out, path.dirname(path.dirname(dat[0]!)));
    expect(path.basename(dir)).toMatch(/^ABC/);
    const files = filesUnder(dir);
    expect(files.filter((f) => /^IMAGES[\\/].+\.tif$/.test(f)).length).toBeGreaterThan(5);
    expect(files).toContain('Privilege log.csv');
    const log = fs.readFileSync(path.join(dir, 'Privilege log.csv'), 'utf8');
    expect(log).toMatch(/ABC\d{7}/);
    expect(log).toContain('Attorney work product');
    expect(log).toContain(DESCRIPTION);
    volumeDir = dir;
    await finished.getByRole('button', { name: 'Close' }).last().click();
    expect(requests.offHost()).toEqual([]);
  }, 90_000);

  it('imports the volume into a new case as a production, each document with its Bates range', async () => {
    expect(volumeDir).not.toBeNull();
    receiving = newCase('Received productions');
    receivingServer = await serve({ api: receiving.api, rendererDir, onInternalError: (e) => console.error(e) });
    await page.goto(receivingServer.url);
    await page.getByRole('button', { name: 'Import…' }).first().click();
    const importing = page.getByRole('dialog', { name: /^Import/ });
    await importing.getByLabel('Paths on this computer').fill(volumeDir!);
    await importing.getByRole('button', { name: 'Import as a production volume…' }).click();
    const contents = importing.getByRole('definition').first();
    await contents.waitFor({ timeout: 30_000 });
    const expected = await receiving.api.inspectProduction({ path: volumeDir! });
    expect(expected.documents).toBeGreaterThan(0);
    expect(await importing.getByLabel('Volume contents').textContent()).toContain(`Documents${expected.documents}`);
    // The field map is the load file's fields, each read as one of ours or kept as a custom field, and can be changed:
    // TITLE kept as a custom field (titles then come from the subject or the file name), the volume read again.
    const fieldMap = importing.getByRole('region', { name: 'Field map' });
    expect(await fieldMap.getByLabel('Read BEGBATES as').inputValue()).toBe('begBates');
    expect(await fieldMap.getByLabel('Read TITLE as').inputValue()).toBe('title');
    expect(await fieldMap.getByLabel('Read SHA256 as').inputValue()).toBe('');
    await fieldMap.getByLabel('Read TITLE as').selectOption({ label: 'Keep as a custom field' });
    await expect.poll(() => fieldMap.getAttribute('aria-busy')).toBe('false');
    expect(await fieldMap.getByLabel('Read TITLE as').inputValue()).toBe('');
    await importing.getByLabel('Producing party (optional)').fill('BES');
    await fieldMap.getByLabel('Read TITLE as').scrollIntoViewIfNeeded();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'production-field-map.png') });
    const violations = await seriousViolations(page, 'dialog[open]');
    expect(violations, describeViolations(violations)).toEqual([]);
    await importing.getByRole('button', { name: 'Import production' }).click();

    const finished = page.getByRole('dialog', { name: 'Import finished' });
    // OCR then reads the pages whose text files say almost nothing; it is not what this test is about, and is stopped.
    const stopReading = page.getByRole('button', { name: 'Stop reading' });
    await stopReading.or(finished).first().waitFor({ timeout: 60_000 });
    if (await stopReading.isVisible()) await stopReading.click();
    await finished.waitFor({ timeout: 60_000 });
    const exhibits = await receiving.api.listExhibits({});
    expect(exhibits.length).toBeGreaterThanOrEqual(expected.documents);
    const first = await receiving.api.getExhibit({ exhibit: exhibits[0]!.exhibitNo });
    expect(first.production?.begBates).toMatch(/^ABC\d{7}$/);
    expect(first.production?.producingParty).toBe('BES');
    // The map as changed was the one imported, and is the case's for its next volume.
    const fields = first.production!.fields;
    expect(first.exhibit.title).toBe(fields.SUBJECT || fields.FILENAME);
    expect(fields.TITLE).not.toBe('');
    expect((await receiving.api.inspectProduction({ path: volumeDir! })).fieldMap.title).toBeUndefined();
    await finished.getByRole('button', { name: 'Done' }).click();
    await grid().getByText(first.exhibit.exhibitNo, { exact: true }).click();
    await details().getByText(/Received in production: ABC\d{7}–ABC\d{7}, volume .+, produced by BES/).first().waitFor();
    await snap('production-received');
    expect(requests.offHost()).toEqual([]);
  }, 90_000);
});
