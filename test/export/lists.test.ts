import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSelection } from '../../shared/api.ts';
import { UserError } from '../../shared/errors.ts';
import { exportCase, type ExportCase } from '../fixtures/export-case.ts';
import { docxTableRows, pagesText, parseCsv, qpdfCheck } from '../fixtures/export-reading.ts';

const HEADER = ['Exhibit No.', 'Description', 'Date', 'Bates Range', 'Date Identified', 'Date Admitted'];
const TRICKY_TITLE = '=Photo, "north" side';

let c: ExportCase;

beforeAll(async () => {
  c = await exportCase();
  await c.api.updateExhibit({ exhibit: 'PX-003', edit: { title: TRICKY_TITLE } });
});

afterAll(() => c.api.close());

async function csvRows(select?: ExportSelection): Promise<string[][]> {
  const { files } = await c.api.exportList({ outDir: c.out, format: 'csv', select });
  const bytes = fs.readFileSync(files[0]!.path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

describe('the exhibit list', () => {
  it('lists every exhibit family once as a CSV row, with quoting, formulas defused, and no Bates numbers yet', async () => {
    const rows = await csvRows();
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['PX-001', 'PX-002', 'PX-003', 'PX-004', 'PX-005', 'PX-006']);
    expect(rows.slice(1).every((r) => r.length === HEADER.length && r[3] === '' && r[4] === '' && r[5] === '')).toBe(true);
    expect(rows[3]![1]).toBe(`'${TRICKY_TITLE}`);
    expect(rows[2]).toEqual(['PX-002', 'Installation in Suzhou – approval (attachments: PX-002.1 approval.pdf)', '2023-03-14', '', '', '']);
  });

  it('will not write into the case vault', async () => {
    const vault = path.join(c.dir, 'vault');
    await expect(c.api.exportList({ outDir: path.join(vault, 'exports'), format: 'csv' })).rejects.toThrow('Choose a folder outside the case vault to export to.');
    expect(fs.existsSync(path.join(vault, 'exports'))).toBe(false);
  });

  it('selects by tag, by paragraph and by number, bringing an attachment’s whole family, in number order', async () => {
    const numbers = async (select: ExportSelection) => (await csvRows(select)).slice(1).map((r) => r[0]);
    expect(await numbers({ by: 'tag', tag: 'Contract' })).toEqual(['PX-001', 'PX-002']);
    expect(await numbers({ by: 'paragraph', paragraph: 6 })).toEqual(['PX-002']);
    expect(await numbers({ by: 'numbers', ranges: [{ from: 4, to: 5 }, { from: 1, to: 1 }], exhibits: ['PX-002.1'] })).toEqual(['PX-001', 'PX-002', 'PX-004', 'PX-005']);
    await expect(c.api.exportList({ outDir: c.out, format: 'csv', select: { by: 'tag', tag: 'Nope' } })).rejects.toThrow(/No tag "Nope"/);
    const select = { by: 'numbers' as const, ranges: [{ from: 50, to: 60 }], exhibits: [] };
    const none = await c.api.exportList({ outDir: c.out, format: 'csv', select }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(UserError);
    expect((none as UserError).message).toBe('No exhibits match the numbers 50-60.');
  });

  it('takes the Bates ranges from the latest bundle or stamped export', async () => {
    await c.api.exportStamped({ outDir: c.out, bates: { prefix: 'OLD', digits: 4 } });
    const bundle = await c.api.exportBundle({ outDir: c.out, bates: { prefix: 'BES', digits: 6 } });
    const manifest = JSON.parse(fs.readFileSync(bundle.manifest, 'utf8')) as { exhibits: { exhibitNo: string; bates: { first: string; last: string } }[] };
    const ranges = manifest.exhibits.map((e) => [e.exhibitNo, e.bates.first === e.bates.last ? e.bates.first : `${e.bates.first} – ${e.bates.last}`]);
    expect((await csvRows()).slice(1).map((r) => [r[0], r[3]])).toEqual(ranges);
    expect(ranges[0]).toEqual(['PX-001', 'BES000001 – BES000003']);
  });

  it('writes the same rows to a Word table and a PDF', async () => {
    const csv = await csvRows();
    const docx = await c.api.exportList({ outDir: c.out, format: 'docx' });
    expect(docx.files[0]!.pages).toBeNull();
    const rows = await docxTableRows(docx.files[0]!.path);
    expect(rows).toEqual(csv.map((r, i) => (i === 3 ? r.map((cell) => cell.replace(/^'/, '')) : r)));
    const pdf = await c.api.exportList({ outDir: c.out, format: 'pdf' });
    expect(qpdfCheck(pdf.files[0]!.path)).toMatch(/No syntax or stream encoding errors/);
    const text = pagesText(pdf.files[0]!.path).join('\n');
    for (const header of HEADER) expect(text).toContain(header);
    for (const row of csv.slice(1)) expect(text).toMatch(new RegExp(`${row[0]}\\s.*${row[3]}`));
  });
});

describe('the proof chart', () => {
  const expectations = [
    'Cause of action 1: Misappropriation of Trade Secrets',
    'Cause of action 2: Breach of Contract',
    'PX-001 at 2–3 (BES000002–BES000003) Award notice',
    '“Contract awarded”',
    'PX-002.1 at 1 (BES000005) approval',
    'Note: The approval itself',
    'PX-005 at 2 (BES000011) 5 install',
    'Contradicts',
  ];

  it('prints each cause of action and paragraph with its evidence as pinpoint cites, as PDF', async () => {
    const { files } = await c.api.exportProofChart({ outDir: c.out, format: 'pdf' });
    expect(qpdfCheck(files[0]!.path)).toMatch(/No syntax or stream encoding errors/);
    // In the order it is drawn, a cell's wrapped lines follow one another.
    const text = pagesText(files[0]!.path, 'raw').join('\n').replace(/\s+/g, ' ');
    for (const e of expectations) expect(text).toContain(e);
    for (let n = 1; n <= 10; n++) expect(text).toMatch(new RegExp(`¶ ?${n} `));
    expect(text.match(/No evidence linked/g)).toHaveLength(7);
  });

  it('and as a Word table, a heading row per cause, a row per evidence link or unsupported paragraph', async () => {
    const { files } = await c.api.exportProofChart({ outDir: c.out, format: 'docx' });
    const rows = await docxTableRows(files[0]!.path);
    expect(rows[0]).toEqual(['¶', 'Allegation', 'Evidence', 'Stance', 'Quoted passage and note']);
    expect(rows.filter((r) => r.length === 1).map((r) => r[0])).toEqual([
      'General allegations',
      'Cause of action 1: Misappropriation of Trade Secrets, 18 U.S.C. § 1836',
      'Cause of action 2: Breach of Contract',
    ]);
    const text = rows.map((r) => r.join(' | ')).join('\n');
    for (const e of expectations) expect(text).toContain(e);
    expect(rows.find((r) => r[0] === '¶ 6')).toEqual([
      '¶ 6',
      expect.stringMatching(/^On March 28, 2017/),
      'PX-002.1 at 1 (BES000005) approval',
      'Supports',
      '“Data Exchange System” Note: The approval itself',
    ]);
  });
});

describe('the proof chart with a chronology', () => {
  it('lists the facts tied to a paragraph under its evidence, in date order, with their cites', async () => {
    await c.api.addFact({ statement: 'BES asks for written approval', date: '28 March 2017', paragraphs: [6], source: { exhibit: 'PX-002.1', pageFrom: 1 } });
    await c.api.addFact({ statement: 'An earlier meeting about the approval', date: 'March 2017', paragraphs: [6] });
    const { files } = await c.api.exportProofChart({ outDir: c.out, format: 'docx' });
    const rows = await docxTableRows(files[0]!.path);
    const at = rows.findIndex((r) => r[0] === '¶ 6');
    expect(rows.slice(at + 1, at + 3)).toEqual([
      ['', '', 'No source', 'Fact', 'Mar 2017: An earlier meeting about the approval'],
      ['', '', 'PX-002.1 at 1', 'Fact', '28 Mar 2017: BES asks for written approval'],
    ]);
  });
});
