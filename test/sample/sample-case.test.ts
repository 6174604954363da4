import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { buildSampleCase, SAMPLE_DOCUMENTS_DIR, type SampleCaseSummary } from '../../electron/core/sample/build-sample-case.ts';
import { allExhibits, DEFAULT_RESOURCES, loadSampleCase } from '../../electron/core/sample/sample-definition.ts';
import { parseBlocks } from '../../electron/core/sample/source-blocks.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { cli } from '../fixtures/cli.ts';

const dir = path.join(tempDir('sample-'), 'BES v Huawei');
let summary: SampleCaseSummary;
let api: CaseApi;

/** sha256 of every file the build generated, by name. */
function generatedFiles(caseDir: string): Record<string, string> {
  const documents = path.join(caseDir, SAMPLE_DOCUMENTS_DIR);
  return Object.fromEntries(
    fs
      .readdirSync(documents)
      .sort()
      .map((name) => [name, createHash('sha256').update(fs.readFileSync(path.join(documents, name))).digest('hex')]),
  );
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const complaintFile = () => path.join(dir, SAMPLE_DOCUMENTS_DIR, loadSampleCase().complaint.file);

beforeAll(async () => {
  const started = performance.now();
  summary = await buildSampleCase(dir);
  // Seconds, not minutes, since a first run opens on it: about 4 s on an idle machine, the bound leaves room for a busy one.
  expect(performance.now() - started).toBeLessThan(45_000);
  api = createCaseApi({ dir });
});

afterAll(() => api?.close());

describe('the sample case', () => {
  it('imports every exhibit, in order, of several kinds, with a family for the emailed letter', async () => {
    const exhibits = await api.listExhibits({});
    expect(exhibits.map((e) => [e.exhibitNo, e.kind, e.pages])).toEqual([
      ['PX-001', 'pdf', 3],
      ['PX-002', 'pdf', 3],
      ['PX-003', 'pdf', 1],
      ['PX-004', 'pdf', 2],
      ['PX-005', 'email', null],
      ['PX-006', 'email', null],
      ['PX-007', 'email', null],
      ['PX-007.1', 'pdf', 1],
      ['PX-008', 'pdf', 2],
      ['PX-009', 'pdf', 3],
      ['PX-010', 'pdf', 2],
      ['PX-011', 'html', null],
      ['PX-012', 'pdf', 3],
      ['PX-013', 'pdf', 2],
    ]);
    expect(exhibits).toHaveLength(allExhibits(loadSampleCase()).length);
    expect(exhibits.find((e) => e.exhibitNo === 'PX-007.1')!.parentId).toBe(exhibits.find((e) => e.exhibitNo === 'PX-007')!.id);
    // Titles come from the files themselves: PDF metadata, the decoded email subject (RFC 2047, with its dash).
    expect(exhibits[4]!.title).toBe('DES installation in Suzhou – written approval from PPIC3 needed first');
    expect(exhibits[4]!.from).toBe('Nadia Qureshi <nadia.qureshi@bes-llc.example>');
    expect(exhibits[4]!.date).toBe('2017-03-28T16:42:00.000Z');
    expect(exhibits.filter((e) => e.warnings.length > 0).map((e) => e.exhibitNo)).toEqual(['PX-012']);
    expect(summary.exhibits.map((e) => e.exhibitNo)).toEqual(exhibits.map((e) => e.exhibitNo));
  });

  it('is the same, byte for byte, each time it is built, down to the audit log', async () => {
    const other = path.join(tempDir('sample-again-'), 'BES v Huawei');
    const run = await cli('sample', other, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const again = JSON.parse(run.stdout) as SampleCaseSummary;
    expect(again.exhibits).toEqual(summary.exhibits);
    expect(generatedFiles(other)).toEqual(generatedFiles(dir));
    expect(Object.keys(generatedFiles(dir))).toHaveLength(14); // 13 exhibit files and the complaint

    const second = createCaseApi({ dir: other });
    try {
      // Entries name the folder they were imported from, so the folders are set aside; the hashes chain those names.
      const entries = async (a: CaseApi, folder: string) =>
        (await a.auditLog({ limit: 100_000 })).map(({ hash: _, ...entry }) => JSON.stringify(entry).replaceAll(folder, 'CASE'));
      const ours = await entries(api, dir);
      expect(await entries(second, other)).toEqual(ours);
      expect(ours.length).toBeGreaterThan(100);
    } finally {
      second.close();
    }
  });

  it('refuses to build over a folder that holds a case, in one plain line', async () => {
    const run = await cli('sample', dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/already holds a case/)]);
  });

  it('parses the complaint into its four causes of action and all 67 paragraphs, as written', async () => {
    const { causes, paragraphs } = await api.listAllegations({});
    expect(causes.map((c) => c.title)).toEqual([
      'Misappropriation of Trade Secrets Under the Defend Trade Secrets Act, 18 U.S.C. § 1836 et seq.',
      'Misappropriation of Trade Secrets Under the California Uniform Trade Secrets Act, Cal. Civ. Code § 3426 et seq.',
      'Breach of Contract',
      'Unfair Competition, Cal. Bus. & Prof. Code § 17200 et seq.',
    ]);
    expect(paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 67 }, (_, i) => i + 1));
    const causeOf = (n: number) => causes.findIndex((c) => c.id === paragraphs[n - 1]!.causeId) + 1;
    expect([47, 48, 54, 55, 59, 60, 64, 65, 67].map(causeOf)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    // Every paragraph reads as in the source, including those that run over a page break.
    const source = parseBlocks(fs.readFileSync(path.join(DEFAULT_RESOURCES, loadSampleCase().complaint.source), 'utf8'));
    const written = source.flatMap((b) => (b.type === 'numbered' ? [normalise(b.text)] : [])).slice(0, 67);
    expect(paragraphs.map((p) => normalise(p.text))).toEqual(written);
  });

  it('has a complaint of 8–12 pages that imports without a warning', async () => {
    const scratch = newCase();
    try {
      expect(await scratch.api.importAllegations({ path: complaintFile() })).toEqual({ causes: 4, paragraphs: 67, warnings: [] });
      const { imported } = await scratch.api.importFiles({ paths: [complaintFile()] });
      expect(imported[0]!.pages).toBeGreaterThanOrEqual(8);
      expect(imported[0]!.pages).toBeLessThanOrEqual(12);
    } finally {
      scratch.api.close();
    }
  });

  it('finds "Suzhou" on the pages and in the emails that mention it, and nowhere else', async () => {
    const found = await api.search({ query: 'Suzhou' });
    // Counsel's note on PX-002 mentions it too, and is found first.
    expect(found.filter((h) => h.source === 'note').map((h) => [h.exhibitNo, h.page, h.note?.author])).toEqual([['PX-002', 2, 'Dana Whitfield']]);
    const hits = found.filter((h) => h.source !== 'note');
    const places = [...new Set(hits.filter((h) => h.page !== null).map((h) => `${h.exhibitNo} p.${h.page}`))].sort();
    expect(places).toEqual(['PX-007.1 p.1', 'PX-008 p.1', 'PX-008 p.2', 'PX-013 p.2']);
    const exhibits = [...new Set(hits.map((h) => h.exhibitNo))].sort();
    expect(exhibits).toEqual(['PX-005', 'PX-006', 'PX-007', 'PX-007.1', 'PX-008', 'PX-013']);
  });

  it('lists in the gap view exactly the paragraphs left without supporting evidence', async () => {
    const gaps = (await api.unsupportedParagraphs({})).map((p) => p.number);
    // 23 and 32 are linked only for context, which does not support them.
    expect(gaps).toEqual([1, 4, 6, 8, 9, 10, 11, 18, 23, 25, 30, 32, 38, 39, 48, 53, 54, 55, 58, 59, 60, 64, 65, 66, 67]);
    expect(summary.unsupportedParagraphs).toEqual(gaps);
  });

  it('marks the scanned page of the 2020 indictment summary as having no text layer, and reads it by OCR', async () => {
    const { exhibit } = await api.getExhibit({ exhibit: 'PX-012' });
    expect(exhibit.textLayer).toBe(false);
    expect(exhibit.ocr).toBe(true);
    expect(exhibit.warnings).toEqual([expect.stringMatching(/No text layer on pages 3\b/)]);
    expect((await api.pageText({ exhibit: 'PX-012', page: 3 })).text).toBe('');
    expect((await api.pageText({ exhibit: 'PX-012', page: 2 })).text).toMatch(/scanned copy of a page of the court’s public docket/);
    const hits = await api.search({ query: 'arraignment' });
    expect(hits.map((h) => [h.exhibitNo, h.page, h.source])).toEqual([['PX-012', 3, 'ocr']]);
  });

  it('designates the design document Highly Confidential – AEO, and two others confidential', async () => {
    const exhibits = await api.listExhibits({});
    const designated = exhibits.filter((e) => e.confidentiality !== 'none').map((e) => [e.exhibitNo, e.confidentiality]);
    expect(designated).toEqual([
      ['PX-002', 'confidential'],
      ['PX-004', 'highly_confidential_aeo'],
      ['PX-008', 'confidential'],
    ]);
    expect((await api.pageText({ exhibit: 'PX-004', page: 2 })).text).toContain('HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY');
  });

  it('tags the exhibits in colour', async () => {
    const tags = await api.listTags({});
    expect(tags.map((t) => [t.name, t.color, t.exhibitCount]).sort()).toEqual([
      ['backdoor', '#6c3483', 2],
      ['contract', '#1f618d', 7],
      ['national security', '#b9770e', 4],
      ['public record', '#1e8449', 5],
      ['trade secrets', '#b03a2e', 7],
    ]);
  });

  it('cites every quote where it stands: on the cited pages of a PDF, in the text of an email or web page', async () => {
    const { paragraphs } = await api.listAllegations({});
    const links = (await Promise.all(paragraphs.map((p) => api.evidenceForParagraph({ paragraph: p.number })))).flat();
    expect(links).toHaveLength(loadSampleCase().evidence.length);
    expect(new Set(links.map((l) => l.stance))).toEqual(new Set(['supports', 'context', 'contradicts']));
    for (const link of links) {
      expect(link.quote, link.cite).not.toBeNull();
      if (link.pageFrom !== null) {
        let text = '';
        for (let page = link.pageFrom; page <= link.pageTo!; page++) {
          text += ` ${(await api.pageText({ exhibit: link.exhibitNo, page })).text}`;
        }
        expect(normalise(text), `${link.cite} for ¶ ${link.paragraphNo}`).toContain(normalise(link.quote!));
      } else {
        const phrase = link.quote!.match(/[\p{L}\p{N}]+/gu)!.join(' ');
        const hits = await api.search({ query: `"${phrase}"` });
        expect(hits.map((h) => h.exhibitNo), `${link.cite} for ¶ ${link.paragraphNo}`).toContain(link.exhibitNo);
      }
    }
  });

  it('highlights each annotation over its quote, and links some evidence to them', async () => {
    const annotations = (await Promise.all((await api.listExhibits({})).map((e) => api.listAnnotations({ exhibit: e.exhibitNo })))).flat();
    expect(annotations).toHaveLength(5);
    for (const a of annotations) {
      expect(a.rects.length).toBeGreaterThan(0);
      for (const r of a.rects) {
        expect(r.x).toBeGreaterThanOrEqual(72);
        expect(r.x + r.width).toBeLessThanOrEqual(540.5);
        expect(r.y).toBeGreaterThan(0);
        expect(r.y + r.height).toBeLessThan(792);
      }
    }
    // A passage over three lines gets three rectangles, one under the other.
    const residency = annotations.find((a) => a.quote?.startsWith('No system, software or data'))!;
    expect(residency.rects).toHaveLength(3);
    expect(residency.rects.map((r) => r.y)).toEqual([...residency.rects.map((r) => r.y)].sort((a, b) => a - b));
    const linked = (await api.evidenceForParagraph({ paragraph: 17 })).find((l) => l.annotationId !== null);
    expect(linked?.annotationId).toBe(residency.id);
  });

  it('writes emails as RFC 5322 messages: CRLF lines of at most 78 characters, fixed ids and dates', async () => {
    const documents = path.join(dir, SAMPLE_DOCUMENTS_DIR);
    const emails = fs.readdirSync(documents).filter((n) => n.endsWith('.eml'));
    expect(emails).toHaveLength(3);
    for (const name of emails) {
      const raw = fs.readFileSync(path.join(documents, name), 'latin1');
      expect(raw.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      for (const line of raw.split('\r\n')) expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(78);
      expect(raw).toMatch(/^Message-ID: <[^>]+@[\w.-]+>$/m);
      expect(raw).not.toMatch(/[^\x00-\x7f]/);
    }
    const first = fs.readFileSync(path.join(documents, emails.find((n) => n.startsWith('2017-03-28'))!), 'latin1');
    expect(first).toMatch(/^Date: Tue, 28 Mar 2017 09:42:00 -0700$/m);
    expect(first).toMatch(/^Subject: =\?UTF-8\?Q\?DES_installation_in_Suzhou_=E2=80=93/m);
  });
});
