// OCR languages beyond English, added offline: a folder of Tesseract data files named in the environment. The folder
// is what OCR reads from (English copied into one is read from there), and a language whose data is missing stops OCR
// with a message naming the file to put there; nothing is fetched.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ocrLanguages } from '../../electron/core/ocr/ocr-languages.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { wordsCanvas } from '../fixtures/pictures.ts';

const shippedEnglish = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
  'eng.traineddata.gz',
);
const saved = { ...process.env };
afterEach(() => {
  for (const key of ['EXHIBIT_DESK_OCR_LANGUAGES', 'EXHIBIT_DESK_OCR_DATA']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('OCR languages', () => {
  it('are English from the app by default, and else what the environment names, checked', () => {
    expect(ocrLanguages({})).toEqual({ languages: 'eng', dataDir: path.dirname(shippedEnglish) });
    const folder = tempDir('ocr-data-');
    fs.copyFileSync(shippedEnglish, path.join(folder, 'eng.traineddata.gz'));
    expect(() => ocrLanguages({ EXHIBIT_DESK_OCR_LANGUAGES: 'eng+chi_sim', EXHIBIT_DESK_OCR_DATA: folder })).toThrow(
      `no OCR data for chi_sim in ${folder} (put chi_sim.traineddata.gz there)`,
    );
    expect(() => ocrLanguages({ EXHIBIT_DESK_OCR_LANGUAGES: 'eng; rm -rf /' })).toThrow(/must be Tesseract language codes/);
  });

  it('are read from the folder named, and a missing one stops OCR with the file to add', async () => {
    const { api } = newCase('languages');
    try {
      const src = tempDir('ocr-lang-src-');
      fs.writeFileSync(path.join(src, 'note.png'), wordsCanvas(['Quokka shipment delayed'], 1000, 300, 44).toBuffer('image/png'));
      await api.importFiles({ paths: [path.join(src, 'note.png')] });

      process.env.EXHIBIT_DESK_OCR_LANGUAGES = 'eng+jpn';
      process.env.EXHIBIT_DESK_OCR_DATA = tempDir('ocr-empty-');
      const refused = await api.runOcr({});
      expect(refused.pages).toBe(0);
      expect(refused.warnings.join(' ')).toMatch(/OCR could not start \(no OCR data for eng, jpn in .* \(put eng\.traineddata\.gz, jpn\.traineddata\.gz there\)\)/);

      const folder = tempDir('ocr-data-');
      fs.copyFileSync(shippedEnglish, path.join(folder, 'eng.traineddata.gz'));
      process.env.EXHIBIT_DESK_OCR_LANGUAGES = 'eng';
      process.env.EXHIBIT_DESK_OCR_DATA = folder;
      expect((await api.runOcr({})).pages).toBe(1);
      expect((await api.search({ query: 'quokka' })).map((h) => h.source)).toEqual(['ocr']);
    } finally {
      api.close();
    }
  }, 120_000);
});
