import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURT_PROFILES, courtLimits } from '../../shared/court-profiles.ts';
import { isUserError } from '../../shared/errors.ts';
import type { PreflightProblem } from '../../shared/preflight.ts';
import { preflight } from '../../electron/core/preflight/preflight.ts';
import { embedFonts } from '../../electron/core/export/fonts.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { A3, LEGAL, attachmentPdf, formPdf, javascriptPdf, oversizePdf, textPdf, writeDoc } from '../fixtures/court-pdfs.ts';
import { encryptPdf, hasQpdf, writePdf } from '../fixtures/pdfs.ts';

const dir = tempDir('preflight-');
const file = (name: string) => path.join(dir, name);
const problemsOf = async (name: string, court = courtLimits('cacd', undefined)): Promise<PreflightProblem[]> =>
  (await preflight([file(name)], court)).files[0]!.problems;
const codes = async (name: string, court?: ReturnType<typeof courtLimits>) => (await problemsOf(name, court)).map((p) => [p.code, p.page]);

beforeAll(async () => {
  await writeDoc(file('clean.pdf'), await textPdf(['Purchase order, page one.', 'Terms and conditions, page two.']));
  await writeDoc(file('ssn.pdf'), await textPdf(['Personnel file, page one.', 'Nothing here either.', 'Employee: Li Wei\nSSN 123-45-6789\nStart date 2016-02-01']));
  await writeDoc(file('helvetica.pdf'), await textPdf(['Typed in Helvetica, not embedded.'], { standardFont: true }));
  await writeDoc(file('sizes.pdf'), await textPdf(['Letter page.', { text: 'Legal page.', ...LEGAL }, { text: 'A3 page.', ...A3 }, { text: 'Letter, landscape.', width: 792, height: 612 }]));
  await writePdf(file('scan.pdf'), { pages: ['A typed page.', null] });
  // A scan that was only Bates-stamped: its one line of text sits in the bottom band, where stamps go.
  const stamped = await textPdf(['Body text.', '']);
  stamped.getPage(1).drawText('ABC000002', { x: 500, y: 20, size: 10, font: (await embedFonts(stamped)).regular });
  await writeDoc(file('stamped-scan.pdf'), stamped);
  await javascriptPdf(file('script.pdf'));
  await attachmentPdf(file('attachment.pdf'));
  await formPdf(file('form.pdf'));
  fs.writeFileSync(file('not-a-pdf.pdf'), 'Dear Sir, this is a letter, not a PDF.');
  fs.writeFileSync(file('notes.txt'), 'text');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('preflight', () => {
  it('passes a text PDF in embedded fonts on Letter pages', async () => {
    expect(await preflight([file('clean.pdf')], COURT_PROFILES.cacd)).toEqual({ files: [{ path: file('clean.pdf'), ok: true, problems: [] }] });
  });

  it('flags a fake SSN on the page it is on, masked', async () => {
    const problems = await problemsOf('ssn.pdf');
    expect(problems).toEqual([{ code: 'privacy-ssn', page: 3, message: expect.stringContaining('XXX-XX-6789') }]);
    expect(problems[0]!.message).not.toContain('123-45');
  });

  it('fails a 40 MB file for cacd (35 MB) on its size without reading it, and passes it under a larger cap', async () => {
    const big = oversizePdf(file('big.pdf'), 40);
    try {
      const started = performance.now();
      const problems = await problemsOf('big.pdf');
      const ms = performance.now() - started;
      expect(problems).toEqual([{ code: 'too-large', page: null, message: expect.stringMatching(/40\.0 MB, over the 35 MB limit \(C\.D\. Cal\. L\.R\. 5-4\.3\.1\)/) }]);
      expect(ms).toBeLessThan(500); // a stat, not a parse
      expect(await codes('big.pdf', courtLimits('mdd', undefined))).toEqual([['too-large', null]]);
      expect(await codes('big.pdf', courtLimits('cacd', 45))).not.toContainEqual(['too-large', null]);
    } finally {
      fs.rmSync(big);
    }
  });

  it('flags pages larger than the court page size, in either orientation, and only for a court that has one', async () => {
    expect(await codes('sizes.pdf')).toEqual([
      ['page-size', 2],
      ['page-size', 3],
    ]);
    expect((await problemsOf('sizes.pdf'))[0]!.message).toBe('Page 2 is 8.5 × 14 in, larger than 8.5 × 11 in.');
    expect(await codes('sizes.pdf', COURT_PROFILES.cand)).toEqual([]);
  });

  it('flags a page without text (a scan) by its page', async () => {
    expect(await codes('scan.pdf')).toEqual([
      ['font-not-embedded', null],
      ['no-text', 2],
    ]);
  });

  it('does not count a Bates stamp in the margin as the text of a page', async () => {
    expect(await problemsOf('stamped-scan.pdf')).toEqual([
      { code: 'no-text', page: 2, message: 'Page 2 has no extractable text besides its margins (a scan without a text layer?); the court wants text-searchable PDF.' },
    ]);
  });

  it('answers the contract method, its arguments checked at the boundary', async () => {
    const { api } = newCase();
    try {
      const report = await api.preflight({ paths: [file('ssn.pdf')], court: 'cacd' });
      expect(report.files.map((f) => [f.ok, f.problems.map((p) => [p.code, p.page])])).toEqual([[false, [['privacy-ssn', 3]]]]);
      await expect(api.preflight({ paths: [file('ssn.pdf')], court: 'sdny' as 'cacd' })).rejects.toMatchObject({ code: 'bad_input' });
      await expect(api.preflight({ paths: [] })).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('at least one PDF') });
    } finally {
      api.close();
    }
  });

  it('flags fonts that are not embedded, the standard 14 included', async () => {
    expect(await problemsOf('helvetica.pdf')).toEqual([
      { code: 'font-not-embedded', page: null, message: 'The font Helvetica is not embedded (a standard PDF font, but CM/ECF wants every font embedded).' },
    ]);
  });

  it('flags JavaScript, embedded files and form fields', async () => {
    expect(await codes('script.pdf')).toEqual([['javascript', null]]);
    expect(await codes('attachment.pdf')).toEqual([['embedded-files', null]]);
    // pdf-lib draws the field's appearance in Helvetica, which it does not embed.
    expect(await codes('form.pdf')).toEqual([
      ['form-fields', null],
      ['font-not-embedded', null],
    ]);
  });

  it.skipIf(!hasQpdf())('flags encryption, with or without a password to open (and still scans a file it can open)', async () => {
    encryptPdf(file('ssn.pdf'), file('owner-only.pdf'), '');
    encryptPdf(file('clean.pdf'), file('password.pdf'), 'secret');
    expect(await codes('owner-only.pdf')).toEqual([
      ['encrypted', null],
      ['privacy-ssn', 3],
    ]);
    expect(await codes('password.pdf')).toEqual([['encrypted', null]]);
  });

  it('reports a file that is not a PDF as unreadable, and goes on with the others', async () => {
    const report = await preflight([file('not-a-pdf.pdf'), file('clean.pdf')], COURT_PROFILES.generic);
    expect(report.files.map((f) => [path.basename(f.path), f.ok, f.problems.map((p) => p.code)])).toEqual([
      ['not-a-pdf.pdf', false, ['unreadable']],
      ['clean.pdf', true, []],
    ]);
  });

  it('reports progress file by file and stops when cancelled', async () => {
    const seen: (string | null)[] = [];
    await preflight([file('clean.pdf'), file('scan.pdf')], COURT_PROFILES.generic, { onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.current}`) });
    expect(seen).toEqual(['0/2 clean.pdf', '1/2 scan.pdf', '2/2 null']);
    const abort = new AbortController();
    abort.abort();
    await expect(preflight([file('clean.pdf')], COURT_PROFILES.generic, { signal: abort.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses paths that are not PDF files before reading any', async () => {
    const refused = async (paths: string[]) => {
      try {
        await preflight(paths, COURT_PROFILES.generic);
      } catch (e) {
        if (isUserError(e)) return [e.code, e.message];
        throw e;
      }
      throw new Error('not refused');
    };
    expect(await refused([file('clean.pdf'), file('missing.pdf')])).toEqual(['not_found', `There is no file ${file('missing.pdf')}.`]);
    expect(await refused([dir])).toEqual(['bad_input', `${dir} is not a file; name the PDFs to check.`]);
    expect(await refused([file('notes.txt')])).toEqual(['bad_input', `${file('notes.txt')} is not a PDF (its name does not end in .pdf).`]);
  });
});
