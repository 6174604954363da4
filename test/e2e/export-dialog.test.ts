// The Export dialog in Chromium against browser mode: the preview follows the settings (Bates prefix, kind), the
// export writes its files with a progress bar, and the preflight of its PDFs is shown; nothing leaves 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { tempDir } from '../fixtures/case.ts';
import { exportCase, type ExportCase } from '../fixtures/export-case.ts';
import { pagesText } from '../fixtures/export-reading.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the Export dialog end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
const shots = process.env.EXHIBIT_DESK_SHOTS ?? null;

describe.skipIf(!chromiumPresent)('the Export dialog in browser mode', () => {
  let root: string;
  let c: ExportCase;
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let page: Page;
  let requests: ReturnType<typeof recordRequests>;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-export-e2e-');
    let rendererDir: string;
    [c, rendererDir, browser] = await Promise.all([exportCase(), buildRenderer(path.join(root, 'renderer')), launchChromium()]);
    server = await serve({ api: c.api, rendererDir, onInternalError: (e) => console.error(e) });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    c?.api.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const dialog = () => page.getByRole('dialog', { name: /^Export/ });
  const preview = () => dialog().getByRole('region', { name: 'Preview' });
  const snap = async (name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };

  it('previews the bundle’s first pages and follows the settings', async () => {
    await page.goto(server.url);
    await page.getByRole('treegrid', { name: 'Exhibits' }).getByText('PX-006', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Export…' }).click();
    await preview().getByRole('img', { name: 'Preview page 1' }).waitFor({ timeout: 30_000 });
    expect(await preview().getByRole('heading').textContent()).toMatch(/Exhibit bundle\.pdf$/);

    await dialog().getByLabel('Prefix').fill('BES');
    await dialog().getByLabel('Cover page text (optional)').fill('Plaintiff’s exhibits');
    // The preview is remade once the typing stops: busy at once, then the new pages (the cover first).
    expect(await preview().getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => preview().getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    expect(await preview().getByRole('img').count()).toBeGreaterThan(4);
    await snap('export-dialog');

    await dialog().getByRole('radio', { name: 'Stamped exhibits' }).check({ force: true });
    await expect.poll(() => preview().getByRole('heading').textContent(), { timeout: 30_000 }).toMatch(/PX-001 – 2016-02-01 – Award notice\.pdf$/);
  }, 90_000);

  it('says what is missing instead of previewing an impossible export', async () => {
    await dialog().getByLabel('Exhibits', { exact: true }).selectOption('numbers');
    await preview().getByText('Give exhibit numbers, as in 1, 3-7, PX-012.').waitFor();
    await dialog().getByLabel('Numbers').fill('1-2');
    await preview().getByRole('img', { name: 'Preview page 1' }).waitFor({ timeout: 30_000 });
  }, 60_000);

  it('exports for a court with progress, lists what it wrote and runs the preflight', async () => {
    await dialog().getByRole('radio', { name: 'Bundle' }).check({ force: true });
    await dialog().getByLabel('Exhibits', { exact: true }).selectOption('all');
    await dialog().getByLabel('Court').selectOption('cacd');
    expect(await dialog().getByText(/C\.D\. Cal\. L\.R\. 5-4\.3\.1/).count()).toBe(1);
    await dialog().getByLabel('Folder to export to').fill(c.out);
    await dialog().getByRole('button', { name: 'Export', exact: true }).click();

    const finished = page.getByRole('dialog', { name: 'Export finished' });
    const files = finished.getByRole('list', { name: 'Files written' });
    await files.waitFor({ timeout: 60_000 });
    const preflight = finished.getByRole('region', { name: 'Preflight' });
    await expect.poll(() => preflight.textContent(), { timeout: 60_000 }).toMatch(/passed|p\. \d+:|:/);
    await snap('export-finished');

    const written = fs.readdirSync(c.out);
    expect(written).toHaveLength(1);
    const pdfs = fs.readdirSync(path.join(c.out, written[0]!)).filter((f) => f.endsWith('.pdf'));
    expect(await files.getByRole('listitem').count()).toBe(pdfs.length);
    const text = pagesText(path.join(c.out, written[0]!, pdfs[0]!)).join('\n');
    expect(text).toMatch(/BES000001/);
    await finished.getByRole('button', { name: 'Close' }).last().click();
    expect(requests.offHost()).toEqual([]);
  }, 120_000);
});
