// Dates typed into an exhibit: ISO and US forms read the same in the contract (so in the app, over HTTP and in the
// CLI), anything else refused in one plain sentence.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATE_INPUT_MESSAGE, readDateInput } from '../../shared/date-input.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { cli } from '../fixtures/cli.ts';
import { makePdf } from '../fixtures/pdfs.ts';

describe('reading a typed date', () => {
  it.each([
    ['2020-09-16', '2020-09-16'],
    [' 9/16/2020 ', '2020-09-16'],
    ['09/16/2020', '2020-09-16'],
    ['2/29/2020', '2020-02-29'],
    ['2017-03-28T16:42:00.000Z', '2017-03-28T16:42:00.000Z'],
  ])('%j is %j', (typed, stored) => expect(readDateInput(typed)).toBe(stored));

  it.each(['16/9/2020', '9/16/20', '2/29/2021', '2020-13-01', '2020-02-30', 'Sept 16, 2020', '', '9-16-2020'])('%j is refused', (typed) =>
    expect(readDateInput(typed)).toBeNull(),
  );
});

describe('an exhibit date edited through the contract and the CLI', () => {
  const { dir, api } = newCase('dates');
  afterAll(() => api.close());

  it('stores 9/16/2020 as 2020-09-16 and refuses 16/9/2020 with the plain message, in the core and in the CLI', async () => {
    const file = path.join(tempDir(), 'letter.pdf');
    fs.writeFileSync(file, await makePdf({ title: 'Award letter', pages: ['The award.'] }));
    await api.importFiles({ paths: [file] });
    expect((await api.updateExhibit({ exhibit: 'PX-001', edit: { date: '9/16/2020' } })).date).toBe('2020-09-16');
    await expect(api.updateExhibit({ exhibit: 'PX-001', edit: { date: '16/9/2020' } })).rejects.toThrow(DATE_INPUT_MESSAGE);
    api.close();

    const edited = await cli('edit', dir, 'PX-001', '--date', '09/17/2020', '--json');
    expect(edited.code, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout).date).toBe('2020-09-17');
  });
});
