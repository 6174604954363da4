// Issue 16 in Chromium, on the sample case at 1280×720: an edit begun on one exhibit is never saved onto another.
// For every editable field of the details panel and of the grid: focus it, optionally type, then move the selection
// (a click on another row, or the keyboard); the CLI's `show --json` and the audit log (read by a second connection,
// as another window would) must show that only the exhibit the edit began on changed, and no empty entry was written.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { sampleCaseCopy } from '../fixtures/sample-case.ts';
import { buildRenderer } from '../../electron/serve/renderer-build.ts';
import { serve, type RunningServer } from '../../electron/serve/server.ts';
import { EXHIBIT_FIELD_LABELS, type AuditEntry, type Exhibit } from '../../shared/model.ts';
import { tempDir } from '../fixtures/case.ts';
import { cliJson } from '../fixtures/cli.ts';
import { CHROMIUM, hasChromium, launchChromium, recordRequests } from './browser.ts';

const chromiumPresent = hasChromium();
if (!chromiumPresent) console.warn(`Skipping the edit-binding end-to-end test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

type Field = 'exhibitNo' | 'title' | 'date' | 'author' | 'from' | 'to' | 'cc' | 'subject' | 'description';
const LABELS = EXHIBIT_FIELD_LABELS;
/** The grid's editable columns, by their cell's position in a row. */
const GRID_CELLS: Partial<Record<Field, number>> = { exhibitNo: 1, date: 2, title: 3, description: 6 };

describe.skipIf(!chromiumPresent)('an edit stays with the exhibit it began on', () => {
  let root: string;
  let dir: string;
  let served: CaseApi;
  /** A second connection to the case, as another window or process would have. */
  let observer: CaseApi;
  let browser: Browser;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let requests: ReturnType<typeof recordRequests>;
  /** What every exhibit should hold, by id: updated only where the test means an edit to land. */
  const expected = new Map<number, Exhibit>();
  /** The last audit entry (its seq) already accounted for. */
  let auditSeen = 0;

  beforeAll(async () => {
    root = tempDir('exhibit-desk-edits-e2e-');
    dir = path.join(root, 'case');
    let rendererDir: string;
    [, rendererDir, browser] = await Promise.all([sampleCaseCopy(dir), buildRenderer(path.join(root, 'renderer')), launchChromium()]);
    served = createCaseApi({ dir });
    observer = createCaseApi({ dir });
    for (const e of await observer.listExhibits({})) expected.set(e.id, e);
    auditSeen = Math.max(...(await observer.auditLog({})).map((a) => a.seq));
    server = await serve({ api: served, rendererDir, onInternalError: (e) => console.error(e) });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    requests = recordRequests(context);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url);
    await grid().getByText('PX-013', { exact: true }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    served?.close();
    observer?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const grid = () => page.getByRole('treegrid', { name: 'Exhibits' });
  const details = () => page.getByRole('complementary', { name: 'Details' });
  const status = () => page.getByRole('status').filter({ hasText: /./ }).last();
  const byNo = (no: string) => [...expected.values()].find((e) => e.exhibitNo === no)!;
  const rowOf = (no: string): Locator => grid().getByRole('row').filter({ has: page.getByText(no, { exact: true }) });
  /** Selects a row by a click on its Kind cell, which never opens an editor. */
  const select = async (no: string) => {
    await rowOf(no).getByRole('gridcell').nth(4).click();
    await details().getByRole('heading', { name: no, exact: true }).waitFor();
  };

  /** Every exhibit holds what `expected` says, and the audit log grew by exactly `edits`, each a real change. */
  async function checkCase(edits: { id: number; field: Field | 'confidentiality' }[]): Promise<void> {
    const now = await observer.listExhibits({});
    for (const e of now) expect(e, `${e.exhibitNo}`).toEqual(expected.get(e.id));
    const fresh = (await observer.auditLog({})).filter((a) => a.seq > auditSeen).sort((x, y) => x.seq - y.seq);
    auditSeen = Math.max(auditSeen, ...fresh.map((a) => a.seq));
    expect(fresh.map((a) => [a.action, Number(a.objectId), Object.keys(a.after as object)])).toEqual(
      edits.map((x) => ['exhibit.edit', x.id, [x.field]]),
    );
    for (const entry of fresh) expect(entry.before, 'an audit entry that changes nothing').not.toEqual(entry.after);
  }

  /** Records that `no`'s field now holds `value` (an edit meant to land there). */
  function lands(no: string, field: Field | 'confidentiality', value: string | null): { id: number; field: Field | 'confidentiality' } {
    const e = byNo(no);
    expected.set(e.id, { ...e, [field]: value });
    return { id: e.id, field };
  }

  /** Types as a user would: a date is replaced, any other value is added to at its end. */
  const typeInto = async (input: Locator, field: Field, typed: string) => {
    if (field === 'date') return input.fill(typed);
    await input.press('Control+End');
    await input.pressSequentially(typed);
  };

  const detailField = (field: Field) => details().getByRole('region', { name: 'Metadata' }).getByLabel(LABELS[field], { exact: true });

  // PDFs have an author, emails a sender and recipients: each field is tried on two exhibits that show it.
  const DETAIL_CASES: { field: Field; a: string; b: string; typed: string; value: (old: string | null) => string }[] = [
    { field: 'title', a: 'PX-002', b: 'PX-013', typed: ' (executed)', value: (old) => `${old} (executed)` },
    { field: 'date', a: 'PX-001', b: 'PX-004', typed: '2016-02-16', value: () => '2016-02-16' },
    { field: 'author', a: 'PX-003', b: 'PX-004', typed: ' et al.', value: (old) => `${old ?? ''} et al.`.trim() },
    { field: 'description', a: 'PX-012', b: 'PX-013', typed: ' Checked.', value: (old) => `${old ?? ''} Checked.`.trim() },
    { field: 'from', a: 'PX-005', b: 'PX-006', typed: ' (BES)', value: (old) => `${old} (BES)` },
    { field: 'to', a: 'PX-006', b: 'PX-005', typed: ' (PPIC3)', value: (old) => `${old} (PPIC3)` },
    { field: 'cc', a: 'PX-005', b: 'PX-007', typed: 'counsel@bes.example', value: (old) => (old ? `${old}counsel@bes.example` : 'counsel@bes.example') },
    { field: 'subject', a: 'PX-007', b: 'PX-006', typed: ' [privileged?]', value: (old) => `${old} [privileged?]` },
    { field: 'exhibitNo', a: 'PX-010', b: 'PX-011', typed: 'A', value: (old) => `${old}A` },
  ];

  describe('the details panel', () => {
    for (const c of DETAIL_CASES) {
      it(`${c.field}: focus only, then another row — nothing is written anywhere`, async () => {
        await select(c.a);
        await detailField(c.field).click();
        await select(c.b);
        await checkCase([]);
      });

      it(`${c.field}: typed, then another row — saved to the exhibit it was typed on, and named`, async () => {
        await select(c.a);
        const input = detailField(c.field);
        await input.click();
        const before = byNo(c.a)[c.field];
        await typeInto(input, c.field, c.typed);
        await select(c.b);
        const landed = lands(c.a, c.field, c.value(before));
        await expect.poll(() => status().textContent()).toBe(`Saved ${LABELS[c.field].toLowerCase()} of ${c.a}${c.field === 'exhibitNo' ? ` (now ${c.value(before)})` : ''}.`);
        await checkCase([landed]);
        if (c.field === 'exhibitNo') {
          // The rest of the test finds the exhibit by its new number.
          await rowOf(c.value(before)).waitFor();
        }
      });
    }

    it('typed, then the selection moved by keyboard (to the grid, then Arrow Down) — saved to its own exhibit', async () => {
      await select('PX-002');
      const input = detailField('title');
      await input.click();
      const before = byNo('PX-002').title;
      await input.press('Control+End');
      await input.pressSequentially(' – copy 2');
      await grid().focus();
      await page.keyboard.press('ArrowDown');
      await details().getByRole('heading', { name: 'PX-003', exact: true }).waitFor();
      await checkCase([lands('PX-002', 'title', `${before} – copy 2`)]);
      expect(await detailField('title').inputValue()).toBe(byNo('PX-003').title);
    });

    it('Escape drops the draft: nothing is saved when the selection then moves', async () => {
      await select('PX-003');
      const input = detailField('title');
      await input.click();
      await input.pressSequentially(' draft');
      await input.press('Escape');
      await select('PX-004');
      await checkCase([]);
    });

    it('a tag typed but not added is dropped with the selection, never added to the next exhibit', async () => {
      await select('PX-001');
      await details().getByLabel('Add tag').fill('Hot');
      await select('PX-002');
      expect(await details().getByLabel('Add tag').inputValue()).toBe('');
      await details().getByLabel('Add tag').press('Enter');
      await checkCase([]);
      expect((await observer.listTags({})).map((t) => t.path)).not.toContain('Hot');
    });

    it('confidentiality is saved to the exhibit shown', async () => {
      await select('PX-004');
      await details().getByLabel('Confidentiality').selectOption({ label: 'Confidential' });
      await expect.poll(() => status().textContent()).toBe('Saved confidentiality of PX-004.');
      await checkCase([lands('PX-004', 'confidentiality', 'confidential')]);
    });
  });

  describe('the grid', () => {
    const openCell = async (no: string, field: Field) => {
      await select(no);
      await rowOf(no).getByRole('gridcell').nth(GRID_CELLS[field]!).click();
      const input = grid().getByRole('textbox', { name: `${LABELS[field]} of ${no}` });
      await input.waitFor();
      return input;
    };
    const GRID_CASES: { field: Field; a: string; b: string; typed: string; value: (old: string | null) => string }[] = [
      { field: 'title', a: 'PX-004', b: 'PX-008', typed: ' (v2.1)', value: (old) => `${old} (v2.1)` },
      { field: 'date', a: 'PX-008', b: 'PX-009', typed: '2017-04-21', value: () => '2017-04-21' },
      { field: 'description', a: 'PX-008', b: 'PX-009', typed: ' Key.', value: (old) => `${old ?? ''} Key.`.trim() },
      { field: 'exhibitNo', a: 'PX-012', b: 'PX-013', typed: 'B', value: (old) => `${old}B` },
    ];
    for (const c of GRID_CASES) {
      it(`${c.field}: cell opened only, then another row — nothing is written`, async () => {
        await openCell(c.a, c.field);
        await select(c.b);
        await checkCase([]);
      });

      it(`${c.field}: typed in the cell, then another row — saved to the row it was typed in`, async () => {
        const input = await openCell(c.a, c.field);
        const before = byNo(c.a)[c.field];
        await typeInto(input, c.field, c.typed);
        await select(c.b);
        const landed = lands(c.a, c.field, c.value(before));
        await expect.poll(() => status().textContent()).toMatch(new RegExp(`^Saved ${LABELS[c.field].toLowerCase()} of ${c.a}`));
        await checkCase([landed]);
      });
    }

    it('by keyboard: F2, type, Escape saves nothing; F2, type, Enter, then Arrow Down saves to that row only', async () => {
      await select('PX-001');
      await grid().focus();
      await page.keyboard.press('F2');
      const title = grid().getByRole('textbox', { name: 'Title of PX-001' });
      await title.pressSequentially(' – draft');
      await title.press('Escape');
      await title.waitFor({ state: 'detached' });
      await page.keyboard.press('ArrowDown');
      await details().getByRole('heading', { name: 'PX-002', exact: true }).waitFor();
      await checkCase([]);

      await page.keyboard.press('ArrowUp');
      await details().getByRole('heading', { name: 'PX-001', exact: true }).waitFor();
      await page.keyboard.press('F2');
      const before = byNo('PX-001').title;
      await title.press('Control+End');
      await title.pressSequentially(' (excerpt 2)');
      await title.press('Enter');
      await title.waitFor({ state: 'detached' });
      await page.keyboard.press('ArrowDown');
      await details().getByRole('heading', { name: 'PX-002', exact: true }).waitFor();
      await checkCase([lands('PX-001', 'title', `${before} (excerpt 2)`)]);
    });
  });

  it('an edit made from a value another window changed since is refused and named, and nothing is written', async () => {
    await select('PX-013');
    const input = detailField('title');
    await input.click();
    const other = await observer.updateExhibit({ exhibit: 'PX-013', edit: { title: 'Changed in another window' } });
    expected.set(other.id, other);
    await checkCase([{ id: other.id, field: 'title' }]);
    await input.press('Control+End');
    await input.pressSequentially(' – mine');
    await input.press('Enter');
    await details().getByRole('alert').filter({ hasText: 'was changed to “Changed in another window” after this edit began' }).waitFor();
    await select('PX-012B');
    await checkCase([]);
  });

  it('shows the same through the CLI: every exhibit as expected, and show --json with each edit in its history', async () => {
    const listed = await cliJson<{ exhibits: Exhibit[] }>('list', dir);
    expect(listed.exhibits).toHaveLength(expected.size);
    for (const e of listed.exhibits) expect(e, e.exhibitNo).toEqual(expected.get(e.id));
    // The exhibits each edit landed on, and those selected next (which must show no edit at all).
    const audit: AuditEntry[] = await observer.auditLog({});
    const checked = ['PX-002', 'PX-013', 'PX-004', 'PX-011', 'PX-009'].map((no) => [...expected.values()].find((e) => e.exhibitNo === no)!);
    const shown = await Promise.all(checked.map((e) => cliJson<{ exhibit: Exhibit; history: AuditEntry[] }>('show', dir, `id:${e.id}`)));
    for (const [i, e] of checked.entries()) {
      expect(shown[i]!.exhibit).toEqual(e);
      const edits = audit.filter((a) => a.action === 'exhibit.edit' && Number(a.objectId) === e.id).map((a) => a.seq);
      expect(shown[i]!.history.filter((h) => h.action === 'exhibit.edit').map((h) => h.seq), e.exhibitNo).toEqual(edits.sort((x, y) => x - y));
    }
  }, 60_000);

  it('never left 127.0.0.1', () => {
    expect(requests.offHost()).toEqual([]);
  });
});
