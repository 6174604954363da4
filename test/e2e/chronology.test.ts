// Issue 22's app side in Chromium, on the sample case at 1280×720: the Chronology tab filters to key facts, opens a
// fact's source in the viewer, draws the time band (zoom, pan, band and list selecting each other, an exhibit opened
// from its marker), adds a fact, links and unlinks its sources and paragraphs on a screen bound to it, exports the
// chronology as CSV listing it, and makes a fact from a passage highlighted in the viewer; nothing leaves 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { BAND_LAYOUT } from '../../renderer/features/chronology/band-geometry.ts';
import { tempDir } from '../fixtures/case.ts';
import { sampleCaseCopy } from '../fixtures/sample-case.ts';
import { describeViolations, seriousViolations } from './axe.ts';
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
    [, rendererDir, browser] = await Promise.all([sampleCaseCopy(dir), buildRenderer(path.join(root, 'renderer')), launchChromium()]);
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
  const filters = () => page.getByRole('search', { name: 'Filter facts' });
  const band = () => page.getByRole('region', { name: 'Timeline' }).getByRole('group', { name: /^Time band/ });
  const viewer = () => page.getByRole('region', { name: 'Document viewer' });
  /** The viewer's own "Page 2 of 2": the sample's pages print the same words in their footers. */
  const pageStatus = (text: RegExp) => viewer().getByRole('status').filter({ hasText: text });
  const snap = async (name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };
  const shownPeriod = async () => {
    const [start, end] = await Promise.all([band().getAttribute('data-start'), band().getAttribute('data-end')]);
    return { start: Date.parse(start!), end: Date.parse(end!), span: Date.parse(end!) - Date.parse(start!) };
  };
  /** Where the middle of a day is on the band, at a lane's height (the band's rows are in BAND_LAYOUT). */
  const onBand = async (day: string, y: number) => {
    const box = (await band().boundingBox())!;
    const { start, span } = await shownPeriod();
    const t = Date.parse(`${day}T12:00:00Z`);
    return { x: box.x + BAND_LAYOUT.gutter + ((t - start) / span) * (box.width - BAND_LAYOUT.gutter), y: box.y + y };
  };
  const selectInList = (name: RegExp) => facts().getByRole('article', { name }).locator('.fact-date').click();

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

  it('draws the facts and dated exhibits on the time band, which zooms, pans, and selects with the list both ways', async () => {
    await page.keyboard.press('c');
    // The key facts only, as the filter still says: all four are on the band, each counted once.
    await expect.poll(() => band().getAttribute('data-facts')).toBe('4');
    const panel = await seriousViolations(page, '#panel-chronology');
    expect(panel, describeViolations(panel)).toEqual([]);
    await snap('chronology-band');

    // The list's selection is marked on the band; a click on the band selects the fact in the list.
    await selectInList(/^18–20 Apr 2017/);
    await expect.poll(() => band().getAttribute('data-selected')).toMatch(/^\d+$/);
    const first = await onBand('2016-03-10', BAND_LAYOUT.factPointsY);
    await page.mouse.click(first.x, first.y);
    await expect.poll(() => facts().getByRole('article', { name: /^10 Mar 2016/ }).getAttribute('aria-current')).toBe('true');

    // + and − zoom about the selected fact, the arrows pan, 0 fits every fact again.
    const fitted = await shownPeriod();
    await band().focus();
    await page.keyboard.press('+');
    await expect.poll(async () => (await shownPeriod()).span).toBeCloseTo(fitted.span / 2, -6);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await shownPeriod()).start).toBeGreaterThan(fitted.start);
    await page.keyboard.press('-');
    await expect.poll(async () => (await shownPeriod()).span).toBeCloseTo(fitted.span, -6);
    // Ctrl+wheel zooms, and a drag to the left moves later times into view.
    const box = (await band().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + BAND_LAYOUT.factBarsY);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await shownPeriod()).span).toBeLessThan(fitted.span * 0.7);
    const beforeDrag = await shownPeriod();
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + BAND_LAYOUT.factBarsY, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await shownPeriod()).start).toBeGreaterThan(beforeDrag.start + beforeDrag.span * 0.1);
    await page.keyboard.press('0');
    await expect.poll(async () => (await shownPeriod()).span).toBeCloseTo(fitted.span, -6);

    // Chosen in the list, zoomed in to its days: 28 and 29 March stand apart, and PX-005's marker opens it.
    await selectInList(/^28 Mar 2017/);
    await band().focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('+');
    await expect.poll(async () => (await shownPeriod()).span).toBeLessThan(11 * 86_400_000);
    const reply = await onBand('2017-03-29', BAND_LAYOUT.factPointsY);
    await page.mouse.click(reply.x, reply.y);
    await expect.poll(() => facts().getByRole('article', { name: /^29 Mar 2017/ }).getAttribute('aria-current')).toBe('true');
    const px005 = await onBand('2017-03-28', BAND_LAYOUT.exhibitPointsY);
    await page.mouse.click(px005.x, px005.y);
    await page.getByRole('tab', { name: 'PX-005', selected: true }).waitFor();
  }, 45_000);

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
    // The feed draws only a screenful (and the band above it takes some): each article says the list's length.
    expect(await added.getAttribute('aria-setsize')).toBe('13');

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

  it('links and unlinks a fact’s sources and paragraphs on a screen that stays bound to it as the list changes', async () => {
    const others = (await api.listFacts({})).filter((f) => !f.statement.startsWith('Huawei’s engineers copy'));
    const seq = Math.max(...(await api.auditLog({ limit: 1 })).map((a) => a.seq));
    // Only the facts no exhibit shows: once it has a source the fact leaves this list, and another takes its place.
    await filters().getByLabel('No source').check();
    await expect.poll(() => facts().getByRole('article').count()).toBe(2);
    await facts().getByRole('article', { name: /Huawei’s engineers copy/ }).getByRole('button', { name: /^Link sources and paragraphs/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Sources and paragraphs' });
    await dialog.getByText('Fact of 3 Apr 2017').waitFor();
    const screen = await seriousViolations(page, 'dialog[open]');
    expect(screen, describeViolations(screen)).toEqual([]);

    const sources = dialog.getByRole('list', { name: 'Sources of this fact' });
    await dialog.getByLabel('Exhibit').fill('PX-008');
    await dialog.getByLabel('Pages (optional)').fill('2');
    await dialog.getByLabel('Passage quoted (optional)').fill('Remote access to the environment is through the gateway sz-des-gw-01');
    await dialog.getByRole('button', { name: 'Link source' }).click();
    await sources.getByText('PX-008 at 2', { exact: true }).waitFor();
    await dialog.getByLabel('Exhibit').fill('px-007');
    await dialog.getByRole('button', { name: 'Link source' }).click();
    await sources.getByText('PX-007', { exact: true }).waitFor();
    await expect.poll(() => facts().getByRole('article', { name: /Huawei’s engineers copy/ }).count()).toBe(0);
    // Another window adds an unsourced fact of an earlier day: it takes the place in the list this fact had.
    await api.addFact({ statement: 'Added in another window while the screen was open.', date: '1 April 2017' });

    await dialog.getByRole('combobox', { name: 'Paragraph' }).selectOption('36');
    await dialog.getByRole('button', { name: 'Link paragraph' }).click();
    await dialog.getByRole('list', { name: 'Paragraphs this fact bears on' }).getByText('¶ 36').waitFor();
    await dialog.getByRole('button', { name: 'Unlink PX-007' }).click();
    await expect.poll(() => sources.getByRole('listitem').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const after = await api.listFacts({});
    const made = after.find((f) => f.statement.startsWith('Huawei’s engineers copy'))!;
    expect(made.sources.map((s) => [s.cite, s.quote])).toEqual([['PX-008 at 2', 'Remote access to the environment is through the gateway sz-des-gw-01']]);
    expect(made.paragraphs).toEqual([36]);
    // Nothing landed on any other fact, and every change is in the audit log under this fact.
    expect(after.filter((f) => f.id !== made.id && !f.statement.startsWith('Added in another window'))).toEqual(others);
    const log = (await api.auditLog({ limit: 20 })).filter((a) => a.seq > seq && a.objectType === 'fact' && a.action !== 'fact.add');
    expect(log.map((a) => [a.action, a.objectId]).reverse()).toEqual([
      ['fact.link', String(made.id)],
      ['fact.link', String(made.id)],
      ['fact.link-paragraph', String(made.id)],
      ['fact.unlink', String(made.id)],
    ]);
    await filters().getByLabel('No source').uncheck();
    const row = facts().getByRole('article', { name: /Huawei’s engineers copy/ });
    await row.getByRole('button', { name: 'PX-008 at 2' }).waitFor();
    expect(await row.textContent()).toMatch(/¶ 36/);
  }, 45_000);

  it('makes a fact from a passage highlighted in the viewer, and finds it in the chronology with its pin cite', async () => {
    await page.keyboard.press('c');
    await facts().getByRole('button', { name: 'PX-008 at 2' }).first().click();
    await pageStatus(/^Page 2 of/).waitFor();
    await viewer().getByText('BES supported this installation under protest', { exact: false }).first().selectText();
    await viewer().getByRole('button', { name: 'Highlight selection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Highlight passage' });
    const quote = (await dialog.getByRole('blockquote').textContent())!;
    expect(quote).toMatch(/BES supported this installation under protest/);
    await dialog.getByLabel('Also make it a fact').check();
    await dialog.getByLabel('Fact date').fill('c. 20 April 2017');
    // The text box's name is its label and then the quote it starts with.
    await dialog.getByRole('textbox', { name: /^Fact(?! date)/ }).fill('BES records that it supported the Suzhou installation only under protest.');
    await dialog.getByRole('button', { name: /^Save/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: /Added the fact of c\. 20 Apr 2017 to the chronology\./ }).waitFor();
    await viewer().getByRole('button', { name: 'Previous page' }).click();
    await pageStatus(/^Page 1 of/).waitFor();

    await page.keyboard.press('c');
    const made = facts().getByRole('article', { name: /^c\. 20 Apr 2017: BES records that it supported/ });
    await made.waitFor();
    await made.getByRole('button', { name: 'PX-008 at 2', exact: true }).waitFor();
    const stored = (await api.listFacts({})).find((f) => f.statement.startsWith('BES records that'))!;
    expect(stored.sources.map((s) => [s.cite, s.quote])).toEqual([['PX-008 at 2', quote]]);
    expect(stored.date).toMatchObject({ precision: 'circa', display: 'c. 20 Apr 2017' });
    // From the fact back to the passage: its cite opens the exhibit at its page (the viewer was left on page 1).
    await made.getByRole('button', { name: 'PX-008 at 2', exact: true }).click();
    await page.getByRole('tab', { name: 'PX-008', selected: true }).waitFor();
    await pageStatus(/^Page 2 of/).waitFor();
    expect(requests.offHost()).toEqual([]);
  }, 45_000);
});
