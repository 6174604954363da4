// Issue 23's app side in Chromium, on the sample case at 1280×720: a deposition number added to PX-003 in the details
// panel (and shown in the grid), PX-003 marked admitted with one action, and the AO 187 trial exhibit list exported
// from the Export dialog, its first page rendered and saved for a look; axe on what changed; nothing leaves 127.0.0.1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { sampleCaseCopy } from '../fixtures/sample-case.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { tempDir } from '../fixtures/case.ts';
import { describeViolations, seriousViolations } from './axe.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the trial end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
// EXHIBIT_DESK_SHOTS=docs/screenshots keeps the details panel and the list's first page there (designations.png, trial-list.png).
const shots = process.env.EXHIBIT_DESK_SHOTS ?? null;

describe.skipIf(!chromiumPresent)('numbers and trial in browser mode', () => {
  let root: string;
  let api: CaseApi;
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let page: Page;
  let requests: ReturnType<typeof recordRequests>;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-trial-e2e-');
    const dir = path.join(root, 'case');
    let rendererDir: string;
    [, rendererDir, browser] = await Promise.all([sampleCaseCopy(dir), buildRenderer(path.join(root, 'renderer')), launchChromium()]);
    api = createCaseApi({ dir });
    server = await serve({ api, rendererDir, onInternalError: (e) => console.error(e) });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url);
    await row('PX-003').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    api?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const grid = () => page.getByRole('treegrid', { name: 'Exhibits' });
  const row = (no: string) => grid().getByRole('row').filter({ has: page.getByText(no, { exact: true }) });
  const details = () => page.getByRole('complementary', { name: 'Details' });

  it('adds a deposition number in the details panel; the grid shows it and its filter finds it', async () => {
    await row('PX-003').click();
    const numbers = details().getByRole('region', { name: 'Numbers' });
    await numbers.getByRole('button', { name: 'Add a number…' }).click();
    const form = numbers.getByRole('form', { name: 'Add a number' });
    await form.getByLabel('Kind').selectOption('deposition');
    await form.getByLabel('Number').fill('Smith Dep. Ex. 4');
    await form.getByLabel('Witness').fill('John Smith');
    await form.getByLabel('Deposition date').fill('2024-03-05');
    await form.getByRole('button', { name: 'Add number' }).click();
    await numbers.getByRole('list', { name: 'Numbers' }).getByText('Smith Dep. Ex. 4').waitFor();
    expect(await numbers.getByRole('list', { name: 'Numbers' }).textContent()).toMatch(/Deposition of John Smith, 2024-03-05/);
    await row('PX-003').getByText('Smith Dep. Ex. 4').waitFor();

    const stored = await api.getExhibit({ exhibit: 'PX-003' });
    expect(stored.designations.map((d) => [d.kind, d.cite, d.witness])).toEqual([['deposition', 'Smith Dep. Ex. 4', 'John Smith']]);

    // The grid's number filter: "Smith Dep" leaves PX-003 alone; cleared, every exhibit is back.
    const filter = page.getByRole('search', { name: 'Filter exhibits' }).getByLabel('Has the number');
    await filter.fill('Smith Dep');
    await expect.poll(() => grid().getByRole('row').count()).toBe(2);
    await row('PX-003').waitFor();
    await filter.fill('');
    await row('PX-001').waitFor();
  }, 45_000);

  it('marks PX-003 admitted with one action; the mark is dated, audited and listed', async () => {
    // On its Kind cell, which is not edited in place (a click on a selected row's title would edit the title).
    await row('PX-003').getByRole('gridcell').filter({ hasText: /^PDF/ }).click();
    const trial = details().getByRole('region', { name: 'Trial' });
    await trial.getByLabel('Date').fill('2026-03-02');
    await trial.getByLabel('Witness (optional)').fill('John Smith');
    // Keyboard reachable: focus the button (enabled once the exhibit's details are read) and press Enter.
    const admitted = trial.getByRole('group', { name: 'Mark at trial' }).getByRole('button', { name: 'Admitted' });
    await expect.poll(() => admitted.isEnabled()).toBe(true);
    await admitted.focus();
    await expect.poll(() => admitted.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await trial.getByRole('list', { name: 'At trial' }).getByText('Admitted').waitFor();
    await trial.getByText('Trial number').waitFor();

    const stored = await api.getExhibit({ exhibit: 'PX-003' });
    expect(stored.trialMarks.map((m) => [m.event, m.date, m.witness])).toEqual([['admitted', '2026-03-02', 'John Smith']]);
    expect(stored.designations.find((d) => d.kind === 'trial')?.label).toBe('PX-003');
    expect(stored.history.map((h) => h.action)).toContain('trial.admitted');

    await details().getByRole('region', { name: 'Numbers' }).scrollIntoViewIfNeeded();
    if (shots) await details().screenshot({ path: path.join(shots, 'designations.png') });
    const violations = await seriousViolations(page, 'aside.details');
    expect(violations, describeViolations(violations)).toEqual([]);
  }, 45_000);

  it('exports the trial exhibit list (AO 187) from the Export dialog, and the list shows the admission', async () => {
    const out = path.join(root, 'out');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'Trial exhibit list (AO 187)' }).check({ force: true });
    await dialog.getByLabel('Presiding judge').fill('Hon. Jane Doe');
    await dialog.getByLabel('Case number').fill('8:21-cv-01432');
    await dialog.getByLabel('Folder to export to').fill(out);
    const violations = await seriousViolations(page, '.export-dialog');
    expect(violations, describeViolations(violations)).toEqual([]);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const files = page.getByRole('list', { name: 'Files written' });
    await files.waitFor({ timeout: 30_000 });
    const name = (await files.getByRole('listitem').first().locator('.name').textContent())!;
    expect(name).toMatch(/Exhibit and witness list \(AO 187\)\.pdf$/);
    const folder = fs.readdirSync(out).find((f) => f.startsWith('trial-list'))!;
    const pdf = path.join(out, folder, name);

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Pltf\. No\.\s+Def\. No\.\s+Date Offered\s+Marked\s+Admitted\s+Description of Exhibits and Witnesses/);
    expect(text).toMatch(/PX-003\s+2026-03-02\s+.*\n[\s\S]*Witness: John Smith/);
    expect(text).toMatch(/JX 1\s+JX 1/);
    expect(text).toMatch(/Presiding Judge: Hon\. Jane Doe/);
    // The first page as the clerk will see it, rendered to be looked at.
    const png = path.join(root, 'trial-list');
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(5000);
    if (shots) fs.copyFileSync(`${png}.png`, path.join(shots, 'trial-list.png'));
    await page.getByRole('dialog', { name: 'Export finished' }).getByText('Close', { exact: true }).click();
    expect(requests.offHost()).toEqual([]);
  }, 60_000);
});
