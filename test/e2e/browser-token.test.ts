// Browser mode's token in Chromium: it arrives in the URL's fragment, leaves the address bar as soon as the page has
// read it, survives a reload of the tab, and is never sent anywhere but in a header to its own server; another local
// web server the same browser visits (another port of 127.0.0.1) receives no cookie and no token.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { writePdf } from '../fixtures/pdfs.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the browser-mode token test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

describe.skipIf(!chromiumPresent)('the browser-mode token', () => {
  const { api } = newCase('Token case');
  let root: string;
  let browser: Browser;
  let server: RunningServer;
  let other: http.Server;
  const seenByOther: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    root = tempDir('exhibit-desk-token-e2e-');
    const src = await writePdf(path.join(root, 'memo.pdf'), { title: 'Memo', pages: ['Servers in Suzhou'] });
    await api.importFiles({ paths: [src] });
    let rendererDir: string;
    [rendererDir, browser] = await Promise.all([buildRenderer(path.join(root, 'renderer')), launchChromium()]);
    server = await serve({ api, rendererDir, onInternalError: (e) => console.error(e) });
    other = http.createServer((req, res) => {
      seenByOther.push(req.headers);
      res.end('<!doctype html><p>another local service</p><img src="/pixel.png">');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    other?.close();
    api.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('is read from the fragment and gone from the address bar, works after a reload, and reaches no other server', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const requests = recordRequests(context);
    const sentToken: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes(server.token)) sentToken.push(r.url());
    });
    const page = await context.newPage();
    await page.goto(server.url);
    const grid = page.getByRole('treegrid', { name: 'Exhibits' });
    await grid.getByText('PX-001', { exact: true }).waitFor();
    expect(page.url()).toBe(`${server.origin}/`);

    await page.reload();
    await grid.getByText('PX-001', { exact: true }).waitFor();
    // The app's search goes through /api/call with the header.
    await page.getByRole('combobox', { name: 'Search exhibits' }).fill('suzhou');
    await page.getByRole('tree', { name: 'Search hits' }).getByRole('treeitem').first().waitFor();

    const port = (other.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByText('another local service').waitFor();
    expect(seenByOther.length).toBeGreaterThan(0);
    for (const headers of seenByOther) {
      expect(headers.cookie).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain(server.token);
    }
    expect(sentToken).toEqual([]);
    expect(requests.offHost()).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }, 60_000);
});
