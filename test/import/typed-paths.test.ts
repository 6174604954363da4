// Paths typed into the Import dialog (browser mode reaches no shell): "~" is the home folder, and a path that leads
// nowhere is named in its error as it was typed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newCase, tempDir } from '../fixtures/case.ts';
import { makePdf } from '../fixtures/pdfs.ts';

describe('typed paths', () => {
  const { api } = newCase('typed paths');
  const home = tempDir('home-');
  const realHome = process.env.HOME;
  process.env.HOME = home;
  afterAll(() => {
    process.env.HOME = realHome;
    api.close();
  });

  it('reads ~ as the home folder and names a wrong path as typed, with where it looked', async () => {
    fs.mkdirSync(path.join(home, 'Evidence'));
    fs.writeFileSync(path.join(home, 'Evidence', 'letter.pdf'), await makePdf({ title: 'Award letter', pages: ['The award.'] }));
    const report = await api.importFiles({ paths: ['~/Evidence', '~/Evidense/letter.pdf'] });
    expect(report.imported.map((i) => [i.title, i.path])).toEqual([['Award letter', path.join(home, 'Evidence', 'letter.pdf')]]);
    expect(report.failed).toEqual([
      { path: '~/Evidense/letter.pdf', code: 'not_found', error: `No file or folder at ~/Evidense/letter.pdf (${path.join(home, 'Evidense', 'letter.pdf')}).` },
    ]);
  });
});
