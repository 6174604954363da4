// Issue 19 in Chromium at 1280×720: a box drawn with the mouse in redact mode, bound to the exhibit it was drawn on
// even when another exhibit is opened while its reason is asked; Find and redact (FRCP 5.2) reviewed and accepted,
// a cancelled search leaving nothing pending; then a stamped export through the Export dialog, read with pdftotext:
// neither the SSN's first digits nor the words under the box are in it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import type { Exhibit } from '../../shared/model.ts';
import { fixedClock, tempDir } from '../fixtures/case.ts';
import { pagesText } from '../fixtures/export-reading.ts';
import { makePdf } from '../fixtures/pdfs.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the redaction end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
const shots = process.env.EXHIBIT_DESK_SHOTS ?? null;

const BOXED = 'PRIVATE NOTE: remove this line';
const SELECTED = 'Select me for redaction';
const KEPT = 'Other text stays visible.';

describe.skipIf(!chromiumPresent)('redaction in the app', () => {
  let root: string;
  let api: CaseApi;
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let page: Page;
  let requests: ReturnType<typeof recordRequests>;
  let first: Exhibit;
  let second: Exhibit;
  let out: string;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-redaction-e2e-');
    out = path.join(root, 'out');
    const sources = path.join(root, 'sources');
    fs.mkdirSync(sources, { recursive: true });
    // Blank lines apart, so that a box around one line cannot touch the next.
    const statement = await makePdf({ title: 'Account statement', pages: [`SSN 123-45-6789\n\n${BOXED}\n\n${SELECTED}\n\n${KEPT}`] });
    const letter = await makePdf({ title: 'Cover letter', pages: ['Please find the statement enclosed.'] });
    fs.writeFileSync(path.join(sources, 'a-statement.pdf'), statement);
    fs.writeFileSync(path.join(sources, 'b-letter.pdf'), letter);
    api = createCaseApi({ dir: path.join(root, 'case'), create: { title: 'Roe v. Bank' }, now: fixedClock() });
    let rendererDir: string;
    [, rendererDir, browser] = await Promise.all([
      api.importFiles({ paths: [path.join(sources, 'a-statement.pdf'), path.join(sources, 'b-letter.pdf')] }),
      buildRenderer(path.join(root, 'renderer')),
      launchChromium(),
    ]);
    const exhibits = await api.listExhibits({});
    first = exhibits.find((e) => e.title === 'Account statement')!;
    second = exhibits.find((e) => e.title === 'Cover letter')!;
    server = await serve({ api, rendererDir, onInternalError: (e) => console.error(e) });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    api?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const snap = async (name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };
  const details = () => page.getByRole('complementary', { name: 'Details' });
  const redactionList = () => details().getByRole('list', { name: `Redactions of ${first.exhibitNo}` });
  const status = () => page.getByRole('status').filter({ hasText: /./ }).last();
  const rowOf = (e: Exhibit) => page.getByRole('treegrid', { name: 'Exhibits' }).getByRole('row').filter({ has: page.getByText(e.exhibitNo, { exact: true }) });
  const open = async (e: Exhibit) => {
    await page.getByRole('tab', { name: /^Exhibits/ }).click();
    await rowOf(e).getByRole('gridcell').nth(4).dblclick();
  };
  // By CSS rather than by role: they are looked at behind a modal dialog, where the page is inert.
  const viewerShows = (e: Exhibit) => page.locator('.viewer-head .viewer-number', { hasText: e.exhibitNo }).waitFor();
  const detailsShow = (e: Exhibit) => page.locator('.details-head h2', { hasText: e.exhibitNo }).waitFor();

  it('draws a box in redact mode and stores it on the exhibit it was drawn on, whatever is opened meanwhile', async () => {
    await page.goto(server.url);
    await open(first);
    const line = page.locator('.textLayer span', { hasText: BOXED });
    await line.waitFor();

    await page.getByRole('region', { name: 'Document viewer' }).getByLabel('Page 1 of 1').focus();
    await page.keyboard.press('r');
    expect(await page.getByRole('button', { name: 'Redact', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('toolbar', { name: 'Redaction tools' }).waitFor();
    await snap('redaction-mode');

    const box = (await line.boundingBox())!;
    await page.mouse.move(box.x - 5, box.y - 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width + 5, box.y + box.height + 2, { steps: 4 });
    await page.mouse.up();

    const dialog = page.getByRole('dialog', { name: 'Redact' });
    await dialog.waitFor();
    expect(await dialog.getByRole('figure').textContent()).toContain(`${first.exhibitNo}, page 1`);
    await snap('redaction-reason-dialog');

    // The selection moves to another exhibit, which is then opened, while the reason is asked (events sent by script, as
    // the modal dialog keeps the mouse from the page): the dialog stays with the exhibit the box was drawn on.
    await page.locator('#tab-exhibits').dispatchEvent('click');
    await page.locator(`#exhibit-row-${second.id}`).dispatchEvent('mousedown');
    await page.locator(`#exhibit-row-${second.id}`).dispatchEvent('click');
    await detailsShow(second);
    await page.locator(`#exhibit-row-${second.id}`).dispatchEvent('dblclick');
    await viewerShows(second);
    expect(await dialog.getByRole('figure').textContent()).toContain(`${first.exhibitNo}, page 1`);

    await dialog.getByLabel('Reason', { exact: true }).selectOption({ label: 'Other reason…' });
    await dialog.getByLabel('Other reason').fill('Personal note');
    await dialog.getByLabel('Label in the box (optional)').fill('NOTE');
    await dialog.getByRole('button', { name: 'Redact', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => status().textContent()).toBe(`Redacted part of page 1 of ${first.exhibitNo} (Personal note).`);

    expect(await api.listRedactions({ exhibit: second.exhibitNo })).toEqual([]);
    const [drawn, ...more] = await api.listRedactions({ exhibit: first.exhibitNo });
    expect(more).toEqual([]);
    expect(drawn).toMatchObject({ exhibitId: first.id, page: 1, status: 'accepted', reason: 'Personal note', label: 'NOTE', origin: 'box' });
    // The line's top is 104 pt below the page's top, less its ascent, on a page 792 pt tall: about 0.12–0.13.
    const [rect] = drawn!.rects;
    expect(rect!.x).toBeGreaterThan(0.09);
    expect(rect!.x).toBeLessThan(0.12);
    expect(rect!.y).toBeGreaterThan(0.1);
    expect(rect!.y + rect!.height).toBeLessThan(0.15);
  }, 40_000);

  it('lists the box under the exhibit and shows it over the page', async () => {
    await open(first);
    await viewerShows(first);
    await redactionList().getByRole('listitem').filter({ hasText: 'Personal note' }).filter({ hasText: 'Accepted' }).waitFor();
    await page.getByRole('img', { name: 'Redaction: Personal note (“NOTE”)' }).waitFor();
  });

  it('redacts selected text, offering the last reason given', async () => {
    await page.getByRole('region', { name: 'Document viewer' }).getByLabel('Page 1 of 1').focus();
    await page.keyboard.press('r');
    await page.getByRole('toolbar', { name: 'Redaction tools' }).getByRole('radio', { name: 'Select text' }).check({ force: true });
    const redactSelection = page.getByRole('button', { name: 'Redact selection' });
    expect(await redactSelection.isDisabled()).toBe(true);
    await page.locator('.textLayer span', { hasText: SELECTED }).selectText();
    await redactSelection.click();
    const dialog = page.getByRole('dialog', { name: 'Redact' });
    expect(await dialog.getByRole('figure').textContent()).toContain(SELECTED);
    expect(await dialog.getByLabel('Other reason').inputValue()).toBe('Personal note');
    await dialog.getByLabel('Reason', { exact: true }).selectOption('Third-party PII');
    await dialog.getByRole('button', { name: 'Redact', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const selected = (await api.listRedactions({ exhibit: first.exhibitNo })).find((r) => r.origin === 'text');
    expect(selected).toMatchObject({ text: SELECTED, reason: 'Third-party PII', status: 'accepted' });
    // The fifth line's top is 136 pt (0.17 of the page) below the page's top, less its ascent.
    expect(selected!.rects[0]!.y).toBeGreaterThan(0.15);
    expect(selected!.rects[0]!.y + selected!.rects[0]!.height).toBeLessThan(0.185);
    await page.getByRole('region', { name: 'Document viewer' }).getByLabel('Page 1 of 1').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('toolbar', { name: 'Redaction tools' }).count()).toBe(0);
  });

  it('finds an SSN with the FRCP 5.2 preset, reviews the hit and redacts it', async () => {
    await page.getByRole('region', { name: 'Document viewer' }).getByLabel('Page 1 of 1').focus();
    await page.keyboard.press('Shift+R');
    const dialog = page.getByRole('dialog', { name: 'Find and redact' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('What to find').inputValue()).toBe('frcp52');
    expect(await dialog.getByRole('radio', { name: 'Selected exhibits (1)' }).isChecked()).toBe(true);
    await dialog.getByLabel('Reason', { exact: true }).selectOption('FRCP 5.2');
    await dialog.getByRole('button', { name: 'Find', exact: true }).click();

    const hits = dialog.getByRole('list', { name: 'Hits' });
    const hit = hits.getByRole('checkbox', { name: new RegExp(`^${first.exhibitNo}, p\\. 1 .*123-45`) });
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.isChecked()).toBe(true);
    await snap('redaction-find-review');
    await dialog.getByRole('button', { name: /^Redact checked \(\d+\)$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await redactionList().getByRole('listitem').filter({ hasText: '123-45' }).filter({ hasText: 'Accepted' }).waitFor();
    expect(await api.listRedactions({ status: 'proposed' })).toEqual([]);
    await snap('redaction-viewer-list');
  }, 30_000);

  it('rejects what it proposed when the dialog is cancelled, leaving nothing pending', async () => {
    await details().getByRole('button', { name: 'Find and redact…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find and redact' });
    await dialog.getByRole('radio', { name: 'Words' }).check({ force: true });
    await dialog.getByLabel('Words to find').fill('stays visible');
    await dialog.getByRole('button', { name: 'Find', exact: true }).click();
    await dialog.getByRole('list', { name: 'Hits' }).getByRole('checkbox').first().waitFor({ timeout: 15_000 });
    expect((await api.listRedactions({ status: 'proposed' })).length).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => api.listRedactions({ status: 'proposed' })).toEqual([]);
    expect((await api.listRedactions({ exhibit: first.exhibitNo })).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
  }, 30_000);

  it('exports a stamped PDF with the redactions applied: pdftotext finds neither the SSN digits nor the boxed words', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Export/ });
    await dialog.getByRole('radio', { name: 'Stamped exhibits' }).check({ force: true });
    expect(await dialog.getByRole('checkbox', { name: 'Apply redactions' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Apply redactions' }).uncheck();
    await dialog.getByText('this export will show the content they cover').waitFor();
    await snap('redaction-export-unapplied');
    await dialog.getByRole('checkbox', { name: 'Apply redactions' }).check();
    // The bundle takes a caption for its cover; stamped exhibits have no cover.
    await dialog.getByRole('radio', { name: 'Bundle' }).check({ force: true });
    await dialog.getByText(/^Caption on the cover/).click();
    await dialog.getByLabel('Caption: Court').fill('United States District Court, Central District of California');
    await snap('redaction-export-caption');
    await dialog.getByRole('radio', { name: 'Stamped exhibits' }).check({ force: true });
    expect(await dialog.getByLabel('Caption: Court').count()).toBe(0);
    await dialog.getByLabel('Exhibits', { exact: true }).selectOption('numbers');
    await dialog.getByLabel('Numbers').fill(first.exhibitNo);
    await dialog.getByLabel('Folder to export to').fill(out);
    if (shots) {
      await dialog.getByRole('region', { name: 'Preview' }).getByRole('img', { name: 'Preview page 1' }).waitFor({ timeout: 20_000 });
      await snap('redaction-export-dialog');
    }
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export finished' }).getByRole('list', { name: 'Files written' }).waitFor({ timeout: 30_000 });

    const pdfs = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf'));
    const exhibitPdfs = pdfs.filter((f) => path.basename(f).startsWith(first.exhibitNo));
    expect(exhibitPdfs).toHaveLength(1);
    const text = pagesText(path.join(out, exhibitPdfs[0]!)).join('\n');
    expect(text).toContain(KEPT);
    expect(text).not.toContain('123-45');
    expect(text).not.toContain('PRIVATE');
    expect(text).not.toContain('remove this line');
    expect(text).not.toContain(SELECTED);
    // The redaction log beside it says what was removed and why, without showing it.
    const log = pdfs.find((f) => path.basename(f).startsWith('Redaction log'));
    expect(log).toBeDefined();
    const logText = pagesText(path.join(out, log!)).join('\n');
    expect(logText).toContain('Personal note');
    expect(logText).not.toContain('123-45');
    await page.getByRole('dialog', { name: 'Export finished' }).getByRole('button', { name: 'Close' }).last().click();
  }, 40_000);

  it('never left 127.0.0.1', () => {
    expect(requests.offHost()).toEqual([]);
  });
});
