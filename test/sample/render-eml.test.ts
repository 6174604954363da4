import { describe, expect, it } from 'vitest';
import { emlExtractor } from '../../electron/core/import/formats/eml.ts';
import { parseMessageSource, renderEml } from '../../electron/core/sample/render-eml.ts';

const SOURCE = [
  'From: Zoë Ødegård <zoe@example.com>',
  'To: Chen Jiaming <chen.jiaming@huawei-pk.example>',
  'Date: 2017-12-31T23:59:30+05:45',
  'Subject: Überprüfung der Installation in 苏州 – Schlussbericht, Anlage „Rechenzentrum“, Fassung für die Akte',
  'Message-ID: <long-subject@example.com>',
  '',
  'A line of exactly seventy-six characters, no more and no less, to the end=',
  'Trailing space here ',
  `${'Ünïcödé '.repeat(20)}end.`,
  '',
].join('\n');

describe('renderEml', () => {
  it('writes a message the email importer reads back exactly, whatever its characters and line lengths', async () => {
    const message = parseMessageSource(SOURCE, 'test');
    const attachment = { fileName: 'letter.pdf', mediaType: 'application/pdf', bytes: new Uint8Array(5000).fill(37) };
    const bytes = renderEml(message, [attachment]);
    const raw = Buffer.from(bytes).toString('latin1');
    for (const line of raw.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(78);
    expect(raw).not.toMatch(/[^\x00-\x7f]/);
    // New Year's Eve in Nepal is still the old year there, and a Sunday.
    expect(raw).toMatch(/^Date: Sun, 31 Dec 2017 23:59:30 \+0545$/m);

    const read = await emlExtractor.extract(bytes, { fileName: 'x.eml', passwords: [] });
    expect(read.subject).toBe(message.subject);
    expect(read.from).toBe('Zoë Ødegård <zoe@example.com>');
    expect(read.date).toBe('2017-12-31T18:14:30.000Z');
    expect(read.body).toBe(message.body);
    expect(read.attachments.map((a) => [a.fileName, a.bytes.length])).toEqual([['letter.pdf', 5000]]);
    expect(read.warnings).toEqual([]);
  });

  it('refuses a source header it does not know rather than dropping it', () => {
    expect(() => parseMessageSource('From: a@example.com\nX-Priority: 1\n\nbody', 'x.txt')).toThrow(/X-Priority/);
  });
});
