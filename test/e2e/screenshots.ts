// Takes the screenshots in docs/screenshots: the sample case in browser mode at 1440×900, light and dark.
// Run with `npx tsx test/e2e/screenshots.ts [OUT_DIR]`; it builds the sample case and the renderer in a temp folder.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createCaseApi } from '../../electron/core/api.ts';
import { buildSampleCase } from '../../electron/core/sample/build-sample-case.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve } from '../../electron/serve/server.ts';
import { tempDir } from '../fixtures/case.ts';
import { makePdf } from '../fixtures/pdfs.ts';
import { hasChromium, launchChromium, recordRequests } from './browser.ts';

const out = path.resolve(process.argv[2] ?? 'docs/screenshots');
if (!hasChromium()) throw new Error('Screenshots need Chromium at /usr/bin/chromium.');
fs.mkdirSync(out, { recursive: true });

const root = tempDir('exhibit-desk-shots-');
const caseDir = path.join(root, 'case');
const [, rendererDir, browser] = await Promise.all([buildSampleCase(caseDir), buildRenderer(path.join(root, 'renderer')), launchChromium()]);
const production = await writeProduction(path.join(root, 'Production 003'), path.join(caseDir, 'documents'));
const api = createCaseApi({ dir: caseDir });
const server = await serve({ api, rendererDir, onInternalError: (e) => console.error(e) });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
const requests = recordRequests(context);
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));

try {
  await page.goto(server.url);
  const grid = page.getByRole('treegrid', { name: 'Exhibits' });
  const rowOf = (no: string) => grid.getByRole('row').filter({ has: page.getByText(no, { exact: true }) });
  await rowOf('PX-001').waitFor();
  await shot(page, 'overview');

  await rowOf('PX-007').getByRole('button', { name: /^Show/ }).click();
  await rowOf('PX-008').click();
  await settle(page);
  await shot(page, 'grid-details');

  const search = page.getByRole('combobox', { name: 'Search exhibits' });
  await search.fill('Suzhou approval');
  await page.getByRole('tree', { name: 'Search hits' }).getByRole('treeitem').first().waitFor();
  await settle(page);
  await shot(page, 'search-hits');

  await search.fill('gateway');
  await page.getByText('hits for “gateway”').waitFor();
  // The page's hit, after the note on that page (notes come first).
  const hit = page.getByRole('group', { name: /Site installation record/ }).getByRole('treeitem').filter({ hasText: 'p. 2' }).last();
  await hit.click();
  const viewer = page.getByRole('region', { name: 'Document viewer' });
  await viewer.getByText('Page 2 of 2').waitFor();
  const allegations = page.getByRole('navigation', { name: 'Allegations' });
  await allegations.getByRole('button', { name: /^¶ 36: / }).click();
  await settle(page, 800);

  await viewer.getByText('BES supported this installation under protest', { exact: false }).first().selectText();
  await viewer.getByRole('button', { name: 'Highlight selection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Highlight passage' });
  await dialog.getByLabel('Note').fill('Installed in Suzhou over three days, before any approval from PPIC3.');
  await settle(page);
  await shot(page, 'highlight-dialog');
  await dialog.getByRole('button', { name: 'Save and link' }).click();
  await page.getByRole('region', { name: 'Evidence for paragraph 36' }).getByRole('button', { name: 'PX-008 at 2', exact: true }).waitFor();
  await settle(page, 600);
  await shot(page, 'viewer-highlight');

  await allegations.getByRole('button', { name: /^¶ 41: / }).click();
  await page.getByRole('region', { name: 'Evidence for paragraph 41' }).getByRole('button', { name: 'Show in grid' }).click();
  await rowOf('PX-008').click();
  await settle(page);
  await shot(page, 'allegations-evidence');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await rowOf('PX-007').getByRole('gridcell').nth(4).dblclick();
  await page.getByRole('region', { name: 'Document viewer' }).getByRole('region', { name: 'Attachments' }).waitFor();
  await settle(page);
  await shot(page, 'email-viewer');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('tab', { name: /^Exhibits/ }).click();
  await rowOf('PX-005').click();
  await settle(page);
  await shot(page, 'dark-grid');
  await rowOf('PX-004').getByRole('gridcell').nth(4).dblclick();
  await page.getByRole('region', { name: 'Document viewer' }).getByText('Page 1 of 2').waitFor();
  await settle(page, 800);
  await shot(page, 'dark-viewer');
  await page.getByRole('button', { name: 'Dark theme' }).click();

  await page.keyboard.press('?');
  await settle(page);
  await shot(page, 'help-sheet');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: /^Exhibits/ }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export' });
  await exporting.getByLabel('Prefix').fill('BES');
  await exporting.getByLabel('Case number (optional)').fill('Case No. 2:24-cv-01234');
  await exporting.getByLabel('Court').selectOption('cacd');
  const preview = exporting.getByRole('region', { name: 'Preview' });
  await waitFor(async () => (await preview.getAttribute('aria-busy')) === 'false' && (await preview.getByRole('img').count()) > 0);
  await settle(page, 1000);
  await shot(page, 'export-dialog');
  await exporting.getByRole('button', { name: 'Export', exact: true }).click();
  const finished = page.getByRole('dialog', { name: 'Export finished' });
  await finished.getByText(/PDFs? passed|would be refused/).waitFor({ timeout: 120_000 });
  await settle(page);
  await shot(page, 'export-finished');
  await finished.getByRole('button', { name: 'Close' }).last().click();

  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Paths on this computer').fill(production);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await waitFor(async () => Number((await progress.getAttribute('aria-valuenow')) ?? 0) >= 40);
  await shot(page, 'import-progress');
  await page.getByRole('dialog', { name: 'Import finished' }).waitFor({ timeout: 120_000 });
  await settle(page);
  await shot(page, 'import-summary');

  const offHost = requests.offHost();
  if (offHost.length > 0) throw new Error(`Requests left 127.0.0.1: ${offHost.join(', ')}`);
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
  api.close();
  fs.rmSync(root, { recursive: true, force: true });
}

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: path.join(out, `${name}.png`) });
}

/** Lets rendering and transitions finish before a picture is taken. */
async function settle(p: Page, ms = 400): Promise<void> {
  await p.waitForTimeout(ms);
}

async function waitFor(check: () => Promise<boolean>, timeout = 60_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Timed out.');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A production to import: Bates-numbered pages as text, a few PDFs, a duplicate of an exhibit and a broken file. */
async function writeProduction(dir: string, sampleDocuments: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const already = fs.readdirSync(sampleDocuments).find((f) => f.endsWith('.pdf'));
  if (already) fs.copyFileSync(path.join(sampleDocuments, already), path.join(dir, `HW-PK-0004603 ${already}`));
  for (let i = 1; i <= 400; i++) {
    const bates = `HW-PK-${String(4100 + i).padStart(7, '0')}`;
    fs.writeFileSync(path.join(dir, `${bates}.txt`), `${bates}\nHuawei Technologies Pakistan — project correspondence log, entry ${i}.\n`);
  }
  for (const [name, title] of [
    ['HW-PK-0004600 Staging plan.pdf', 'DES staging plan, Suzhou'],
    ['HW-PK-0004601 Server inventory.pdf', 'Server inventory, Suzhou data room'],
  ] as const) {
    fs.writeFileSync(path.join(dir, name), await makePdf({ title, pages: [`${title}\nProduced by Huawei Technologies Pakistan`, 'Page two'] }));
  }
  fs.writeFileSync(path.join(dir, 'HW-PK-0004602 Damaged scan.pdf'), '%PDF-1.7\n%%EOF\n');
  return dir;
}
