// Issue 23 through the core: an exhibit carrying four numbers and found by each, filings whose labels survive a
// renumber and a later filing citing them by docket number, the letter scheme, the AO 187 list read back from Word,
// and the jury's copy as JERS names it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import type { Designation } from '../../shared/model.ts';
import { AO_187_COLUMNS } from '../../electron/core/export/trial-list.ts';
import { letterIndex, letterLabel, partyOfLabel } from '../../electron/core/numbers/schemes.ts';
import { exportCase, type ExportCase } from '../fixtures/export-case.ts';
import { docxTableRows, pagesText, parseCsv } from '../fixtures/export-reading.ts';
import { removeTempDirs, writeVolume } from '../production/volume-fixture.ts';

let c: ExportCase;
/** The exhibit received in the production as ABC0000006 – ABC0000008. */
let produced: string;

beforeAll(async () => {
  c = await exportCase();
  const report = await c.api.importProduction({ path: writeVolume('utf8').root, producingParty: 'Acme Corp.' });
  produced = report.imported.find((i) => i.title.startsWith('Re: café'))!.exhibitNo;
}, 60_000);

afterAll(() => {
  c.api.close();
  removeTempDirs();
});

const kinds = (ds: Designation[]) => ds.map((d) => `${d.kind}: ${d.cite}`);
const foundBy = async (query: string) => (await c.api.search({ query })).filter((h) => h.source === 'metadata').map((h) => h.exhibitNo);
const listedBy = async (designation: string) => (await c.api.listExhibits({ designation })).map((e) => e.exhibitNo);

describe('designations', () => {
  it('gives an exhibit four numbers, shows them all, and finds it by each', async () => {
    await c.api.addDesignation({ exhibit: produced, kind: 'deposition', label: 'Smith Dep. Ex. 4', witness: 'John Smith', date: '2024-03-05' });
    await c.api.addDesignation({ exhibit: produced, kind: 'trial', label: 'PX 12' });
    const filed = await c.api.exportStamped({ outDir: c.out, select: { by: 'numbers', ranges: [], exhibits: [produced] }, filing: { title: 'Opposition to summary judgment', labels: 'letters' } });
    expect(filed.filing!.exhibits.map((e) => [e.exhibitNo, e.label])).toEqual([[produced, 'A']]);
    await c.api.docketFiling({ filing: 'Opposition to summary judgment', number: '88', firstAttachment: 4 });

    const { designations, exhibit } = await c.api.getExhibit({ exhibit: produced });
    expect(kinds(designations)).toEqual(['trial: PX 12', 'deposition: Smith Dep. Ex. 4', 'filing: Dkt. 88-4, Ex. A', 'production: ABC0000006']);
    expect(designations.find((d) => d.kind === 'production')).toMatchObject({ id: null, label: 'ABC0000006 – ABC0000008', source: 'Production VOL001 (Acme Corp.)', frozen: true });
    expect(designations.find((d) => d.kind === 'deposition')).toMatchObject({ witness: 'John Smith', date: '2024-03-05', source: 'Deposition of John Smith, 2024-03-05' });

    for (const query of ['Smith Dep. Ex. 4', 'smith dep ex 4', 'PX 12', 'PX-12', 'Dkt. 88-4', 'Dkt. 88-4, Ex. A', 'ABC0000007']) {
      expect(await foundBy(query), query).toEqual([exhibit.exhibitNo]);
      expect((await c.api.search({ query }))[0]!.exhibitNo, query).toBe(exhibit.exhibitNo);
    }
    for (const designation of ['Smith Dep. Ex. 4', 'Smith Dep', 'PX 12', 'Dkt. 88-4', 'ABC0000008']) expect(await listedBy(designation), designation).toEqual([exhibit.exhibitNo]);
    expect((await c.api.countMatches({ query: 'Smith Dep. Ex. 4' })).matches).toBeGreaterThanOrEqual(1);
    // A word that only begins a label is not a number: no hit by number for "Smith" alone.
    expect(await foundBy('Smith')).not.toContain(exhibit.exhibitNo);
    // The grid's list carries them, and any of them names the exhibit.
    const listed = (await c.api.listExhibits({})).find((e) => e.id === exhibit.id)!;
    expect(listed.designations!.map((d) => d.cite)).toEqual(['PX 12', 'Smith Dep. Ex. 4', 'Dkt. 88-4, Ex. A', 'ABC0000006']);
    expect((await c.api.getExhibit({ exhibit: 'Smith Dep. Ex. 4' })).exhibit.id).toBe(exhibit.id);
    expect((await c.api.listExhibits({})).find((e) => e.exhibitNo === 'PX-003')!.designations).toBeUndefined();
  });

  it('refuses a trial number another exhibit has, and a second one for the same party', async () => {
    await expect(c.api.addDesignation({ exhibit: 'PX-001', kind: 'trial', label: 'px-012' })).rejects.toThrow(/already the trial number of/);
    await expect(c.api.addDesignation({ exhibit: produced, kind: 'trial', label: 'PX 13' })).rejects.toThrow(/already has a plaintiff's trial number/);
    const dx = await c.api.addDesignation({ exhibit: produced, kind: 'trial', label: 'DX 7' });
    expect(dx.party).toBe('defendant');
    expect(await c.api.removeDesignation({ id: dx.id! })).toMatchObject({ label: 'DX 7' });
    const history = (await c.api.getExhibit({ exhibit: produced })).history.map((h) => h.action);
    expect(history.filter((a) => a.startsWith('designation.'))).toEqual(['designation.add', 'designation.add', 'designation.add', 'designation.add', 'designation.remove']);
  });
});

describe('filings', () => {
  it('freezes a filing’s labels: a renumber of the case leaves them, and they cannot be removed', async () => {
    const first = await c.api.exportStamped({ outDir: c.out, select: { by: 'numbers', ranges: [{ from: 1, to: 3 }], exhibits: [] }, filing: { title: 'Motion to dismiss', labels: 'letters' } });
    expect(first.files.map((f) => path.basename(f.path).slice(0, 4))).toEqual(['A – ', 'B – ', 'C – ']);
    expect(pagesText(first.files[1]!.path, 'raw')[0]).toMatch(/EXHIBIT B/);
    const docketed = await c.api.docketFiling({ filing: String(first.filing!.id), number: '45', firstAttachment: 2 });
    expect(docketed.exhibits.map((e) => [e.exhibitNo, e.cite])).toEqual([
      ['PX-001', 'Dkt. 45-2, Ex. A'],
      ['PX-002', 'Dkt. 45-3, Ex. B'],
      ['PX-003', 'Dkt. 45-4, Ex. C'],
    ]);

    const { changed } = await c.api.renumberExhibits({ scheme: { prefix: 'P-', start: 101, padding: 0 } });
    expect(changed.length).toBeGreaterThan(3);
    const after = (await c.api.listFilings({})).find((f) => f.id === first.filing!.id)!;
    expect(after.exhibits.map((e) => [e.exhibitNo, e.label, e.cite])).toEqual([
      ['P-101', 'A', 'Dkt. 45-2, Ex. A'],
      ['P-102', 'B', 'Dkt. 45-3, Ex. B'],
      ['P-103', 'C', 'Dkt. 45-4, Ex. C'],
    ]);
    const frozen = (await c.api.getExhibit({ exhibit: 'P-102' })).designations.find((d) => d.kind === 'filing')!;
    expect(frozen).toMatchObject({ label: 'B', frozen: true });
    const refused = await c.api.removeDesignation({ id: frozen.id! }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).message).toBe("Dkt. 45-3, Ex. B was given by a filing, and a filing's labels do not change.");
  });

  it('cites in a later filing what the first put on the docket, in its index and in the exhibit list', async () => {
    const second = await c.api.exportBundle({ outDir: c.out, select: { by: 'numbers', ranges: [{ from: 102, to: 105 }], exhibits: [] }, filing: { title: 'Reply', labels: 'numbers' } });
    expect(second.filing!.exhibits.map((e) => [e.exhibitNo, e.label])).toEqual([['P-104', '1'], ['P-105', '2']]);
    expect(second.filing!.cited.map((e) => [e.exhibitNo, e.cite])).toEqual([['P-102', 'Dkt. 45-3, Ex. B'], ['P-103', 'Dkt. 45-4, Ex. C']]);
    expect(second.warnings).toContain('P-102 is not filed again: previously filed as Dkt. 45-3, Ex. B.');
    const index = pagesText(second.files[0]!.path).slice(0, 2).join('\n');
    expect(index).toMatch(/Previously filed as Dkt\. 45-3, Ex\. B/);
    expect(index).toMatch(/Previously filed as Dkt\. 45-4, Ex\. C/);

    const list = async (options: object) => {
      const { files } = await c.api.exportList({ outDir: c.out, format: 'csv', select: { by: 'numbers', ranges: [{ from: 101, to: 103 }], exhibits: [] }, ...options });
      return parseCsv(fs.readFileSync(files[0]!.path, 'utf8').slice(1)).slice(1).map((r) => r[0]);
    };
    expect(await list({})).toEqual(['P-101', 'P-102', 'P-103']);
    expect(await list({ citeAlso: ['filing'] })).toEqual(['P-101 (Dkt. 45-2, Ex. A)', 'P-102 (Dkt. 45-3, Ex. B)', 'P-103 (Dkt. 45-4, Ex. C)']);
    const all = await c.api.exportList({ outDir: c.out, format: 'csv', citeBy: 'trial', citeAlso: ['deposition', 'production'] });
    const rows = parseCsv(fs.readFileSync(all.files[0]!.path, 'utf8').slice(1));
    expect(rows.map((r) => r[0])).toContain('PX 12 (Smith Dep. Ex. 4; ABC0000006)');
    // Every exhibit the second filing put on the docket is cited by the third, and none is filed twice.
    await c.api.docketFiling({ filing: 'Reply', number: '51' });
    await expect(c.api.exportStamped({ outDir: c.out, select: { by: 'numbers', ranges: [{ from: 104, to: 105 }], exhibits: [] }, filing: { title: 'Sur-reply', labels: 'letters' } })).rejects.toThrow(
      /already on the docket \(Dkt\. 51-1, Ex\. 1; Dkt\. 51-1, Ex\. 2\)/,
    );
  });
});

describe('numbering schemes', () => {
  it('letters run A–Z, then AA–AZ, BA–BZ … ZZ, AAA, and read back', () => {
    expect([1, 26, 27, 52, 53, 78, 79, 702, 703].map(letterLabel)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'BZ', 'CA', 'ZZ', 'AAA']);
    for (let n = 1; n <= 2000; n++) expect(letterIndex(letterLabel(n))).toBe(n);
    expect(['PX 12', 'PX-012', 'P-3', 'DX 7', 'D-4', 'AB', 'JX3', 'Exhibit 9'].map(partyOfLabel)).toEqual([
      'plaintiff', 'plaintiff', 'plaintiff', 'defendant', 'defendant', 'defendant', 'joint', 'plaintiff',
    ]);
  });

  it('gives a defendant letters after the last it has, Z then AA', async () => {
    await c.api.addDesignation({ exhibit: 'P-101', kind: 'trial', label: 'Y' });
    const added = await c.api.numberTrialExhibits({ party: 'defendant', select: { by: 'numbers', ranges: [{ from: 102, to: 104 }], exhibits: [] } });
    expect(added.map((d) => d.label)).toEqual(['Z', 'AA', 'AB']);
    expect(added.every((d) => d.party === 'defendant')).toBe(true);
  });
});

describe('trial', () => {
  it('marks exhibits at trial (audited, dated, with a witness) and writes the AO 187 list as Word', async () => {
    await c.api.markTrial({ exhibit: 'PX 12', event: 'offered', date: '2026-03-02', witness: 'John Smith' });
    await c.api.markTrial({ exhibit: 'PX 12', event: 'admitted', date: '2026-03-02', witness: 'John Smith' });
    // No trial number yet: it keeps its exhibit number as its plaintiff's number.
    const mark = await c.api.markTrial({ exhibit: 'P-105', event: 'refused', date: '2026-03-03' });
    expect(mark).toMatchObject({ event: 'refused', date: '2026-03-03', witness: null });
    const history = (await c.api.getExhibit({ exhibit: 'PX 12' })).history.filter((h) => h.action.startsWith('trial.'));
    expect(history.map((h) => [h.action, (h.after as { date: string }).date])).toEqual([['trial.offered', '2026-03-02'], ['trial.admitted', '2026-03-02']]);

    const { files } = await c.api.exportTrialList({ outDir: c.out, format: 'docx', caption: { court: 'Central District of California', caseNumber: '8:21-cv-01432' } });
    const rows = await docxTableRows(files[0]!.path);
    expect(rows[0]).toEqual([...AO_187_COLUMNS]);
    const smith = rows.find((r) => r[0] === 'PX 12')!;
    expect(smith.slice(0, 5)).toEqual(['PX 12', '', '2026-03-02', '', '2026-03-02']);
    expect(smith[5]).toMatch(/Witness: John Smith/);
    expect(rows.find((r) => r[0] === 'P-105')!.slice(4)).toEqual(['', expect.stringMatching(/Refused 2026-03-03/)]);
    expect(rows.find((r) => r[1] === 'Z')![0]).toBe('');
    expect(rows).toHaveLength(1 + (await c.api.listTrialExhibits({})).length);
    const preview = await c.api.previewExport({ kind: 'trial-list', args: { outDir: c.out, format: 'docx' } });
    expect([preview.fileName.endsWith('Exhibit and witness list (AO 187).docx'), preview.pages]).toEqual([true, 1]);
  });

  it('cites evidence in the proof chart by trial number, with its filing after it, when asked', async () => {
    const { files } = await c.api.exportProofChart({ outDir: c.out, format: 'docx', citeBy: 'trial', citeAlso: ['filing'] });
    const cells = (await docxTableRows(files[0]!.path)).flat();
    expect(cells.some((cell) => cell.startsWith('Y at 2–3 (Dkt. 45-2, Ex. A)'))).toBe(true);
    const plain = await c.api.exportProofChart({ outDir: c.out, format: 'docx' });
    expect((await docxTableRows(plain.files[0]!.path)).flat().some((cell) => cell.startsWith('P-101 at 2–3'))).toBe(true);
  });

  it('exports the jury’s copy: admitted exhibits only, named 12_description.pdf, with Exhibits.txt a row per file', async () => {
    const jury = await c.api.exportJuryCopy({ outDir: c.out, index: true });
    const names = jury.files.map((f) => path.basename(f.path));
    expect(names).toEqual(['12_re-cafe-budget-second-line.pdf', 'Exhibits.txt']);
    expect(names[0]).toMatch(/^\d+_[a-z0-9-]+\.pdf$/);
    expect(fs.readFileSync(jury.files[1]!.path, 'utf8')).toBe('12|Re: café “budget” second line|12_re-cafe-budget-second-line.pdf\r\n');

    // With a defendant's exhibit admitted too, each side's go in a folder of their own (their numbers may repeat).
    await c.api.markTrial({ exhibit: 'P-101', event: 'admitted', date: '2026-03-04' });
    const both = await c.api.exportJuryCopy({ outDir: c.out, index: true });
    const pdfs = both.files.filter((f) => f.path.endsWith('.pdf'));
    expect(pdfs.map((f) => path.relative(path.dirname(both.manifest), f.path)).sort()).toEqual([
      path.join('Defendant', 'Y_award-notice.pdf'),
      path.join('Plaintiff', '12_re-cafe-budget-second-line.pdf'),
    ]);
    // Stamped with the number it was admitted under and the day (the production's pages are too small to read back).
    expect(pagesText(pdfs.find((f) => f.path.endsWith('Y_award-notice.pdf'))!.path, 'raw')[0]).toMatch(/EXHIBIT Y[\s\S]*Admitted 2026-03-04/);
    const indexes = both.files.filter((f) => path.basename(f.path) === 'Exhibits.txt');
    const rows = indexes.flatMap((f) => fs.readFileSync(f.path, 'utf8').split('\r\n').filter(Boolean).map((r) => path.join(path.dirname(f.path), r.split('|')[2]!)));
    expect(rows.sort()).toEqual(pdfs.map((f) => f.path).sort());
  });
});
