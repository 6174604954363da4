import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../electron/core/import/extractor.ts';
import { checkCompoundFile } from '../../electron/core/import/formats/mail-cfb-guard.ts';
import { htmlToText } from '../../electron/core/import/formats/html-text.ts';
import { msgReaderClass } from '../../electron/core/import/formats/mail-msgreader.ts';
import { decompressRtf } from '../../electron/core/import/formats/mail-rtf-decompress.ts';
import { readRtf } from '../../electron/core/import/formats/mail-rtf-text.ts';
import { msgExtractor } from '../../electron/core/import/formats/msg.ts';
import { UserError } from '../../shared/errors.ts';
import { CORPUS_DIR } from '../fixtures/corpus.ts';

const CORPUS = CORPUS_DIR;
const MSG_DIR = path.join(CORPUS, 'msg');
const present = existsSync(MSG_DIR);
const files = present ? readdirSync(MSG_DIR).filter((f) => f.endsWith('.msg')).sort() : [];
const manifest: { path: string; subject?: string; attachments?: number; messageClass?: string }[] = present
  ? JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8'))
  : [];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47];

const corpusFile = (name: string) => new Uint8Array(readFileSync(path.join(MSG_DIR, name)));
const extract = (bytes: Uint8Array, fileName = 'message.msg') => msgExtractor.extract(bytes, { fileName, passwords: [] });
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

async function refusal(work: Promise<unknown>): Promise<UserError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

/** A copy of a corpus file with some 32-bit fields overwritten, to make it hostile. */
function mutated(name: string, change: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const bytes = corpusFile(name);
  change(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes);
  return bytes;
}

const SECTOR = 512;
const directoryOffset = (view: DataView) => (view.getInt32(0x30, true) + 1) * SECTOR;

describe('msg extractor: which files it accepts', () => {
  const ole = new Uint8Array([...OLE, 0, 0, 0, 0]);
  it('takes an OLE compound file only when it is named .msg', () => {
    expect(msgExtractor.accepts(ole, 'Mail.MSG')).toBe(true);
    expect(msgExtractor.accepts(ole, '')).toBe(false);
    expect(msgExtractor.accepts(ole, 'contract.docx')).toBe(false);
    expect(msgExtractor.accepts(new Uint8Array(Buffer.from('From: a@b.c\r\n')), 'mail.msg')).toBe(false);
  });

  it('refuses an empty file, a file that is not a compound file and one that holds no message', async () => {
    expect((await refusal(extract(new Uint8Array()))).code).toBe('empty');
    expect((await refusal(extract(new Uint8Array(Buffer.from('From: a@b.c\r\n\r\nhi'))))).code).toBe('damaged');
    const blank = new Uint8Array(4096);
    blank.set(OLE);
    expect((await refusal(extract(blank))).message).toBe('The file is an Office compound file but not an Outlook message.');
    expect((await refusal(extract(blank.subarray(0, 100)))).code).toBe('damaged');
  });
});

describe('RTF bodies', () => {
  it('reads text in the font code page, \\u escapes, symbols and skips the font table', () => {
    const rtf =
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}{\\f1\\fnil\\fcharset204 Arial Cyr;}}' +
      '{\\colortbl;\\red0\\green0\\blue0;}\\f0 Caf\\\'e9 \\endash{\\f1 \\\'cf\\\'f0\\\'e8\\\'e2\\\'e5\\\'f2}\\par ' +
      'second\\tab x\\u8212?y {\\*\\unknown hidden}\\{braces\\}}';
    expect(readRtf(new Uint8Array(Buffer.from(rtf, 'latin1')))).toEqual({
      html: false,
      text: 'Café –Привет\nsecond\tx—y {braces}',
    });
  });

  it('returns the HTML encapsulated by Outlook, without the RTF-only parts', () => {
    const rtf =
      '{\\rtf1\\ansi\\fromhtml1 {\\fonttbl{\\f0 Arial;}}{\\*\\htmltag19 <html>}{\\*\\htmltag64 <p>}' +
      '\\htmlrtf {\\b \\htmlrtf0 Hello &amp; bye\\htmlrtf }\\htmlrtf0 {\\*\\htmltag72 </p>}\\htmlrtf\\par\\htmlrtf0 {\\*\\htmltag27 </html>}}';
    const content = readRtf(new Uint8Array(Buffer.from(rtf, 'latin1')));
    expect(content).toEqual({ html: true, text: '<html><p>Hello &amp; bye</p></html>' });
    expect(htmlToText(content.text)).toBe('Hello & bye');
  });

  it('reads deeply nested or unbalanced groups in linear time', () => {
    for (const rtf of ['{'.repeat(300_000) + 'x', '}'.repeat(300_000), '{\\rtf1 ' + '\\u65?'.repeat(100_000) + '}']) {
      const started = performance.now();
      readRtf(new Uint8Array(Buffer.from(rtf, 'latin1')));
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('unwraps uncompressed RTF and never inflates beyond what the data can hold', () => {
    const header = (size: number, raw: number, type: string) => {
      const h = Buffer.alloc(16);
      h.writeUInt32LE(size, 0);
      h.writeUInt32LE(raw, 4);
      h.write(type, 8, 'latin1');
      return h;
    };
    const body = Buffer.from('{\\rtf1 plain}');
    const plain = decompressRtf(new Uint8Array(Buffer.concat([header(body.length + 12, body.length, 'MELA'), body])));
    expect(Buffer.from(plain!).toString('latin1')).toBe('{\\rtf1 plain}');
    // Claims 2 GB of output from 26 bytes of input.
    const liar = decompressRtf(new Uint8Array(Buffer.concat([header(0x7fffffff, 0x7fffffff, 'LZFu'), Buffer.alloc(10, 0xff)])));
    expect(liar!.length).toBeLessThan(1000);
    expect(decompressRtf(new Uint8Array(Buffer.concat([header(4, 4, 'ZZZZ')])))).toBeNull();
  });
});

// What each corpus file must give; checked against the manifest where it records the same thing.
const EXPECTED: Record<string, (doc: ExtractedDocument) => Promise<void> | void> = {
  'poi-attachment_msg_pdf.msg': async (doc) => {
    expect(doc).toMatchObject({
      from: 'Nick Booth <nick.booth@pof.com.au>',
      to: 'Nick Booth <nick.booth@pof.com.au>',
      date: '2010-06-17T23:54:19.000Z',
      body: 'Test email with 1 msg attachment, 1 pdf',
    });
    const [inner, pdf] = doc.attachments;
    expect(inner).toMatchObject({ fileName: 'Test Attachment.msg', mediaType: 'application/vnd.ms-outlook', inline: false });
    expect(pdf).toMatchObject({ fileName: 'smbprn.00009008.KdcPjl.pdf', mediaType: 'application/pdf' });
    expect(startsWith(pdf!.bytes, ascii('%PDF-'))).toBe(true);
    expect(await extract(inner!.bytes, inner!.fileName)).toMatchObject({ subject: 'Test Attachment', body: 'Blah blah blah' });
  },
  'msgreader-RtfSampleEmailWithAttachment.msg': (doc) => {
    expect(doc.from).toBe('"Wilson, Chris" <Chris.Wilson@leeds.gov.uk>');
    expect(doc.date).toBe('2017-10-23T09:05:21.000Z');
    expect(doc.body).toMatch(/^This is a sample RTF email with an attachment\n/);
    expect(doc.attachments.map((a) => [a.fileName, a.bytes.length])).toEqual([['SampleAttachment.pdf', 169480]]);
    expect(startsWith(doc.attachments[0]!.bytes, ascii('%PDF-'))).toBe(true);
  },
  'hh-msgInMsgInMsg.msg': async (doc) => {
    expect(doc.attachments.map((a) => a.fileName)).toEqual(['I have attachments!.msg', 'blue.png']);
    expect(startsWith(doc.attachments[1]!.bytes, PNG)).toBe(true);
    const level1 = await extract(doc.attachments[0]!.bytes);
    expect(level1.subject).toBe('I have attachments!');
    expect(level1.attachments.map((a) => a.fileName)).toEqual(['Microsoft Outlook テスト メッセージ.msg', 'green.png']);
    const level2 = await extract(level1.attachments[0]!.bytes);
    expect(level2).toMatchObject({
      subject: 'Microsoft Outlook テスト メッセージ',
      from: 'Microsoft Outlook <xmailuser@xmailserver.test>',
      to: 'xmailuser <xmailuser@xmailserver.test>',
      date: '2020-05-12T05:45:17.000Z',
    });
    expect(level2.body).toMatch(/^この電子メール メッセージは/);
  },
  'hh-nonUnicodeCP932.msg': (doc) => {
    expect(doc.body).toBe('日本語 Non Unicode 本文');
    expect(doc.to).toBe('xmailuser2@xmailserver.test');
  },
  'poi-chinese-traditional.msg': (doc) => {
    expect(doc.from).toBe('Tests Chang@FT (張毓倫)');
    expect(doc.to).toBe('Tests Chang@FT (張毓倫) <tests.chang@fengttt.com>');
    expect(doc.body).toMatch(/^Alfresco MSG format testing \( MSG 格式測試 \) 中文測試\n/);
  },
  'poi-ASCII_CP1251_LCID1049.msg': (doc) => {
    expect(doc.body).toBe('Body автоматически Body');
  },
  'hh-attachAndInline.msg': (doc) => {
    expect(doc.attachments.map((a) => [a.fileName, a.mediaType, a.inline])).toEqual([
      ['attach.png', 'image/png', false],
      ['image001.png', 'image/png', true],
    ]);
    expect(doc.attachments.every((a) => startsWith(a.bytes, PNG))).toBe(true);
  },
  'poi-logsat.com_signatures_valid.msg': (doc) => {
    expect(doc).toMatchObject({
      from: 'Roberto Franceschetti <roberto@logsat.com>',
      to: 'support@LogSat.com',
      body: 'This is a valid digitally signed email.',
      encrypted: false,
    });
    expect(doc.warnings).toContain('The S/MIME signature was not checked.');
    expect(doc.attachments.map((a) => a.fileName)).toEqual(['smime.p7s']);
  },
  'poi-clusterfuzz-POIHSMFFuzzer-4735011465854976.msg': (doc) => {
    expect(doc).toMatchObject({ from: 'Nicolas1 23456 <nicolas1.23456@free.fr>', body: 'contenu' });
    expect(doc.warnings).toContain('Attachment 1 could not be read and was left out.');
    expect(doc.attachments).toHaveLength(1);
  },
  'hh-Appointment_sample_EST.msg': (doc) => {
    expect(doc.warnings).toContain(
      'This Outlook item is a calendar appointment (IPM.Appointment), not an email; its details and text were imported.',
    );
    expect(doc.body).toBe('Starts: 2022-12-04T13:00:00.000Z\nEnds: 2022-12-04T13:30:00.000Z');
  },
  'hh-Hello_+CJK.msg': (doc) => {
    expect(doc.body).toBe('Hello\nC 你好\nJ こんにちは\nK 안녕하세요');
  },
};

// Outlook items that are not mail are not emails: the corpus's appointment is an appointment.
const expectedKind = (file: string) => {
  const messageClass = manifest.find((m) => m.path === `msg/${file}`)?.messageClass ?? 'IPM.Note';
  return messageClass.startsWith('IPM.Note') ? 'email' : messageClass.startsWith('IPM.Appointment') ? 'appointment' : 'document';
};

describe(present ? 'real-world .msg corpus' : `real-world .msg corpus (skipped: ${MSG_DIR} is absent)`, () => {
  it.skipIf(!present)('imports or plainly refuses every file, each within a few seconds', async () => {
    for (const file of files) {
      const started = performance.now();
      try {
        expect((await extract(corpusFile(file), file)).kind, file).toBe(expectedKind(file));
      } catch (e) {
        expect(e, file).toBeInstanceOf(UserError);
      }
      expect(performance.now() - started, file).toBeLessThan(5000);
    }
  });

  for (const file of files) {
    const entry = manifest.find((m) => m.path === `msg/${file}`);
    it(`${file}: subject as in the manifest, and what the file holds`, async () => {
      const doc = await extract(corpusFile(file), file);
      expect(doc).toMatchObject({ kind: expectedKind(file), mediaType: 'application/vnd.ms-outlook', pageCount: null, pages: [] });
      if (entry?.subject !== undefined) {
        expect(doc.subject).toBe(entry.subject);
        expect(doc.title).toBe(entry.subject);
      }
      // Every attachment olefile counted is either returned or named in a warning (an S/MIME wrapper is unpacked).
      const leftOut = doc.warnings.filter((w) => /could not be read and was left out/.test(w)).length;
      expect(doc.attachments.length + leftOut).toBe(entry?.attachments ?? doc.attachments.length + leftOut);
      await EXPECTED[file]?.(doc);
    });
  }

  it.skipIf(!present)('reads the RTF body the same as the plain one, including per-font CJK code pages', () => {
    for (const file of ['hh-Hello_+CJK.msg', 'hh-nonUnicodeCP932.msg', 'poi-chinese-traditional.msg']) {
      const fields = new (msgReaderClass())(corpusFile(file).buffer as ArrayBuffer).getFileData();
      const content = readRtf(decompressRtf(fields.compressedRtf!)!);
      const text = content.html ? htmlToText(content.text) : content.text;
      const first = { 'hh-Hello_+CJK.msg': 'K 안녕하세요', 'hh-nonUnicodeCP932.msg': '日本語 Non Unicode 本文' }[file];
      expect(text, file).toContain(first ?? '格式測試');
    }
  });
});

describe(present ? 'hostile .msg files' : `hostile .msg files (skipped: ${MSG_DIR} is absent)`, () => {
  const base = 'poi-ASCII_CP1251_LCID1049.msg';

  it.skipIf(!present)('refuses a directory sector chain that loops', async () => {
    const bytes = mutated(base, (view) => {
      const dirSector = view.getInt32(0x30, true);
      const fatSector = view.getInt32(0x4c, true);
      view.setInt32((fatSector + 1) * SECTOR + 4 * dirSector, dirSector, true);
    });
    expect((await refusal(extract(bytes))).message).toMatch(/loops back on itself/);
  });

  it.skipIf(!present)('refuses a directory tree that contains itself', async () => {
    const bytes = mutated(base, (view) => view.setInt32(directoryOffset(view) + 0x4c, 0, true));
    const error = await refusal(extract(bytes));
    expect([error.code, error.message]).toEqual(['damaged', 'The Outlook message is damaged: its directory loops back on itself.']);
  });

  it.skipIf(!present)('refuses a part that claims to be larger than the file', async () => {
    const bytes = mutated(base, (view, raw) => {
      const dir = directoryOffset(view);
      for (let at = dir; at < dir + SECTOR; at += 128) {
        if (raw[at + 0x42] === 2) view.setInt32(at + 0x78, 0x7fffffff, true);
      }
    });
    expect((await refusal(extract(bytes))).message).toMatch(/larger than the whole file/);
  });

  it.skipIf(!present)('refuses truncated copies of every corpus file with a UserError, never a crash', async () => {
    for (const file of files) {
      const whole = corpusFile(file);
      for (const length of [600, 2048, Math.floor(whole.length / 2)]) {
        try {
          await extract(whole.subarray(0, length), file);
        } catch (e) {
          expect(e, `${file} cut at ${length}`).toBeInstanceOf(UserError);
        }
      }
    }
  });

  it.skipIf(!existsSync(path.join(CORPUS, 'docx')))('refuses a password-protected Word file renamed .msg', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, 'docx', 'poi-bug53475-password-is-pass.docx')));
    expect(msgExtractor.accepts(bytes.subarray(0, 4096), 'poi-bug53475-password-is-pass.docx')).toBe(false);
    const error = await refusal(extract(bytes, 'renamed.msg'));
    expect(error.code).toBe('unsupported_format');
  });

  it.skipIf(!present)('passes every corpus file through the structure check', () => {
    for (const file of files) expect(() => checkCompoundFile(corpusFile(file)), file).not.toThrow();
  });
});
