import { createHook } from 'node:async_hooks';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors.ts';
import { docxExtractor } from '../../electron/core/import/formats/docx.ts';
import type { ExtractedDocument } from '../../electron/core/import/extractor.ts';
import { docx, documentXml, externalPicture, oleFile, zip, zipBomb } from '../fixtures/office.ts';
import { png } from '../fixtures/images.ts';
import { CORPUS_DIR } from '../fixtures/corpus.ts';

const CORPUS = CORPUS_DIR;
const CORPUS_DOCX = join(CORPUS, 'docx');
const ctx = { fileName: 'exhibit.docx', passwords: [] };
const DAMAGED = 'The Word document is damaged (its ZIP structure cannot be read).';
const ENCRYPTED = 'This is a password-protected Word document; remove the password and import it again.';

// Async resources Node creates for file and network access; none may appear while a document is read.
const IO_RESOURCES = /^(FSREQ|FILEHANDLE|STATWATCHER|FSEVENTWRAP|TCP|UDP|TLS|GETADDRINFO|GETNAMEINFO|PIPECONNECT|HTTP)/;

async function watchIo<T>(run: () => Promise<T>): Promise<{ value: T; io: string[] }> {
  const io: string[] = [];
  const hook = createHook({
    init(_id, type) {
      if (IO_RESOURCES.test(type)) io.push(type);
    },
  });
  hook.enable();
  try {
    return { value: await run(), io };
  } finally {
    hook.disable();
  }
}

async function extractWatchingIo(bytes: Uint8Array): Promise<{ doc: ExtractedDocument; io: string[] }> {
  const { value, io } = await watchIo(() => docxExtractor.extract(bytes, ctx));
  return { doc: value, io };
}

describe('docx importer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the paragraphs and the title, author and date from docProps/core.xml', async () => {
    const bytes = docx({
      paragraphs: ['Dear Ms. Smith,', 'The goods arrived on 3 May & were damaged.'],
      core: { title: 'Letter of complaint', creator: 'Jane Roe', created: '2021-05-04T09:30:00Z', modified: '2021-06-01T00:00:00Z' },
    });
    const doc = await docxExtractor.extract(bytes, ctx);
    expect(doc).toMatchObject({
      kind: 'document',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      title: 'Letter of complaint',
      author: 'Jane Roe',
      date: '2021-05-04T09:30:00Z',
      pageCount: null,
      pages: [],
      warnings: [],
    });
    expect(doc.body).toBe('Dear Ms. Smith,\n\nThe goods arrived on 3 May & were damaged.');
  });

  it('reads a package written by a streaming writer (deflated entries, sizes in data descriptors)', async () => {
    const doc = await docxExtractor.extract(docx({ paragraphs: ['Streamed.'], core: { creator: 'Java' }, streamed: true }), ctx);
    expect(doc).toMatchObject({ body: 'Streamed.', author: 'Java', warnings: [] });
  });

  it('falls back to the modified date, ignores dates that are not W3CDTF and leaves missing fields null', async () => {
    const modifiedOnly = await docxExtractor.extract(docx({ core: { modified: '2020-02-29' } }), ctx);
    expect(modifiedOnly).toMatchObject({ date: '2020-02-29', title: null, author: null });
    const badDate = await docxExtractor.extract(docx({ core: { created: 'last Tuesday', title: '' } }), ctx);
    expect(badDate).toMatchObject({ date: null, title: null });
  });

  it('accepts a ZIP holding word/ parts or an encrypted Office package by content, and a ZIP or OLE file by a .docx name', () => {
    const head = docx().subarray(0, 4096);
    expect(docxExtractor.accepts(head, '')).toBe(true);
    expect(docxExtractor.accepts(docx({ streamed: true }).subarray(0, 4096), '')).toBe(true);
    expect(docxExtractor.accepts(head.subarray(0, 64), 'Contract FINAL.DOCX')).toBe(true);
    expect(docxExtractor.accepts(head.subarray(0, 64), '')).toBe(false);
    expect(docxExtractor.accepts(zip([{ name: 'readme.txt', data: 'hi' }]), 'archive.zip')).toBe(false);
    expect(docxExtractor.accepts(oleFile('EncryptedPackage'), '')).toBe(true);
    expect(docxExtractor.accepts(oleFile('WordDocument').subarray(0, 64), 'old.docx')).toBe(true);
    expect(docxExtractor.accepts(oleFile('__substg1.0_0037001F'), 'mail.msg')).toBe(false);
    expect(docxExtractor.accepts(new Uint8Array(Buffer.from('%PDF-1.7')), 'misnamed.docx')).toBe(false);
  });

  it('refuses a truncated or scrambled ZIP as damaged', async () => {
    const whole = docx({ paragraphs: ['Some text that makes the file longer than its tail.'] });
    await expect(docxExtractor.extract(whole.subarray(0, Math.floor(whole.length * 0.7)), ctx)).rejects.toMatchObject({
      code: 'damaged',
      message: DAMAGED,
    });
    const scrambled = Uint8Array.from(whole);
    scrambled.fill(0x55, 40, whole.length - 100);
    await expect(docxExtractor.extract(scrambled, ctx)).rejects.toMatchObject({ code: 'damaged', message: DAMAGED });
  });

  it('refuses a part whose content disagrees with its header (size or CRC) as damaged', async () => {
    const lying = docx({ paragraphs: ['x'.repeat(100_000)], deflateDocument: true, declaredDocumentSize: 1000 });
    await expect(docxExtractor.extract(lying, ctx)).rejects.toMatchObject({ code: 'damaged' });
  });

  it('refuses a ZIP bomb as too large without unpacking it', async () => {
    const bomb = zipBomb(20);
    expect(bomb.length).toBeLessThan(100_000);
    const start = performance.now();
    await expect(docxExtractor.extract(bomb, ctx)).rejects.toMatchObject({ code: 'too_large' });
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('refuses a package of many parts, each under the per-part check, that together are a bomb or over the budget', async () => {
    const part = documentXml(['a'.repeat(9 * 1024 * 1024)]);
    const many = (n: number) =>
      zip([
        { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
        { name: 'word/document.xml', data: documentXml(['Hello.']) },
        ...Array.from({ length: n }, (_, i) => ({ name: `word/part${i}.xml`, data: part, deflate: true })),
      ]);
    const ratio = many(15);
    expect(ratio.length).toBeLessThan(400_000);
    const start = performance.now();
    await expect(docxExtractor.extract(ratio, ctx)).rejects.toMatchObject({
      code: 'too_large',
      message: 'The Word document looks like a ZIP bomb (its parts together expand more than 500-fold); it was not imported.',
    });
    expect(performance.now() - start).toBeLessThan(200);
    await expect(docxExtractor.extract(many(30), ctx)).rejects.toMatchObject({
      code: 'too_large',
      message: 'The Word document is too large to unpack safely (its text expands to more than 200 MB).',
    });
  });

  it('refuses a package whose XML would unpack to more than 200 MB', async () => {
    const big = docx({ paragraphs: ['y'.repeat(600 * 1024)], declaredDocumentSize: 250 * 1024 * 1024 });
    await expect(docxExtractor.extract(big, ctx)).rejects.toMatchObject({
      code: 'too_large',
      message: 'The Word document is too large to unpack safely (its text expands to more than 200 MB).',
    });
  });

  it('refuses an encrypted Word file (an OLE container) and other OLE files named .docx', async () => {
    await expect(docxExtractor.extract(oleFile('EncryptedPackage'), ctx)).rejects.toMatchObject({ code: 'encrypted', message: ENCRYPTED });
    await expect(docxExtractor.extract(oleFile('EncryptedPackage'), { fileName: 'unnamed', passwords: [] })).rejects.toMatchObject({
      code: 'encrypted',
      message: 'This is a password-protected Office document (Word, Excel or PowerPoint); remove the password and import it again.',
    });
    await expect(docxExtractor.extract(oleFile('WordDocument'), ctx)).rejects.toMatchObject({ code: 'unsupported_format' });
  });

  it('refuses a ZIP that is not a Word package, and an empty file', async () => {
    const notWord = zip([{ name: 'readme.txt', data: 'hello' }]);
    await expect(docxExtractor.extract(notWord, ctx)).rejects.toMatchObject({ code: 'unsupported_format' });
    await expect(docxExtractor.extract(new Uint8Array(), ctx)).rejects.toMatchObject({ code: 'empty' });
  });

  it('imports with a warning when the package is sound but its text cannot be read', async () => {
    const doc = await docxExtractor.extract(docx({ omitDocument: true, core: { title: 'Orphan' } }), ctx);
    expect(doc.title).toBe('Orphan');
    expect(doc.body).toBeNull();
    expect(doc.warnings).toEqual(['The text of this Word document could not be read, so it was imported without searchable text.']);
  });

  it('imports or refuses with a UserError whatever is damaged, in the ZIP or in the XML', async () => {
    let seed = 99;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const junk = ['<', '>', '&', '"', '<!DOCTYPE x [', ']>', '</w:p>', '<w:p>', '&#0;', '&#xFFFFFF;', ''];
    const original = docx({ paragraphs: ['One & two', 'Three'], core: { title: 'T' } });
    for (let round = 0; round < 100; round++) {
      const bytes = Uint8Array.from(original);
      for (let flips = random(4); flips >= 0; flips--) bytes[random(bytes.length)] = random(256);
      let xml = documentXml(['Hello world', 'Second & para']);
      for (let edits = random(4); edits >= 0; edits--) {
        const at = random(xml.length);
        xml = xml.slice(0, at) + junk[random(junk.length)] + xml.slice(at + random(5));
      }
      for (const file of [bytes, docx({ document: xml })]) {
        await docxExtractor.extract(file, ctx).catch((e: unknown) => {
          if (!isUserError(e)) throw e;
        });
      }
    }
  });

  it('has an I/O watch that does see a file being read', async () => {
    writeFileSync(join(dir, 'seen.txt'), 'x');
    const { io } = await watchIo(() => readFile(join(dir, 'seen.txt')));
    expect(io.length).toBeGreaterThan(0);
  });

  it('never expands an external entity (XXE): the reference stays as written and no file is opened', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-CONTENT');
    const doctype = `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "${pathToFileURL(secret).href}"> <!ENTITY lol "]>">]>`;
    const bytes = docx({ document: documentXml(['Quoted: "&xxe;" and &lol;'], { doctype }).replace('&amp;xxe;', '&xxe;').replace('&amp;lol;', '&lol;') });
    const { doc, io } = await extractWatchingIo(bytes);
    expect(doc.body).toBe('Quoted: "&xxe;" and &lol;');
    expect(doc.body).not.toContain('TOP-SECRET');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(/DOCTYPE/);
    expect(io).toEqual([]);
  });

  it('never fetches a picture linked from outside the package, and says it was not fetched', async () => {
    const picture = join(dir, 'linked.png');
    writeFileSync(picture, png({ width: 2, height: 2 }));
    for (const target of [pathToFileURL(picture).href, picture, 'linked.png', 'http://127.0.0.1:9/x.png']) {
      const { doc, io } = await extractWatchingIo(docx(externalPicture(target)));
      expect(doc.body).toBe('Before the picture.');
      expect(doc.warnings).toEqual(['The document shows a picture linked from outside the file; linked pictures are never fetched.']);
      expect(io).toEqual([]);
    }
  });
});

interface ManifestEntry {
  path: string;
  zipOk?: boolean;
}

const corpusPresent = existsSync(CORPUS_DOCX);
const manifest: ManifestEntry[] = corpusPresent ? JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) : [];

describe.skipIf(!corpusPresent)(`docx importer on the real-world corpus (${CORPUS_DOCX}; skipped when absent)`, () => {
  const files = corpusPresent ? readdirSync(CORPUS_DOCX).sort() : [];

  it.each(files)('%s is imported or refused with a reason, never crashes', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DOCX, name)));
    const entry = manifest.find((m) => m.path === `docx/${name}`);
    // As the registry asks first: by the first 4 KB alone.
    expect(docxExtractor.accepts(bytes.subarray(0, 4096), '')).toBe(true);
    try {
      const { doc, io } = await extractWatchingIo(bytes);
      expect(io).toEqual([]);
      expect(doc.kind).toBe('document');
      if (entry?.zipOk === false) throw new Error(`${name}: Python's zipfile could not open it, yet it imported`);
    } catch (e) {
      if (!isUserError(e)) throw e;
      expect(['damaged', 'encrypted', 'unsupported_format', 'too_large']).toContain(e.code);
    }
  });

  it('refuses the password-protected .docx as password-protected', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DOCX, 'poi-bug53475-password-is-pass.docx')));
    await expect(docxExtractor.extract(bytes, ctx)).rejects.toMatchObject({ code: 'encrypted', message: ENCRYPTED });
  });

  it('refuses the truncated and the fuzzed ZIPs as damaged', async () => {
    for (const name of ['poi-truncated62886.docx', 'poi-clusterfuzz-POIXWPFFuzzer-6442791109263360.docx']) {
      const bytes = new Uint8Array(readFileSync(join(CORPUS_DOCX, name)));
      await expect(docxExtractor.extract(bytes, ctx)).rejects.toMatchObject({ code: 'damaged', message: DAMAGED });
    }
  });

  it('does not resolve the XXE entity in poi-ExternalEntityInText.docx and touches no file or network', async () => {
    const { doc, io } = await extractWatchingIo(new Uint8Array(readFileSync(join(CORPUS_DOCX, 'poi-ExternalEntityInText.docx'))));
    expect(doc.body).toBe('Here should not be the POI web site: "&testent;"');
    expect(doc.author).toBe('Uwe Schindler');
    expect(io).toEqual([]);
  });

  it('does not fetch the external picture in mammoth-external-picture.docx', async () => {
    const { doc, io } = await extractWatchingIo(new Uint8Array(readFileSync(join(CORPUS_DOCX, 'mammoth-external-picture.docx'))));
    expect(doc.warnings).toEqual(['The document shows a picture linked from outside the file; linked pictures are never fetched.']);
    expect(io).toEqual([]);
  });

  it('keeps footnotes, comments and table cells in the text, and reads Strict OOXML', async () => {
    const read = async (name: string) => (await docxExtractor.extract(new Uint8Array(readFileSync(join(CORPUS_DOCX, name))), ctx)).body;
    expect(await read('mammoth-footnotes.docx')).toContain('A tachyon walks into a bar.');
    expect(await read('mammoth-comments.docx')).toContain('Comments:\n[Michael Williamson, 2016-07-03T15:10:00Z] A tachyon walks into a bar.');
    expect(await read('mammoth-tables.docx')).toContain('Bottom right');
    expect(await read('mammoth-strict-format.docx')).toBe('Test');
  });
});
