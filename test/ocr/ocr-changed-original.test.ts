// OCR reads an original only as it was imported: a scan altered in the vault after import is not read into the case;
// its page is recorded as unreadable, naming why.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newCase, tempDir } from '../fixtures/case.ts';
import { wordsCanvas } from '../fixtures/pictures.ts';

describe('OCR of an original changed on disk since import', () => {
  const { api, dir } = newCase('Changed scan');
  afterAll(() => api.close());

  it('reads nothing from it and says why', async () => {
    const src = tempDir('ocr-changed-');
    const file = path.join(src, 'scan.png');
    fs.writeFileSync(file, wordsCanvas(['Wallaby consignment'], 900, 300, 44).toBuffer('image/png'));
    const [item] = (await api.importFiles({ paths: [file] })).imported;
    const stored = path.join(dir, 'vault', item!.sha256.slice(0, 2), item!.sha256);
    fs.chmodSync(stored, 0o644);
    fs.writeFileSync(stored, wordsCanvas(['Kangaroo consignment'], 900, 300, 44).toBuffer('image/png'));
    await api.runOcr({});
    expect(await api.search({ query: 'kangaroo' })).toEqual([]);
    const { unreadablePages } = await api.getExhibit({ exhibit: 'PX-001' });
    expect(unreadablePages).toEqual([{ page: 1, reason: expect.stringContaining('has changed on disk since it was imported') }]);
  }, 120_000);
});
