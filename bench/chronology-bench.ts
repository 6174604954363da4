// Time to draw a chronology of 10,000 facts in Chromium: a case of the sample's exhibits and 10,000 facts (added
// through the core, dates of every precision), served in browser mode; each round a fresh Node process and a fresh
// Chromium open the Chronology tab and time the first rows painted, the time band painted with every fact, and the
// list scrolled to its last fact (End key, and the scroll bar dragged to the bottom). The median of 5 rounds.
// Run alone with `npx tsx bench/chronology-bench.ts [--facts N] [--rounds N]`, or as part of `npm run bench`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { createCaseApi, type CaseApi } from '../electron/core/api.ts';
import { buildSampleCase } from '../electron/core/sample/build-sample-case.ts';
import { seededRandom } from '../electron/core/seeded-random.ts';
import { buildRenderer } from '../electron/serve/renderer-build.ts';
import { serve } from '../electron/serve/server.ts';
import { hasChromium, launchChromium } from '../test/e2e/browser.ts';
import { medianRound, secondsSince, type Rounds } from './tools.ts';

export interface ChronologyRound {
  facts: number;
  /** From navigating to the app to the first fact rows painted, the Chronology tab opened as soon as it exists. */
  firstRowsMs: number;
  /** From navigating to the time band painted with every dated fact. */
  bandDrawnMs: number;
  /** From pressing End in the list to its last fact painted. */
  endKeyMs: number;
  /** From setting the list's scroll position to the bottom (the scroll bar dragged there) to the last fact painted. */
  scrollEndMs: number;
  /** One paint of the band with every fact in view, and the slowest of the paints while zooming in and panning. */
  bandPaintMs: number;
  bandPaintMaxMs: number;
  /** The whole listFacts answer: its size on the wire, the time from request to its last byte, and when that came. */
  listBytes: number;
  listMs: number;
  listDoneMs: number;
  /** When the first screenful's answer came (the app asks for it first). */
  firstListDoneMs: number;
  /** When the app's tabs were there to click: the renderer loaded and started. */
  appMs: number;
  /** The page's JavaScript heap and its DOM nodes once everything is drawn (Chromium's own counters). */
  heapMb: number;
  domNodes: number;
}

const DEFAULT_FACTS = 10_000;
const ROUNDS = 5;

// ---- The case ----

const WORDS = (
  'the agreement engineers installed servers approval authority notice payment gateway configuration design review ' +
  'Suzhou Lahore Islamabad Huawei BES PPIC3 systems data exchange letter email meeting minutes arbitration court ' +
  'injunction indictment report cameras contract price project confidential information delivered refused requested'
).split(' ');

/** Dates of every precision the chronology reads, most of them days, as a case's facts are. */
function dateText(random: () => number): string {
  const day = new Date(Date.UTC(2004, 0, 1) + Math.floor(random() * 20 * 365) * 86_400_000);
  const iso = day.toISOString().slice(0, 10);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const r = random();
  if (r < 0.6) return iso;
  if (r < 0.75) return `${months[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
  if (r < 0.83) return String(day.getUTCFullYear());
  if (r < 0.88) return `c. ${day.getUTCFullYear()}`;
  if (r < 0.92) return `before ${iso}`;
  if (r < 0.95) return `after ${iso}`;
  if (r < 0.98) return `${iso.slice(0, 7)} to ${new Date(day.getTime() + 90 * 86_400_000).toISOString().slice(0, 7)}`;
  return 'TBD';
}

/** The sample case with `count` facts more, built once under `cache` and reused while the app can open it. */
async function chronologyCase(cache: string, count: number): Promise<string> {
  const dir = path.join(cache, `chronology-${count}`);
  const done = path.join(dir, '.facts-added');
  if (fs.existsSync(done)) {
    try {
      createCaseApi({ dir }).close();
      return dir;
    } catch {
      console.error('chronology: the cached case no longer opens (the schema moved on); building it again.');
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(cache, { recursive: true });
  const start = process.hrtime.bigint();
  await buildSampleCase(dir);
  const api = createCaseApi({ dir });
  try {
    const exhibits = (await api.listExhibits({})).filter((e) => e.pages !== null);
    const { paragraphs } = await api.listAllegations({});
    const random = seededRandom('chronology-bench');
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let i = 0; i < count; i++) {
      const words = Array.from({ length: 8 + Math.floor(random() * 40) }, () => pick(WORDS));
      const exhibit = random() < 0.6 ? pick(exhibits) : null;
      await api.addFact({
        statement: `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()),
        date: dateText(random),
        key: random() < 0.05,
        status: random() < 0.8 ? 'undisputed' : 'disputed_by_them',
        paragraphs: random() < 0.3 ? [pick(paragraphs).number] : [],
        source: exhibit ? { exhibit: exhibit.exhibitNo, pageFrom: 1 + Math.floor(random() * exhibit.pages!) } : undefined,
      });
    }
  } finally {
    api.close();
  }
  fs.writeFileSync(done, '');
  console.error(`chronology: built the case of ${count.toLocaleString('en-US')} facts in ${secondsSince(start).toFixed(0)} s`);
  return dir;
}

// ---- One round ----

/** Notes, on the page's clock, the frame after the first fact row and after the band's first paint of every fact. */
const PROBE = `
  window.__bench = {};
  const painted = (name) => requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench[name] = performance.now(); }));
  new MutationObserver((_, observer) => {
    const tab = document.getElementById('tab-chronology');
    if (tab && !window.__bench.tabClicked) { window.__bench.tabClicked = performance.now(); tab.click(); }
    if (!window.__bench.rows && document.querySelector('[role=feed] article')) painted('rows');
    const band = document.querySelector('.time-band-surface');
    if (!window.__bench.band && band && Number(band.dataset.facts) >= window.__benchDated) painted('band');
    if (window.__bench.rows && window.__bench.band) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-facts'] });`;

/**
 * Times, on the page's clock, an action on the list ("end": the End key; "scroll": its scroll position set to the
 * bottom, as dragging the scroll bar does) to the frame after its last fact appears. Written as page code in a string:
 * the functions tsx compiles carry helpers the page does not have.
 */
async function paintedAfter(page: Page, act: 'end' | 'scroll', lastFact: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const list = document.querySelector('[role=feed]');
    const began = performance.now();
    const observer = new MutationObserver(() => {
      if (!list.querySelector('[aria-posinset="${lastFact}"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - began)));
    });
    observer.observe(list, { childList: true, subtree: true });
    if (${JSON.stringify(act)} === 'end') list.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    else list.scrollTop = list.scrollHeight;
  })`) as Promise<number>;
}

const NEXT_FRAME = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';

export async function chronologyRound(dir: string, rendererDir: string, dated: number): Promise<ChronologyRound> {
  const api: CaseApi = createCaseApi({ dir });
  const server = await serve({ api, rendererDir });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const lists: { bytes: number; ms: number; endedAt: number }[] = [];
    page.on('requestfinished', (request) => {
      if (!request.postData()?.includes('"method":"listFacts"')) return;
      const t = request.timing();
      void request.sizes().then((sizes) => lists.push({ bytes: sizes.responseBodySize, ms: t.responseEnd, endedAt: t.startTime + t.responseEnd }));
    });
    await page.addInitScript({ content: `window.__benchDated = ${dated};\n${PROBE}` });
    await page.goto(server.url);
    // Polled from here: the app's Content-Security-Policy forbids the page-side eval that waitForFunction uses.
    const deadline = Date.now() + 120_000;
    while (!(await page.evaluate('window.__bench.rows !== undefined && window.__bench.band !== undefined'))) {
      if (crashed || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (crashed) throw new Error('Chromium crashed while opening the chronology.');
    if (Date.now() > deadline) throw new Error('The chronology was not drawn within two minutes.');
    const marks = (await page.evaluate('window.__bench')) as { rows: number; band: number; tabClicked: number };
    const timeOrigin = Number(await page.evaluate('performance.timeOrigin'));
    const band = page.locator('.time-band-surface');
    const bandPaintMs = Number(await band.getAttribute('data-paint-ms'));

    const total = Number(await page.locator('[role=feed] article').first().getAttribute('aria-setsize'));
    await page.locator('[role=feed]').focus();
    const endKeyMs = await paintedAfter(page, 'end', total);
    await page.keyboard.press('Home');
    await page.locator('[role=feed] [aria-posinset="1"]').waitFor();
    const scrollEndMs = await paintedAfter(page, 'scroll', total);

    // Zoomed in step by step and panned: the slowest paint while the band lays out each zoom anew.
    const paints: number[] = [];
    await band.focus();
    for (const key of ['+', '+', '+', '+', '+', 'ArrowRight', 'ArrowRight', '-', '-', '0']) {
      await page.keyboard.press(key);
      await page.evaluate(NEXT_FRAME);
      paints.push(Number(await band.getAttribute('data-paint-ms')));
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    if (crashed) throw new Error('Chromium crashed while scrolling the chronology.');
    const first = lists.reduce((a, b) => (b.endedAt < a.endedAt ? b : a), lists[0] ?? { bytes: 0, ms: 0, endedAt: timeOrigin });
    const list = lists.reduce((a, b) => (b.bytes > a.bytes ? b : a), first);
    await context.close();
    return {
      facts: total,
      firstRowsMs: marks.rows,
      bandDrawnMs: marks.band,
      endKeyMs,
      scrollEndMs,
      bandPaintMs,
      bandPaintMaxMs: Math.max(...paints),
      listBytes: list.bytes,
      listMs: list.ms,
      listDoneMs: list.endedAt - timeOrigin,
      firstListDoneMs: first.endedAt - timeOrigin,
      appMs: marks.tabClicked,
      heapMb: metric('JSHeapUsedSize') / 2 ** 20,
      domNodes: metric('Nodes'),
    };
  } finally {
    await browser.close();
    await server.close();
    api.close();
  }
}

// ---- Rounds, each in a fresh process ----

/** Runs `rounds` rounds, each in a Node process of its own with a Chromium of its own; null without Chromium. */
export async function benchmarkChronology(cache: string, facts = DEFAULT_FACTS, rounds = ROUNDS): Promise<Rounds<ChronologyRound> | null> {
  if (!hasChromium()) return null;
  const dir = await chronologyCase(cache, facts);
  const check = createCaseApi({ dir });
  const dated = (await check.listFacts({})).filter((f) => f.date.start !== null).length;
  check.close();
  const rendererDir = await buildRenderer(fs.mkdtempSync(path.join(os.tmpdir(), 'exhibit-bench-renderer-')));
  try {
    const done: ChronologyRound[] = [];
    for (let i = 0; i < rounds; i++) {
      const args = [...process.execArgv, fileURLToPath(import.meta.url), '--round', dir, '--renderer', rendererDir, '--dated', String(dated)];
      const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`chronology round ${i + 1} failed (exit ${child.status ?? child.signal})`);
      done.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChronologyRound);
    }
    return medianRound(done, (r) => r.bandDrawnMs);
  } finally {
    fs.rmSync(rendererDir, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function chronologyReport(r: Rounds<ChronologyRound>): string[] {
  const rows: [string, string][] = [
    [`chronology of ${fmt(r.facts)} facts in Chromium`, `first rows ${fmt(r.firstRowsMs)} ms, band drawn ${fmt(r.bandDrawnMs)} ms after navigating; median of ${r.rounds.length}`],
    ['  band drawn, every round', r.rounds.map((ms) => `${fmt(ms)} ms`).join(', ')],
    ['  to the last fact', `End key ${fmt(r.endKeyMs)} ms, scroll bar to the bottom ${fmt(r.scrollEndMs)} ms`],
    ['  band paint', `${fmt(r.bandPaintMs, 1)} ms every fact in view; slowest while zooming and panning ${fmt(r.bandPaintMaxMs, 1)} ms`],
    [
      '  where the time goes',
      `app started ${fmt(r.appMs)} ms; first screenful answered ${fmt(r.firstListDoneMs)} ms; every fact answered ${fmt(r.listDoneMs)} ms (${fmt(r.listBytes / 2 ** 20, 1)} MB, ${fmt(r.listMs)} ms from its request)`,
    ],
    ['  page once drawn', `${fmt(r.heapMb)} MB JS heap, ${fmt(r.domNodes)} DOM nodes`],
  ];
  return rows.map(([k, v]) => `${k.padEnd(40)} ${v}`);
}

/** For bench/run.ts: the whole benchmark as report lines (3 rounds of 2,000 facts with --quick). */
export async function chronologyLines(cache: string, quick: boolean): Promise<string[]> {
  console.error(`chronology: ${quick ? '2,000' : '10,000'} facts in Chromium, ${quick ? 3 : ROUNDS} rounds…`);
  const r = await benchmarkChronology(cache, quick ? 2000 : DEFAULT_FACTS, quick ? 3 : ROUNDS);
  return r ? chronologyReport(r) : ['chronology: skipped (no Chromium at /usr/bin/chromium)'];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { round: { type: 'string' }, renderer: { type: 'string' }, dated: { type: 'string' }, facts: { type: 'string' }, rounds: { type: 'string' } },
  });
  if (values.round) {
    console.log(JSON.stringify(await chronologyRound(values.round, values.renderer!, Number(values.dated))));
  } else {
    const r = await benchmarkChronology(path.resolve('.bench'), Number(values.facts ?? DEFAULT_FACTS), Number(values.rounds ?? ROUNDS));
    for (const line of r ? chronologyReport(r) : ['chronology: skipped (no Chromium at /usr/bin/chromium)']) console.log(line);
  }
}
