// Time from starting browser mode on a large case to the first rows of the exhibit grid painted in Chromium:
// opening the case, the server listening, the page loading the renderer and the grid's first listExhibits page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCaseApi } from '../electron/core/api.ts';
import { buildRenderer } from '../electron/serve/renderer-build.ts';
import { serve } from '../electron/serve/server.ts';
import { hasChromium, launchChromium } from '../test/e2e/browser.ts';
import { secondsSince } from './tools.ts';
import { synthCase } from './synth-case.ts';

/** Notes, on the system clock, the frame after the first grid row appears: Node's own clock would read late while
 * the server (in this process) answers the grid's later, larger pages synchronously. */
const FIRST_ROW_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role=treegrid] [role=rowgroup] + [role=rowgroup] [role=row]')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__firstRowPainted = performance.timeOrigin + performance.now();
    }));
  }).observe(document, { childList: true, subtree: true });`;

export interface OpenResult {
  exhibits: number;
  /** From starting to open the case to the first grid row painted. */
  ms: number;
  caseOpenMs: number;
  listeningMs: number;
}

export async function benchmarkOpen(cache: string, exhibits: number): Promise<OpenResult | null> {
  if (!hasChromium()) return null;
  const dir = synthCase(cache, { pages: exhibits, exhibits, wordsPerPage: 40 });
  const rendererDir = await buildRenderer(fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-bench-renderer-')));
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ content: FIRST_ROW_PROBE });
    const startedAt = performance.timeOrigin + performance.now();
    const start = process.hrtime.bigint();
    const api = createCaseApi({ dir });
    const caseOpenMs = secondsSince(start) * 1000;
    const server = await serve({ api, rendererDir });
    const listeningMs = secondsSince(start) * 1000;
    try {
      await page.goto(server.url);
      await page.getByRole('treegrid', { name: 'Exhibits' }).getByRole('row').nth(1).waitFor({ timeout: 120_000 });
      await page.waitForFunction('window.__firstRowPainted !== undefined');
      const painted = Number(await page.evaluate('window.__firstRowPainted'));
      return { exhibits, ms: painted - startedAt, caseOpenMs, listeningMs };
    } finally {
      await context.close();
      await server.close();
      api.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  }
}
