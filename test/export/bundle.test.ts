import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exhibit, ExportResult } from '../../shared/model.ts';
import { UserError } from '../../shared/errors.ts';
import { exportCase, pageText, type ExportCase } from '../fixtures/export-case.ts';
import { outline, pageLabels, pagesText, placedText, qpdfCheck } from '../fixtures/export-reading.ts';

const BATES = /^\s*(BES\d{6})\s*$/;

interface Manifest {
  kind: string;
  settings: { bates: { prefix: string; digits: number; start: number }; caseNumber: string };
  files: { name: string; sha256: string; bytes: number; pages: number }[];
  exhibits: {
    exhibitNo: string;
    bates: { first: string; last: string };
    pages: number;
    bundlePage: number;
    originals: { exhibitNo: string; sha256: string; bates: { first: string; last: string } }[];
  }[];
}

let c: ExportCase;
let result: ExportResult;
let file: string;
let pages: string[];
let manifest: Manifest;
let exhibits: Exhibit[];

const isSlipSheet = (text: string) => /^\s*EXHIBIT\s*$/m.test(text);
const stampOf = (text: string) => text.split('\n').map((l) => BATES.exec(l)?.[1]).filter(Boolean);
const bates = (n: number) => `BES${String(n).padStart(6, '0')}`;

beforeAll(async () => {
  c = await exportCase();
  exhibits = await c.api.listExhibits({});
  result = await c.api.exportBundle({
    outDir: c.out,
    bates: { prefix: 'BES', digits: 6 },
    cover: 'Plaintiff’s exhibits\nHearing of 5 March 2026',
    caseNumber: 'Case No. 2:24-cv-01234',
  });
  file = result.files[0]!.path;
  pages = pagesText(file);
  manifest = JSON.parse(fs.readFileSync(result.manifest, 'utf8')) as Manifest;
});

afterAll(() => c.api.close());

/** The exhibit pages of the bundle (after the front matter), each with the slip sheet it follows. */
function exhibitPages(): { page: number; text: string; exhibitNo: string }[] {
  const out: { page: number; text: string; exhibitNo: string }[] = [];
  let current: string | null = null;
  pages.forEach((text, i) => {
    if (isSlipSheet(text)) current = /^\s*(PX-\d{3})\s*$/m.exec(text)![1]!;
    else if (current) out.push({ page: i + 1, text, exhibitNo: current });
  });
  return out;
}

describe('the exhibit bundle', () => {
  it('is one sound PDF in a new folder of its own, beside its manifest and nothing else', () => {
    expect(result.files).toHaveLength(1);
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    const folder = path.dirname(file);
    expect(path.dirname(folder)).toBe(c.out);
    expect(fs.readdirSync(c.out)).toEqual([path.basename(folder)]);
    expect(fs.readdirSync(folder).sort()).toEqual(['BES v. Huawei – Exhibit bundle.pdf', 'manifest.json']);
    const bytes = fs.readFileSync(file);
    expect(result.files[0]).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, pages: pages.length });
    expect(result.warnings).toEqual([
      'PX-002 is marked CONFIDENTIAL: under a protective order it may have to be filed under seal (or redacted), not publicly.',
      'PX-005 is marked HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY: under a protective order it may have to be filed under seal (or redacted), not publicly.',
      ...[1, 2].map((n) => `PX-006, page ${n}: the picture could not be read (Page ${n} of the TIFF could not be decoded; the file is damaged); a placeholder page is printed instead.`),
    ]);
  });

  it('numbers every exhibit page, and only those, from the first Bates number on with no gap or repeat', () => {
    const stamped = exhibitPages();
    expect(stamped.map((p) => stampOf(p.text))).toEqual(stamped.map((_, i) => [bates(i + 1)]));
    const total = manifest.exhibits.reduce((n, e) => n + e.pages, 0);
    expect(stamped).toHaveLength(total);
    const unstamped = pages.filter((_, i) => !stamped.some((p) => p.page === i + 1));
    for (const text of unstamped) expect(stampOf(text)).toEqual([]);
  });

  it('puts a slip sheet naming the exhibit and its Bates range before each exhibit, in number order', () => {
    const slips = pages.filter(isSlipSheet);
    const tops = exhibits.filter((e) => e.parentId === null).map((e) => e.exhibitNo);
    expect(slips.map((s) => /^\s*(PX-\d{3})\s*$/m.exec(s)![1])).toEqual(tops);
    const stamped = exhibitPages();
    for (const [i, e] of manifest.exhibits.entries()) {
      expect(slips[i]).toContain(e.bates.first === e.bates.last ? `Bates ${e.bates.first}` : `Bates ${e.bates.first} – ${e.bates.last}`);
      const own = stamped.filter((p) => p.exhibitNo === e.exhibitNo);
      expect(own).toHaveLength(e.pages);
      expect([stampOf(own[0]!.text)[0], stampOf(own.at(-1)!.text)[0]]).toEqual([e.bates.first, e.bates.last]);
    }
  });

  it('keeps the text of the originals on the stamped pages, and prints emails and text files', () => {
    const byStamp = new Map(exhibitPages().map((p) => [stampOf(p.text)[0], p.text]));
    for (const n of [1, 2, 3]) expect(byStamp.get(bates(n))).toContain(pageText('Award', n));
    expect(byStamp.get(bates(4))).toMatch(/From:\s+"Roe, Jane" <jane\.roe@example\.com>/);
    expect(byStamp.get(bates(4))).toMatch(/Subject:\s+Installation in Suzhou – approval/);
    expect(byStamp.get(bates(4))).toMatch(/Attachments:\s+PX-002\.1 approval\.pdf/);
    expect(byStamp.get(bates(4))).toContain('Please find the approval for the Data Exchange System attached.');
    expect(byStamp.get(bates(5))).toContain('Data Exchange System - page 1');
    expect(byStamp.get(bates(6))).toContain('Data Exchange System - page 2');
    expect(byStamp.get(bates(8))).toContain('Notizen – Jörg Müller / Протокол');
    expect(byStamp.get(bates(8))).toContain('1. The Data Exchange System design was discussed at length; item 1 of the agenda.');
    expect(byStamp.get(bates(9))).toContain('70. The Data Exchange System design was discussed at length; item 70 of the agenda.');
    expect(byStamp.get(bates(10))).toContain(pageText('Install', 1));
    expect(byStamp.get(bates(11))).toContain(pageText('Install', 2));
  });

  it('prints a picture as a picture, and a placeholder naming the file and its SHA-256 for what cannot be printed', () => {
    const stamped = exhibitPages();
    const photo = stamped.find((p) => p.exhibitNo === 'PX-003')!;
    const images = execFileSync('pdfimages', ['-list', '-f', String(photo.page), '-l', String(photo.page), file], { encoding: 'utf8' });
    expect(images.trim().split('\n').slice(2)).toHaveLength(1);
    expect(images).toMatch(/\s300\s+200\s+rgb\s/);
    const scan = stamped.find((p) => p.exhibitNo === 'PX-006')!;
    const tiffHash = exhibits.find((e) => e.exhibitNo === 'PX-006')!.sha256;
    expect(scan.text).toContain('Page 1 of 2 of this exhibit is not reproduced here.');
    expect(scan.text.replace(/\s+/g, '')).toContain(tiffHash);
  });

  it('stamps the legend of a designated family on all its pages and on its slip sheet, and on no other page', () => {
    const legend = (t: string) => (t.includes('HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY') ? 'aeo' : t.includes('CONFIDENTIAL') ? 'confidential' : 'none');
    const expected: Record<string, string> = { 'PX-002': 'confidential', 'PX-005': 'aeo' };
    for (const p of exhibitPages()) expect([p.exhibitNo, legend(p.text)]).toEqual([p.exhibitNo, expected[p.exhibitNo] ?? 'none']);
    for (const slip of pages.filter(isSlipSheet)) {
      const no = /^\s*(PX-\d{3})\s*$/m.exec(slip)![1]!;
      expect([no, legend(slip)]).toEqual([no, expected[no] ?? 'none']);
    }
  });

  it('keeps the stamps in bands at the top and bottom, upright, at the right, and the page content between them', async () => {
    const checks = [
      { stamp: bates(1), originals: ['Award page 1 top line', pageText('Award', 1), 'Award page 1 bottom line'] }, // edge to edge
      { stamp: bates(5), originals: ['Data Exchange System - page 1'] },
      { stamp: bates(7), originals: [] }, // a picture, printed on a landscape page
      { stamp: bates(11), originals: [pageText('Install', 2)] }, // a page the original shows turned
    ];
    for (const { stamp, originals } of checks) {
      const page = exhibitPages().find((p) => stampOf(p.text)[0] === stamp)!.page;
      const { width, height, items } = await placedText(file, page);
      const band = Math.min(72, Math.max(16, height * 0.045));
      const bottomStamp = items.find((i) => i.text === stamp)!;
      expect(bottomStamp.upright).toBe(true);
      expect(bottomStamp.y).toBeGreaterThan(height - band);
      expect(bottomStamp.x + bottomStamp.width).toBeGreaterThan(width - band);
      for (const original of originals) expect(items.filter((i) => i.text === original)).toHaveLength(1);
      for (const item of items.filter((i) => i !== bottomStamp && !/CONFIDENTIAL/.test(i.text))) {
        expect(item.y).toBeGreaterThan(band);
        expect(item.y).toBeLessThan(height - band);
      }
      for (const legend of items.filter((i) => /CONFIDENTIAL/.test(i.text))) expect([legend.upright, legend.y < band]).toEqual([true, true]);
    }
  });

  it('lists every exhibit and attachment in the index with its date, Bates range and the page it begins on', async () => {
    const index = pages.filter((t) => t.includes('INDEX OF EXHIBITS')).join('\n');
    const labels = (await pageLabels(file))!;
    for (const e of manifest.exhibits) {
      const exhibit = exhibits.find((x) => x.exhibitNo === e.exhibitNo)!;
      const row = index.split('\n').find((l) => l.trimStart().startsWith(`${e.exhibitNo} `))!;
      const range = e.bates.first === e.bates.last ? e.bates.first : `${e.bates.first} – ${e.bates.last}`;
      expect(row).toContain(range);
      expect(row).toContain((exhibit.date ?? '').slice(0, 10));
      expect(row.trim().endsWith(` ${e.bundlePage}`)).toBe(true);
      const slip = pages[labels.indexOf(String(e.bundlePage))]!;
      expect(isSlipSheet(slip) && slip.includes(e.exhibitNo)).toBe(true);
    }
    const attachment = index.split('\n').find((l) => l.includes('PX-002.1'))!;
    expect(attachment).toContain(`${bates(5)} – ${bates(6)}`);
    const firstPage = Number(attachment.trim().split(/\s+/).at(-1));
    expect(pages[labels.indexOf(String(firstPage))]).toContain('Data Exchange System - page 1');
  });

  it('labels the cover and index pages i, ii … and numbers the rest from 1', async () => {
    const labels = await pageLabels(file);
    const front = pages.findIndex(isSlipSheet);
    expect(front).toBe(2);
    expect(labels).toEqual(['i', 'ii', ...pages.slice(front).map((_, i) => String(i + 1))]);
    expect(pages[0]).toContain('Hearing of 5 March 2026');
    expect(pages[0]).toContain('Case No. 2:24-cv-01234');
  });

  it('has a bookmark per exhibit at its slip sheet, its attachments folded under it, after one for the index', async () => {
    const marks = await outline(file);
    expect(marks[0]).toMatchObject({ title: 'Index of exhibits', page: 2 });
    const tops = exhibits.filter((e) => e.parentId === null);
    expect(marks.slice(1).map((m) => m.title)).toEqual(tops.map((e) => `${e.exhibitNo} – ${e.title}`));
    for (const m of marks.slice(1)) expect(isSlipSheet(pages[m.page - 1]!) && pages[m.page - 1]!.includes(m.title.split(' ')[0]!)).toBe(true);
    const email = marks.find((m) => m.title.startsWith('PX-002 '))!;
    expect(email.children.map((m) => m.title)).toEqual(['PX-002.1 – approval']);
    expect(pages[email.children[0]!.page - 1]).toContain('Data Exchange System - page 1');
  });

  it('writes a manifest with the hash of the file and of every original, the Bates ranges and the settings', () => {
    expect(manifest.kind).toBe('bundle');
    const tops = exhibits.filter((e) => e.parentId === null).map((e) => e.exhibitNo);
    const { sha256, bytes } = result.files[0]!;
    expect(manifest.files).toEqual([{ name: path.basename(file), sha256, bytes, pages: pages.length, exhibits: tops }]);
    expect(manifest.settings).toMatchObject({ bates: { prefix: 'BES', digits: 6, start: 1 }, caseNumber: 'Case No. 2:24-cv-01234' });
    const originals = manifest.exhibits.flatMap((e) => e.originals.map((o) => [o.exhibitNo, o.sha256]));
    expect(originals).toEqual(exhibits.map((e) => [e.exhibitNo, e.sha256]));
    expect(manifest.exhibits[1]!.originals.map((o) => o.bates)).toEqual([
      { first: bates(4), last: bates(4) },
      { first: bates(5), last: bates(6) },
    ]);
    expect(manifest.exhibits.map((e) => e.bates)).toEqual([
      { first: bates(1), last: bates(3) },
      { first: bates(4), last: bates(6) },
      { first: bates(7), last: bates(7) },
      { first: bates(8), last: bates(9) },
      { first: bates(10), last: bates(11) },
      { first: bates(12), last: bates(13) },
    ]);
  });

  it('records the export, its files and its Bates numbers in the audit log', async () => {
    const [entry] = await c.api.auditLog({ limit: 1 });
    expect(entry).toMatchObject({ action: 'export.bundle', objectType: 'export', objectId: 'bundle', sha256: [result.files[0]!.sha256] });
    const after = entry!.after as { folder: string; bates: { exhibitNo: string; first: string; last: string; members: { exhibitNo: string }[] }[] };
    expect(after.folder).toBe(path.dirname(file));
    expect(after.bates.map((b) => [b.exhibitNo, b.first, b.last])).toEqual(manifest.exhibits.map((e) => [e.exhibitNo, e.bates.first, e.bates.last]));
    expect(after.bates[1]!.members.map((m) => m.exhibitNo)).toEqual(['PX-002', 'PX-002.1']);
  });

  it('puts a second export into a folder of its own instead of overwriting the first', async () => {
    const again = await c.api.exportBundle({ outDir: c.out, select: { by: 'numbers', ranges: [{ from: 1, to: 1 }], exhibits: [] } });
    expect(path.dirname(again.files[0]!.path)).not.toBe(path.dirname(file));
    expect(fs.readFileSync(file).length).toBe(result.files[0]!.bytes);
    expect(fs.readdirSync(c.out)).toHaveLength(2);
  });

  it('stops when cancelled, leaving nothing behind, and says so', async () => {
    const before = fs.readdirSync(c.out);
    const abort = new AbortController();
    abort.abort();
    const failure = await c.api.exportBundle({ outDir: c.out }, { signal: abort.signal }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect(failure).toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(c.out)).toEqual(before);
  });
});
