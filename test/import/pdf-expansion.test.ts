// The check that refuses compression bombs before pdf.js reads a PDF: counted, bounded, pictures left out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPdfExpansion } from '../../electron/core/import/formats/pdf-expansion.ts';
import { tempDir } from '../fixtures/case.ts';
import { writeFlateBomb } from '../fixtures/hostile-pdfs.ts';
import { makePdf } from '../fixtures/pdfs.ts';

const dir = tempDir('pdf-expansion-');
function bomb(megabytes: number, streamDict = ''): Uint8Array {
  const file = path.join(dir, `bomb-${megabytes}-${streamDict.length}.pdf`);
  writeFlateBomb(file, megabytes, streamDict);
  return fs.readFileSync(file);
}

describe('the expansion limit on PDFs', () => {
  it('refuses a stream that expands beyond 256 MB from a file a thousandth of that', async () => {
    await expect(checkPdfExpansion(bomb(300))).rejects.toMatchObject({
      code: 'too_large',
      message: "The PDF's compressed content expands to more than 256 MB, far beyond what its size suggests; it was not read.",
    });
  });

  it('lets the same kind of stream through below the allowance', async () => {
    await expect(checkPdfExpansion(bomb(200))).resolves.toBeUndefined();
  });

  it('does not count pictures, which are never decoded to read text', async () => {
    await expect(checkPdfExpansion(bomb(300, '/Subtype /Image '))).resolves.toBeUndefined();
  });

  it('lets an ordinary PDF through', async () => {
    await expect(checkPdfExpansion(await makePdf({ pages: ['An ordinary page'] }))).resolves.toBeUndefined();
  });
});
