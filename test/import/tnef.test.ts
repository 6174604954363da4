import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tnefExtractor } from '../../electron/core/import/formats/tnef.ts';
import { chooseExtractor } from '../../electron/core/import/registry.ts';
import { UserError } from '../../shared/errors.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { makePdf } from '../fixtures/emails.ts';
import { emailWithWinmail, rtfDocument, tnef } from '../fixtures/tnef.ts';

const hitsFor = async (api: ReturnType<typeof newCase>['api'], query: string) => [...new Set((await api.search({ query })).map((h) => h.exhibitNo))];
const extract = (bytes: Uint8Array, fileName = 'winmail.dat') => tnefExtractor.extract(bytes, { fileName, passwords: [] });

async function winmail(): Promise<Uint8Array> {
  return tnef({
    subject: 'Quarterly reconciliation',
    senderName: 'Dana Assistant',
    senderEmail: 'dana@example.com',
    onBehalfName: 'Chris Principal',
    onBehalfEmail: 'chris@example.com',
    sent: '2021-04-05T08:30:00.000Z',
    rtfBody: rtfDocument(['Please review the figures before Friday.', 'The word to find is marzipan.']),
    attachments: [
      { name: 'ledger.pdf', bytes: await makePdf() },
      { name: 'notes.txt', bytes: Buffer.from('The escrow account was closed on 4 May.\n') },
      { name: 'summary.csv', bytes: Buffer.from('item,amount\nwidgets,1200\n') },
    ],
  });
}

describe('the TNEF (winmail.dat) reader', () => {
  it('reads the message properties, the compressed RTF body and the three attachments', async () => {
    const doc = await extract(await winmail());
    expect(doc).toMatchObject({
      kind: 'email',
      mediaType: 'application/vnd.ms-tnef',
      subject: 'Quarterly reconciliation',
      from: 'Dana Assistant <dana@example.com> on behalf of Chris Principal <chris@example.com>',
      date: '2021-04-05T08:30:00.000Z',
    });
    expect(doc.body).toContain('The word to find is marzipan.');
    expect(doc.body).not.toMatch(/fonttbl|Arial/);
    expect(doc.attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
      ['ledger.pdf', 'application/pdf'],
      ['notes.txt', 'text/plain'],
      ['summary.csv', 'text/csv'],
    ]);
    expect(Buffer.from(doc.attachments[1]!.bytes).toString()).toBe('The escrow account was closed on 4 May.\n');
  });

  it('recognises TNEF by content, whatever the file is called', async () => {
    const bytes = await winmail();
    for (const name of ['winmail.dat', 'ATT00001.bin', 'noname', 'letter.txt']) {
      expect(chooseExtractor(bytes.subarray(0, 4096), name)?.extractor.name, name).toBe('tnef');
    }
    expect(chooseExtractor(Buffer.from('a|b|c\r\n1|2|3\r\n'), 'load_file.dat')?.extractor.name).toBe('text');
  });

  it('hands an attached Outlook message on as a TNEF stream of its own', async () => {
    const inner = tnef({ subject: 'Inner note', plainBody: 'Nested body mentions tamarind.' });
    const doc = await extract(tnef({ subject: 'Outer', plainBody: 'outer', attachments: [{ name: 'Inner note', message: inner }] }));
    expect(doc.attachments).toHaveLength(1);
    expect(doc.attachments[0]!.fileName).toBe('Inner note.tnef');
    expect(Buffer.from(doc.attachments[0]!.bytes).equals(Buffer.from(inner))).toBe(true);
    expect((await extract(doc.attachments[0]!.bytes)).body).toBe('Nested body mentions tamarind.');
  });

  it('keeps what came before a cut, and refuses a damaged property list with a reason', async () => {
    const whole = Buffer.from(await winmail());
    const cut = await extract(whole.subarray(0, whole.length - 100));
    expect(cut.subject).toBe('Quarterly reconciliation');
    expect(cut.warnings.join(' ')).toMatch(/ends early/);
    const broken = Buffer.from(tnef({ subject: 'x', plainBody: 'y' }));
    // The message property list's count, claimed far larger than its data.
    const props = broken.indexOf(Buffer.from([0x01, 0x03, 0x90, 0x06, 0x00]));
    broken.writeUInt32LE(0x7fffffff, props + 9);
    const error = await extract(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('damaged');
  });
});

describe('damaged TNEF', () => {
  it('reads or refuses with a UserError every cut and every corrupted copy, never crashing', async () => {
    const whole = Buffer.from(await winmail());
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const copies: Buffer[] = [];
    for (let cut = 6; cut < whole.length; cut += 97) copies.push(whole.subarray(0, cut));
    for (let i = 0; i < 200; i++) {
      const copy = Buffer.from(whole);
      for (let k = 0; k < 4; k++) copy[6 + Math.floor(random() * (copy.length - 6))] = Math.floor(random() * 256);
      copies.push(copy);
    }
    for (const copy of copies) {
      try {
        await extract(copy);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
      }
    }
  });
});

describe('TNEF through the import pipeline', () => {
  const { api } = newCase('tnef');
  afterAll(() => api.close());
  const dir = tempDir();

  it('imports a bare winmail.dat with its attachments as a family, and finds a word of the RTF body', async () => {
    const file = path.join(dir, 'winmail.dat');
    fs.writeFileSync(file, await winmail());
    const report = await api.importFiles({ paths: [file] }, {});
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => [i.exhibitNo, i.kind, i.path.split('#')[1] ?? i.title])).toEqual([
      ['PX-001', 'email', 'Quarterly reconciliation'],
      ['PX-001.1', 'pdf', 'ledger.pdf'],
      ['PX-001.2', 'text', 'notes.txt'],
      ['PX-001.3', 'text', 'summary.csv'],
    ]);
    expect((await api.search({ query: 'marzipan' })).map((h) => [h.exhibitNo, h.source])).toEqual([['PX-001', 'body']]);
    expect(await hitsFor(api, 'escrow')).toEqual(['PX-001.2']);
  });

  it('reads a winmail.dat attached to an email, and an attached message inside it, as grandchildren', async () => {
    const inner = tnef({ subject: 'Forwarded minutes', plainBody: 'The board approved the loquat merger.' });
    const dat = tnef({
      subject: 'Board pack',
      rtfBody: rtfDocument(['Cover note about the persimmon account.']),
      attachments: [{ name: 'Forwarded minutes', message: inner }, { name: 'agenda.txt', bytes: Buffer.from('Item 1: kumquat pricing\n') }],
    });
    const file = path.join(dir, 'board.eml');
    fs.writeFileSync(file, emailWithWinmail('Board pack', dat));
    const report = await api.importFiles({ paths: [file] }, {});
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => [i.exhibitNo, i.kind, i.path.split('#').slice(1).join('#') || i.title])).toEqual([
      ['PX-002', 'email', 'Board pack'],
      ['PX-002.1', 'email', 'winmail.dat'],
      ['PX-002.1.1', 'email', 'winmail.dat#Forwarded minutes.tnef'],
      ['PX-002.1.2', 'text', 'winmail.dat#agenda.txt'],
    ]);
    expect(await hitsFor(api, 'persimmon')).toEqual(['PX-002.1']);
    expect(await hitsFor(api, 'loquat')).toEqual(['PX-002.1.1']);
    expect(await hitsFor(api, 'kumquat')).toEqual(['PX-002.1.2']);
  });

  it.skipIf(!HAS_CORPUS)('reads the real winmail.dat files: bodies, attachment names, an attached distribution list', async () => {
    const container = path.join(CORPUS_DIR, 'container');
    const names = ['poi-winmail-sample1.dat', 'poi-bug63955-winmail.dat', 'tnefparse-IPM-DistList.tnef', 'tnefparse-MAPI_ATTACH_DATA_OBJ.tnef'];
    const report = await api.importFiles({ paths: names.map((n) => path.join(container, n)) }, {});
    expect(report.failed).toEqual([]);
    const children = (name: string) => report.imported.filter((i) => i.path.startsWith(`${path.join(container, name)}#`)).map((i) => i.path.split('#').at(-1));
    expect(children('poi-winmail-sample1.dat')).toContain('zappa_av1.jpg');
    expect(children('poi-bug63955-winmail.dat')).toEqual(['SI-61597.pdf', 'SI-61598.pdf']);
    expect(children('tnefparse-MAPI_ATTACH_DATA_OBJ.tnef')).toEqual(['VIA_Nytt_1402.doc', 'VIA_Nytt_1402.pdf', 'VIA_Nytt_14021.htm']);
    const list = report.imported.find((i) => i.path.endsWith('#XXXXnews.tnef'));
    expect(list?.warnings.join(' ')).toMatch(/contact group \(IPM\.DistList\)/);
    expect(list?.kind).toBe('contact_group');
    expect((await api.search({ query: 'bodødamene' })).length).toBe(1);
  });
});
