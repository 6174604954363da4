// Exports re-hash every original as they read it: an original altered in the vault after import is refused by name,
// the export fails and writes nothing, and the vault's other readers see the same refusal.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OriginalChangedError } from '../../electron/core/vault/vault.ts';
import { UserError } from '../../shared/errors.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const src = tempDir('changed-src-');
const out = tempDir('changed-out-');
const { api, dir } = newCase('Changed original');
let sha = '';

beforeAll(async () => {
  const paths = [];
  for (const [i, title] of ['Letter', 'Memo'].entries()) paths.push(await writePdf(path.join(src, `${i + 1}.pdf`), { title, pages: [`${title} text`] }));
  const report = await api.importFiles({ paths });
  sha = report.imported[1]!.sha256;
  // Someone with access to the case folder alters PX-002's original (it is read-only, as the vault leaves it).
  const file = path.join(dir, 'vault', sha.slice(0, 2), sha);
  fs.chmodSync(file, 0o644);
  fs.appendFileSync(file, '\n% altered after import\n');
});
afterAll(() => api.close());

describe('an original changed on disk since import', () => {
  it('makes the stamped export refuse it by name and write nothing', async () => {
    const e = await api.exportStamped({ outDir: out, bates: { prefix: 'BES', digits: 6, start: 1 } }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toBe(
      'The original of PX-002 has changed on disk since it was imported; run exhibit-desk verify. Nothing was exported (to export the rest without it, export again leaving out changed originals: --skip-changed).',
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('makes the bundle and its preview refuse it too', async () => {
    await expect(api.exportBundle({ outDir: out })).rejects.toThrow(/The original of PX-002 has changed on disk/);
    await expect(api.previewExport({ kind: 'bundle', args: { outDir: out } })).rejects.toThrow(/The original of PX-002 has changed on disk/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('leaves the changed one out by name when asked, and exports the rest with gap-free Bates numbers', async () => {
    const result = await api.exportStamped({ outDir: out, skipChanged: true });
    expect(result.warnings).toContain('PX-002 was left out: the original of PX-002 has changed on disk since it was imported (run exhibit-desk verify).');
    const manifest = JSON.parse(fs.readFileSync(result.manifest, 'utf8')) as { exhibits: { exhibitNo: string; bates: { first: string } }[] };
    expect(manifest.exhibits.map((e) => e.exhibitNo)).not.toContain('PX-002');
    expect(manifest.exhibits[0]!.bates.first).toBe('000001');
  });

  it('exports the exhibits whose originals are sound', async () => {
    const result = await api.exportStamped({ outDir: out, select: { by: 'numbers', ranges: [], exhibits: ['PX-001'] } });
    expect(result.files).toHaveLength(1);
  });

  it('is refused by the vault itself, which names the hash', async () => {
    const { openVault } = await import('../../electron/core/vault/vault.ts');
    await expect(openVault(path.join(dir, 'vault')).read(sha)).rejects.toBeInstanceOf(OriginalChangedError);
  });
});
