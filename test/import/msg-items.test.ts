import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { msgExtractor } from '../../electron/core/import/formats/msg.ts';
import { readTree } from '../../electron/core/import/read-tree.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { PSETID_APPOINTMENT, outlookMsg, type MsgProperty } from '../fixtures/msg.ts';

const extract = (bytes: Uint8Array, fileName = 'item.msg') => msgExtractor.extract(bytes, { fileName, passwords: [] });
const SENDER_NAME = 0x0c1a;
const SENDER_SMTP = 0x5d01;
const REPRESENTING_NAME = 0x0042;
const REPRESENTING_SMTP = 0x5d02;

function mail(properties: MsgProperty[], subject = 'Settlement terms'): Uint8Array {
  return outlookMsg({
    messageClass: 'IPM.Note',
    subject,
    properties,
    recipients: [{ name: '=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?=', address: 'jm@example.de', type: 1 }],
    body: 'Please find the terms below.',
  });
}

describe('Outlook .msg header strings and senders', () => {
  it('decodes RFC 2047 encoded-words in the sender, the subject and recipients', async () => {
    const doc = await extract(
      mail([[SENDER_NAME, { text: '=?UTF-8?Q?Lo=c3=afc_Broquet?=' }], [SENDER_SMTP, { text: 'loic@example.fr' }]], '=?ISO-8859-1?Q?R=E9sum=E9?= of claims'),
    );
    expect(doc).toMatchObject({ kind: 'email', from: 'Loïc Broquet <loic@example.fr>', to: 'Jürgen Müller <jm@example.de>', subject: 'Résumé of claims' });
    expect(doc.body).toBe('Please find the terms below.');
  });

  it('names both people when a message was sent on behalf of someone, and the one it was sent for when no sender is stored', async () => {
    const delegated = await extract(
      mail([
        [SENDER_NAME, { text: 'Dana Assistant' }],
        [SENDER_SMTP, { text: 'dana@example.com' }],
        [REPRESENTING_NAME, { text: 'Chris Principal' }],
        [REPRESENTING_SMTP, { text: 'chris@example.com' }],
      ]),
    );
    expect(delegated.from).toBe('Dana Assistant <dana@example.com> on behalf of Chris Principal <chris@example.com>');
    const representedOnly = await extract(mail([[REPRESENTING_NAME, { text: 'Chris Principal' }], [REPRESENTING_SMTP, { text: 'chris@example.com' }]]));
    expect(representedOnly.from).toBe('Chris Principal <chris@example.com>');
    const same = await extract(
      mail([
        [SENDER_NAME, { text: 'Chris Principal' }],
        [SENDER_SMTP, { text: 'chris@example.com' }],
        [REPRESENTING_NAME, { text: 'Chris Principal' }],
      ]),
    );
    expect(same.from).toBe('Chris Principal <chris@example.com>');
  });
});

describe('Outlook items that are not mail', () => {
  const { api } = newCase('msg-items');
  afterAll(() => api.close());
  const dir = tempDir();

  it('imports an appointment as a document with its start, end and location as text, found by search', async () => {
    const bytes = outlookMsg({
      messageClass: 'IPM.Appointment',
      subject: 'Mediation session',
      body: 'Bring the signed disclosure.',
      properties: [
        [[PSETID_APPOINTMENT, 0x820d], { time: '2024-06-03T13:00:00.000Z' }],
        [[PSETID_APPOINTMENT, 0x820e], { time: '2024-06-03T15:30:00.000Z' }],
        [[PSETID_APPOINTMENT, 0x8208], { text: 'Courtroom Wexford' }],
      ],
    });
    const doc = await extract(bytes);
    expect(doc.kind).toBe('appointment');
    expect(doc.body).toBe('Starts: 2024-06-03T13:00:00.000Z\nEnds: 2024-06-03T15:30:00.000Z\nLocation: Courtroom Wexford\n\nBring the signed disclosure.');
    expect(doc.warnings).toContain('This Outlook item is a calendar appointment (IPM.Appointment), not an email; its details and text were imported.');
    const file = path.join(dir, 'mediation.msg');
    fs.writeFileSync(file, bytes);
    const report = await api.importFiles({ paths: [file] }, {});
    expect(report.imported.map((i) => [i.exhibitNo, i.kind, i.title])).toEqual([['PX-001', 'appointment', 'Mediation session']]);
    expect((await api.listExhibits({ kind: 'appointment' })).map((e) => e.exhibitNo)).toEqual(['PX-001']);
    expect((await api.search({ query: 'Wexford' })).map((h) => [h.exhibitNo, h.source])).toEqual([['PX-001', 'body']]);
  });

  it.skipIf(!HAS_CORPUS)('reads the real contact, task, post and note as what they are, with their fields as text', async () => {
    const read = async (name: string) => extract(new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, 'container', name))), name);
    const contact = await read('poi-msgClassContact.msg');
    expect(contact.kind).toBe('contact');
    expect(contact.body).toContain('Company: Fence Co\nJob title: Jumper\nEmail: quickbrown@gmail.com');
    expect(contact.body).toContain('Business address:\n  12 Lazy Dog Lane\n  Springfield 01234');
    const ansi = await read('hh-contactAnsi.msg');
    expect(ansi.title).toBe('コム ドット イグザンプル 殿');
    expect(ansi.body).toContain('Name: Mr. イグザンプル ドット コム 殿');
    const task = await read('poi-msgClassTask.msg');
    expect(task.kind).toBe('task');
    expect(task.body).toBe('Owner: Allison, Timothy B.\nStarts: 2017-02-19T00:00:00.000Z\nDue: 2017-03-10T00:00:00.000Z\nStatus: In progress\n\nQuick brown fox must do what he must');
    const post = await read('poi-msgClassPost.msg');
    expect(post).toMatchObject({ kind: 'document', body: 'Is going to jump over the lazy brown dog!!!' });
    expect(post.warnings.join(' ')).toMatch(/post in a shared folder \(IPM\.Post\)/);
    const note = await read('hh-A_memo.msg');
    expect(note).toMatchObject({ kind: 'note', title: 'A memo.', body: 'A memo.' });
  });

  it('reads an Outlook message embedded as an OLE object (oleObject1.bin) as the message it is', async () => {
    const embedded = mail([[SENDER_NAME, { text: 'Dana Assistant' }], [SENDER_SMTP, { text: 'dana@example.com' }]], 'Embedded note');
    const file = await readTree(embedded, 'oleObject1.bin', []);
    expect(file.doc).toMatchObject({ kind: 'email', subject: 'Embedded note', from: 'Dana Assistant <dana@example.com>' });
  });

  it('keeps a meeting request an email, with the meeting’s time and place above its text', async () => {
    const doc = await extract(
      outlookMsg({
        messageClass: 'IPM.Schedule.Meeting.Request',
        subject: 'Deposition prep',
        body: 'Agenda attached.',
        properties: [
          [[PSETID_APPOINTMENT, 0x820d], { time: '2024-07-01T09:00:00.000Z' }],
          [[PSETID_APPOINTMENT, 0x8208], { text: 'Room 4B' }],
        ],
      }),
    );
    expect(doc).toMatchObject({ kind: 'email', body: 'Starts: 2024-07-01T09:00:00.000Z\nLocation: Room 4B\n\nAgenda attached.' });
    expect(doc.warnings).toEqual([]);
  });
});
