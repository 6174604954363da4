// Debian's Chromium driven by playwright-core for the end-to-end tests, and a record of every request it makes.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Every URL the context asks for (pages and workers); `offHost` lists those that leave 127.0.0.1. */
export function recordRequests(context: BrowserContext): { urls: string[]; offHost: () => string[] } {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return {
    urls,
    offHost: () =>
      urls.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
        return url.hostname !== '127.0.0.1';
      }),
  };
}
