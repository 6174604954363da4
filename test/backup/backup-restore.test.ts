import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors.ts';
import { createCaseApi } from '../../electron/core/api.ts';
import { checkedEntryName } from '../../electron/core/backup/archive-names.ts';
import { restoreCase } from '../../electron/core/backup/restore-case.ts';
import { LATEST_VERSION } from '../../electron/core/store/migrations/index.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { cliJson } from '../fixtures/cli.ts';
import { mixedEmail } from '../fixtures/emails.ts';
import { writePdf } from '../fixtures/pdfs.ts';

interface ZipItem {
  name: string;
  data: Buffer;
}

const src = tempDir('backup-src-');
const { api, dir } = newCase('Backup case');
let archive = '';
let listed: { exhibitNo: string; sha256: string; title: string; tags: string[] }[] = [];

async function readZip(file: string): Promise<ZipItem[]> {
  const zip = await yauzl.openPromise(file);
  const items: ZipItem[] = [];
  for await (const entry of zip.eachEntry()) items.push({ name: entry.fileName, data: await buffer(await zip.openReadStreamPromise(entry)) });
  return items;
}

async function writeZip(items: ZipItem[], file: string): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const item of items) zip.addBuffer(item.data, item.name);
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject));
  return file;
}

/** A copy of the backup changed by `edit` (which may rewrite its manifest), for the tampering cases. */
async function tampered(label: string, edit: (items: ZipItem[], manifest: any) => void): Promise<string> {
  const items = await readZip(archive);
  const manifestItem = items.find((i) => i.name === 'manifest.json')!;
  const manifest = JSON.parse(manifestItem.data.toString('utf8'));
  edit(items, manifest);
  manifestItem.data = Buffer.from(JSON.stringify(manifest));
  return writeZip(items, path.join(tempDir('tampered-'), `${label}.zip`));
}

/** Rewrites an entry name inside a finished zip, for names yazl itself refuses to write. */
function patchName(file: string, from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const bytes = fs.readFileSync(file);
  let at = bytes.indexOf(from);
  let patched = 0;
  while (at >= 0) {
    bytes.write(to, at, 'latin1');
    patched++;
    at = bytes.indexOf(from, at + 1);
  }
  expect(patched).toBe(2); // the local header and the central directory
  fs.writeFileSync(file, bytes);
}

/** Restoring must fail with this reason and leave nothing behind in the folder it was to restore into. */
async function expectRefused(zipFile: string, reason: RegExp): Promise<void> {
  const parent = tempDir('restore-refused-');
  const error = await restoreCase(zipFile, path.join(parent, 'case')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toMatch(/^The archive is damaged: /);
  expect((error as UserError).message).toMatch(reason);
  expect(fs.readdirSync(parent)).toEqual([]);
}

async function listing(caseDir: string) {
  const opened = createCaseApi({ dir: caseDir });
  try {
    expect(await opened.verify({})).toMatchObject({ ok: true, checked: 4, auditOk: true, integrity: 'ok' });
    const exhibits = await opened.listExhibits({});
    return exhibits.map((e) => ({ exhibitNo: e.exhibitNo, sha256: e.sha256, title: e.title, tags: e.tags }));
  } finally {
    opened.close();
  }
}

beforeAll(async () => {
  await writePdf(path.join(src, 'contract.pdf'), { title: 'Contract', pages: ['The parties agree.', 'Signed in Lahore.'] });
  await writePdf(path.join(src, 'invoice.pdf'), { title: 'Invoice', pages: ['Invoice 42 for servers in Suzhou.'] });
  fs.writeFileSync(path.join(src, 'approval.eml'), (await mixedEmail()).bytes);
  const report = await api.importFiles({ paths: [src] });
  expect(report.failed).toEqual([]);
  expect(report.imported.length).toBe(4); // two PDFs, the email and its PDF attachment
  await api.tagExhibits({ exhibits: ['PX-001'], tag: 'hot' });
  await api.updateExhibit({ exhibit: 'PX-002', edit: { title: 'Invoice 42' } });
  listed = await api.listExhibits({}).then((l) => l.map((e) => ({ exhibitNo: e.exhibitNo, sha256: e.sha256, title: e.title, tags: e.tags })));
  api.close();
  // Through the CLI, as a user would: the --json shape is part of the contract.
  archive = path.join(tempDir('backup-out-'), 'case backup.zip');
  const result = await cliJson('backup', dir, archive);
  expect(result).toMatchObject({ archive, entries: 6, bytes: fs.statSync(archive).size });
  expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
}, 60_000);

afterAll(() => api.close());

describe('backup', () => {
  it('holds the database, every original under vault/ and a manifest with their hashes and sizes', async () => {
    const items = await readZip(archive);
    const manifest = JSON.parse(items.find((i) => i.name === 'manifest.json')!.data.toString('utf8'));
    expect(manifest).toMatchObject({ format: 'exhibit-desk-backup/1', schemaVersion: LATEST_VERSION, exhibits: 4, case: { title: 'Backup case' } });
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(items.map((i) => i.name).sort()).toEqual(['case.sqlite', 'manifest.json', ...listed.map((e) => `vault/${e.sha256.slice(0, 2)}/${e.sha256}`)].sort());
    for (const entry of manifest.entries) {
      const item = items.find((i) => i.name === entry.name)!;
      expect(item.data.length).toBe(entry.bytes);
    }
    // The backup is recorded in the case's audit log, with the archive's hash.
    const reopened = createCaseApi({ dir });
    try {
      const [last] = await reopened.auditLog({ limit: 1 });
      expect(last).toMatchObject({ action: 'case.backup', after: { archive, entries: 6 } });
    } finally {
      reopened.close();
    }
  });

  it('refuses to overwrite an existing file', async () => {
    const reopened = createCaseApi({ dir });
    try {
      await expect(reopened.backupCase({ out: archive })).rejects.toThrow(/already exists; choose a new name/);
    } finally {
      reopened.close();
    }
  });
});

describe('restore', () => {
  it('restores into a new folder a case that opens, verifies and lists the same exhibits', async () => {
    const target = path.join(tempDir('restored-'), 'nested', 'case');
    expect(await cliJson('restore', archive, target)).toEqual({ case: target, exhibits: 4, verified: true });
    expect(await listing(target)).toEqual(listed);
    expect(listed.find((e) => e.exhibitNo === 'PX-001')!.tags).toEqual(['hot']);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['case']);
  }, 60_000);

  it('refuses a byte flipped in an original', async () => {
    const sha = listed[0]!.sha256;
    const zipFile = await tampered('flipped', (items) => {
      const item = items.find((i) => i.name.endsWith(sha))!;
      item.data[100] = item.data[100]! ^ 0x01;
    });
    await expectRefused(zipFile, new RegExp(`vault/${sha.slice(0, 2)}/${sha.slice(0, 12)}… does not match its recorded hash\\.$`));
  });

  it('refuses an original whose recorded hash was rewritten to match its changed bytes', async () => {
    const sha = listed[1]!.sha256;
    const zipFile = await tampered('rehashed', (items, manifest) => {
      const item = items.find((i) => i.name.endsWith(sha))!;
      item.data[50] = item.data[50]! ^ 0x01;
      manifest.entries.find((e: { name: string }) => e.name === item.name).sha256 = createHash('sha256').update(item.data).digest('hex');
    });
    await expectRefused(zipFile, /is not named by the SHA-256 its manifest records/);
  });

  it('refuses a changed database even with its size unchanged', async () => {
    const zipFile = await tampered('database', (items) => {
      const item = items.find((i) => i.name === 'case.sqlite')!;
      item.data[item.data.length - 10] = item.data[item.data.length - 10]! ^ 0xff;
    });
    await expectRefused(zipFile, /case\.sqlite does not match its recorded hash/);
  });

  it('refuses an entry the manifest does not list, and one that is no part of a backup', async () => {
    const extraVault = await tampered('extra', (items) => {
      items.push({ name: `vault/ab/ab${'0'.repeat(62)}`, data: Buffer.from('planted') });
    });
    await expectRefused(extraVault, /vault\/ab\/ab0000000000… is not listed in its manifest/);
    const stray = await tampered('stray', (items) => items.push({ name: 'notes/readme.txt', data: Buffer.from('hi') }));
    await expectRefused(stray, /the entry notes\/readme\.txt is not part of a case backup/);
  });

  it('refuses an entry the manifest lists that the archive lacks', async () => {
    const sha = listed[2]!.sha256;
    const zipFile = await tampered('missing', (items) => items.splice(items.findIndex((i) => i.name.endsWith(sha)), 1));
    await expectRefused(zipFile, /is missing/);
  });

  it('refuses a name that climbs out of the folder (zip-slip) and an absolute path', async () => {
    const climbing = await tampered('climbing', (items) => items.push({ name: 'xx/evil', data: Buffer.from('evil') }));
    patchName(climbing, 'xx/evil', '../evil');
    await expectRefused(climbing, /the entry \.\.\/evil points outside the case folder/);
    const absolute = await tampered('absolute', (items) => items.push({ name: 'xtmp/evil', data: Buffer.from('evil') }));
    patchName(absolute, 'xtmp/evil', '/tmp/evil');
    await expectRefused(absolute, /the entry \/tmp\/evil is an absolute path/);
  });

  it('refuses an entry whose size is not what the manifest records, and one that holds more than its headers say', async () => {
    const shrunk = await tampered('shrunk', (_items, manifest) => {
      manifest.entries.find((e: { name: string }) => e.name === 'case.sqlite').bytes -= 1;
    });
    await expectRefused(shrunk, /case\.sqlite is \d+ bytes, not the \d+ its manifest records/);
    // The manifest and the zip's headers both lie about the size: the data itself is longer (a zip bomb's trick).
    const lying = await tampered('lying', (_items, manifest) => {
      manifest.entries.find((e: { name: string }) => e.name === 'case.sqlite').bytes -= 4096;
    });
    const bytes = fs.readFileSync(lying);
    const real = (await readZip(archive)).find((i) => i.name === 'case.sqlite')!.data.length;
    const size = Buffer.alloc(4);
    size.writeUInt32LE(real);
    const smaller = Buffer.alloc(4);
    smaller.writeUInt32LE(real - 4096);
    let at = bytes.indexOf(size);
    let patched = 0;
    while (at >= 0) {
      smaller.copy(bytes, at);
      patched++;
      at = bytes.indexOf(size, at + 4);
    }
    expect(patched).toBeGreaterThan(0);
    fs.writeFileSync(lying, bytes);
    await expectRefused(lying, /case\.sqlite cannot be read/);
  });

  it('refuses a file that is not a zip, and a zip that is not a backup', async () => {
    const notZip = path.join(tempDir('notzip-'), 'x.zip');
    fs.writeFileSync(notZip, 'not a zip at all');
    await expectRefused(notZip, /it is not a readable zip file/);
    const other = await writeZip([{ name: 'case.sqlite', data: Buffer.from('x') }], path.join(tempDir('other-'), 'o.zip'));
    await expectRefused(other, /it has no manifest\.json/);
  });

  it('refuses to restore into a folder that is not empty', async () => {
    const target = tempDir('occupied-');
    fs.writeFileSync(path.join(target, 'keep.txt'), 'mine');
    await expect(restoreCase(archive, target)).rejects.toThrow(/is not an empty folder; choose a new folder/);
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
  });
});

describe('entry names', () => {
  const name = (s: string, attributes = 0) => () => checkedEntryName(Buffer.from(s, 'utf8'), attributes, false);
  it('refuses backslashes, drive letters, control characters, empty segments and links', () => {
    expect(name('vault\\ab\\x')).toThrow(/uses backslashes/);
    expect(name('C:/Windows/evil')).toThrow(/names a drive/);
    expect(name('case.sqlite\u0000.txt')).toThrow(/control character/);
    expect(name('vault//ab')).toThrow(/not a plain file path/);
    expect(name('case.sqlite', (0o120777 << 16) >>> 0)).toThrow(/a link or a special file/);
    expect(() => checkedEntryName(Buffer.from([0x63, 0xff, 0xfe]), 0, false)).toThrow(/not valid text/);
    expect(name('case.sqlite', (0o100644 << 16) >>> 0)()).toBe('case.sqlite');
  });
});
