import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress, ImportReport } from '../../shared/model.ts';
import type { CaseApi } from '../../electron/core/api.ts';
import { sha256Of } from '../../electron/core/vault/vault.ts';
import { newCase } from '../fixtures/case.ts';
import { xlsx } from '../fixtures/sheets.ts';
import { removeTempDirs, writeVolume, type DatFormat, type GeneratedVolume } from './volume-fixture.ts';

const opened: CaseApi[] = [];
afterAll(() => {
  for (const api of opened) api.close();
  removeTempDirs();
});

/** The fixture volume with real spreadsheets for its natives and page-per-form-feed text for its three-page document. */
function volume(format: DatFormat): GeneratedVolume {
  const v = writeVolume(format);
  const natives = path.join(v.root, 'NATIVES', '0001');
  fs.writeFileSync(path.join(natives, 'ABC0000009.xlsx'), xlsx([{ name: 'Budget', rows: [['Item', 'Amount'], ['Widgets', 42]] }]));
  fs.writeFileSync(path.join(natives, 'ABC0000012.xlsx'), xlsx([{ name: 'Ledger', rows: [['Gizmos', 7]] }]));
  fs.writeFileSync(path.join(v.root, 'Text', '0001', 'abc0000006.TXT'), 'first page words\fsecond page zebra\fthird page\f');
  return v;
}

function caseApi(): CaseApi {
  const { api } = newCase();
  opened.push(api);
  return api;
}

const byBates = (report: ImportReport, beg: string) => report.imported.find((i) => i.path.endsWith(`#${beg}`))!;

describe('importing a production volume', () => {
  const api = caseApi();
  let v: GeneratedVolume;
  let report: ImportReport;
  const progress: ImportProgress[] = [];

  beforeAll(async () => {
    v = volume('utf8-bom');
    report = await api.importProduction({ path: v.root, producingParty: 'Acme Corp.' }, { onProgress: (p) => progress.push(p) });
  });

  it('makes each valid document an exhibit, in load-file order, families rebuilt', async () => {
    expect(report.cancelled).toBe(false);
    expect(report.imported.map((i) => [i.path.split('#')[1], i.exhibitNo, i.kind, i.pages])).toEqual([
      ['ABC0000001', 'PX-001', 'pdf', 2],
      ['ABC0000003', 'PX-001.1', 'pdf', 1],
      ['ABC0000004', 'PX-001.2', 'pdf', 2],
      ['ABC0000006', 'PX-002', 'pdf', 3],
      ['ABC0000009', 'PX-003', 'document', 1],
      ['ABC0000012', 'PX-004', 'document', 1],
    ]);
    const email = byBates(report, 'ABC0000001');
    expect(byBates(report, 'ABC0000003').parentId).toBe(email.id);
    expect(byBates(report, 'ABC0000004').parentId).toBe(email.id);
    expect(byBates(report, 'ABC0000006').parentId).toBeNull();
    expect((await api.getExhibit({ exhibit: 'PX-001' })).children.map((c) => c.exhibitNo)).toEqual(['PX-001.1', 'PX-001.2']);
    expect(progress.at(-1)).toEqual({ done: 6, total: 6, current: null });
  });

  it('reports every bad row by its load file and line, and imports the rest', () => {
    const failed = report.failed.map((f) => `${path.basename(f.path)} ${f.error}`);
    expect(failed).toEqual([
      expect.stringMatching(/^VOL001\.dat line 8: the page image .*ABC0000010\.TIF of ABC0000010 \(OPT line 10\) is missing$/),
      'VOL001.dat line 9 has 9 fields; the header names 11',
      'VOL001.dat line 11: ENDBATES ABC0000014 but the images end at ABC0000013',
      'VOL001.opt line 11: the images of ABC0000011 (1 page) have no row in the DAT',
    ]);
  });

  it('keeps the Bates range, volume, producing party and every field of the row', async () => {
    const d = (await api.getExhibit({ exhibit: 'PX-001.2' }));
    expect(d.production).toEqual({
      begBates: 'ABC0000004',
      endBates: 'ABC0000005',
      volume: 'VOL001',
      producingParty: 'Acme Corp.',
      fields: {
        BEGBATES: 'ABC0000004',
        ENDBATES: 'ABC0000005',
        BEGATTACH: 'ABC0000001',
        ENDATTACH: 'ABC0000005',
        CUSTODIAN: 'Jane Roe',
        DATESENT: '2021-03-04',
        FROM: 'jane@example.com',
        SUBJECT: 'Attachment two',
        NOTES: '',
        TEXTPATH: 'TEXT\\0001\\ABC0000004.txt',
        NATIVEPATH: '',
      },
    });
    expect(d.exhibit).toMatchObject({ title: 'Attachment two', subject: 'Attachment two', date: '2021-03-04', from: 'jane@example.com', textLayer: false });
    const three = (await api.getExhibit({ exhibit: 'PX-002' })).exhibit;
    expect(three.title).toBe('Re: café “budget” second line');
    expect(three.subject).toBe('Re: café “budget”\nsecond line');
    expect((await api.getExhibit({ exhibit: 'PX-003' })).production?.fields.NOTES).toBe('slip sheet');
  });

  it('stores the produced text as the pages’ text, split on form feeds, so search finds it', async () => {
    expect((await api.pageText({ exhibit: 'PX-002', page: 2 })).text).toBe('second page zebra');
    expect((await api.pageText({ exhibit: 'PX-001', page: 1 })).text).toBe('Text of ABC0000001');
    expect((await api.pageText({ exhibit: 'PX-001', page: 2 })).text).toBe('');
    const zebra = await api.search({ query: 'zebra' });
    expect(zebra.map((h) => [h.exhibitNo, h.page, h.source])).toEqual([['PX-002', 2, 'page']]);
    // The native's own text: the spreadsheet's cells, a sheet a page.
    expect((await api.search({ query: 'Widgets' })).map((h) => h.exhibitNo)).toEqual(['PX-003']);
    // Fields kept only in the production source are searchable too: the custodian, the notes, the Bates numbers.
    expect((await api.search({ query: 'Roe' })).map((h) => h.exhibitNo).sort()).toEqual(['PX-001', 'PX-001.1', 'PX-001.2', 'PX-002', 'PX-003', 'PX-004']);
    expect((await api.search({ query: '"slip sheet"' })).map((h) => [h.exhibitNo, h.source])).toEqual([['PX-003', 'metadata']]);
    expect((await api.search({ query: 'ABC0000005' })).map((h) => h.exhibitNo)).toEqual(['PX-001.2']);
  });

  it('keeps every page image in the vault unchanged, and the native’s image rendition beside it', async () => {
    // Every image but those of the rows left out (ABC0000011 has no row, ABC0000013's row is wrong).
    const images = fs.readdirSync(path.join(v.root, 'images', '0001')).filter((f) => !/ABC000001[13]/.test(f));
    expect(images.length).toBe(9);
    for (const f of images) {
      const bytes = fs.readFileSync(path.join(v.root, 'images', '0001', f));
      const file = api.original(sha256Of(bytes));
      expect(file, f).not.toBeNull();
    }
    const verify = await api.verify({});
    expect(verify.ok).toBe(true);
    // 6 exhibits, 9 page images, 1 rendition (the spreadsheet with a slip sheet); the native-only one has none.
    expect(verify.checked).toBe(16);
    for (const f of ['ABC0000011.tif', 'ABC0000013.tif']) expect(api.original(sha256Of(fs.readFileSync(path.join(v.root, 'images', '0001', f))))).toBeNull();
    const sheet = (await api.getExhibit({ exhibit: 'PX-003' })).exhibit;
    expect(sheet.sourceName).toBe('ABC0000009.xlsx');
  });

  it('audits each exhibit and the volume', async () => {
    const log = await api.auditLog({});
    expect(log.filter((e) => e.action === 'exhibit.import')).toHaveLength(6);
    const volumeEntry = log.find((e) => e.action === 'production.import')!;
    expect(volumeEntry.after).toMatchObject({ volume: 'VOL001', imported: 6, failed: 4, producingParty: 'Acme Corp.' });
  });

  it('adds nothing when the same volume is imported again', async () => {
    const again = await api.importProduction({ path: v.root });
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => [d.path.split('#')[1], d.existingId])).toEqual(report.imported.map((i) => [i.path.split('#')[1], i.id]));
    expect((await api.listExhibits({})).length).toBe(6);
  });

  it('assembles the same PDF from the same images in another case', async () => {
    const other = caseApi();
    const second = await other.importProduction({ path: v.root });
    expect(second.imported.map((i) => i.sha256)).toEqual(report.imported.map((i) => i.sha256));
  });
});

describe('production load files in other encodings', () => {
  for (const format of ['utf16le-bom', 'cp1252', 'csv'] as const) {
    it(`imports a volume whose DAT is ${format}`, async () => {
      const api = caseApi();
      const report = await api.importProduction({ path: volume(format).root });
      expect(report.imported).toHaveLength(6);
      expect((await api.getExhibit({ exhibit: 'PX-002' })).exhibit.subject).toBe('Re: café “budget”\nsecond line');
      expect((await api.getExhibit({ exhibit: 'PX-001.1' })).production?.begBates).toBe('ABC0000003');
    });
  }
});

describe('inspecting, the field map, progress and cancelling', () => {
  it('previews a volume without importing it, and keeps the changes to the field map an import used for the next volume', async () => {
    const api = caseApi();
    const v = volume('utf8');
    const preview = (await api.inspectProduction({ path: v.root }));
    expect(preview).toMatchObject({ volume: 'VOL001', documents: 6, pages: 9, families: 1, optFile: v.optFile });
    expect(preview.fieldMap.custodian).toBe('CUSTODIAN');
    expect(preview.problems).toHaveLength(4);
    expect((await api.listExhibits({}))).toEqual([]);
    expect(preview.samples[preview.fields.indexOf('NOTES')]).toBe('first second');
    // NOTES read as the title, CUSTODIAN kept as a custom field: what was changed from the usual names is kept with the
    // case, by column name, and applies to the next volume that has those columns, whatever else it names differently.
    await api.importProduction({ path: v.root, fieldMap: { ...preview.fieldMap, title: 'NOTES', custodian: '' } });
    const slip = await api.getExhibit({ exhibit: 'PX-003' });
    expect(slip.exhibit.title).toBe('slip sheet');
    expect(slip.production?.fields.CUSTODIAN).toBe('Jane Roe');
    expect((await api.search({ query: 'Roe' })).map((h) => h.exhibitNo)).toContain('PX-003');
    const again = await api.inspectProduction({ path: v.root });
    expect([again.fieldMap.title, again.fieldMap.custodian]).toEqual(['NOTES', undefined]);
    const other = await api.inspectProduction({ path: volume('csv').root });
    expect([other.fieldMap.title, other.fieldMap.custodian, other.fieldMap.begBates]).toEqual(['Notes', undefined, 'Beg Bates']);
    // Going back to the usual names drops the choice.
    await api.importProduction({ path: volume('csv').root, fieldMap: { ...other.fieldMap, custodian: 'Custodian' } });
    expect((await api.inspectProduction({ path: v.root })).fieldMap.custodian).toBe('CUSTODIAN');
  });

  it('stops between documents when cancelled, keeping the documents stored whole', async () => {
    const api = caseApi();
    const abort = new AbortController();
    const report = await api.importProduction(
      { path: volume('utf8').root },
      { signal: abort.signal, onProgress: (p) => (p.done === 2 ? abort.abort() : undefined) },
    );
    expect(report.cancelled).toBe(true);
    expect(report.imported.map((i) => i.exhibitNo)).toEqual(['PX-001', 'PX-001.1']);
    expect((await api.listExhibits({})).length).toBe(2);
  });
});
