// The Export dialog's form (renderer/features/export/export-form.ts) in Node: what it sends is what the contract
// accepts, and what is missing comes back as one sentence. No DOM environment is installed; these are plain functions.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api.ts';
import { defaultForm, toRequest, type ExportForm } from '../../renderer/features/export/export-form.ts';

const form = (changes: Partial<ExportForm> = {}): ExportForm => ({ ...defaultForm('/cases/bes'), outDir: '/exports', ...changes });

/** The request the form makes, checked against the contract's own schema for that kind of export. */
function accepted(f: ExportForm, selected: string[] = []) {
  const made = toRequest(f, selected);
  if (!('request' in made)) throw new Error(made.problem);
  const parsed = contract.previewExport.args.safeParse({ ...made.request });
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return made.request;
}

describe('the Export dialog’s form', () => {
  it('makes a bundle, stamped exhibits, a list and a production the contract accepts', () => {
    expect(accepted(form())).toMatchObject({ kind: 'bundle', args: { outDir: '/exports', select: { by: 'all' }, bates: { start: 1, digits: 6 } } });
    expect(accepted(form({ kind: 'stamped', selectBy: 'numbers', numbers: '1, 3-7, PX-012' }))).toMatchObject({
      kind: 'stamped',
      args: { select: { by: 'numbers', ranges: [{ from: 1, to: 1 }, { from: 3, to: 7 }], exhibits: ['PX-012'] } },
    });
    expect(accepted(form({ kind: 'list', listFormat: 'csv', selectBy: 'selected' }), ['PX-001', 'PX-004'])).toEqual({
      kind: 'list',
      args: { outDir: '/exports', format: 'csv', select: { by: 'numbers', ranges: [], exhibits: ['PX-001', 'PX-004'] } },
    });
    const production = form({ kind: 'production' });
    expect(accepted({ ...production, production: { ...production.production, prefix: 'BES' } })).toMatchObject({ kind: 'production', args: { prefix: 'BES', digits: 7, images: 'tiff' } });
  });

  it('leaves out the caption lines not filled in, and labels without redactions', () => {
    const made = accepted(form({ caption: { court: ' N.D. Tex. ', caseTitle: '', caseNumber: '', filingTitle: '' }, redactions: false, redactionLabels: true }));
    expect(made.args).toMatchObject({ caption: { court: 'N.D. Tex.' }, redactions: false, redactionLabels: false });
  });

  it('says in one sentence what to fix first', () => {
    const problem = (f: ExportForm, selected: string[] = []) => (toRequest(f, selected) as { problem: string }).problem;
    expect(problem(form({ outDir: '  ' }))).toBe('Choose a folder to export to.');
    expect(problem(form({ selectBy: 'selected' }))).toMatch(/^Select exhibits in the grid first/);
    expect(problem(form({ selectBy: 'tag' }))).toBe('Choose a tag.');
    expect(problem(form({ batesDigits: '20' }))).toBe('The Bates digits must be a whole number from 1 to 15.');
    expect(problem(form({ maxMb: '-3' }))).toBe('The volume size must be a number of MB above 0.');
    expect(problem(form({ kind: 'production' }))).toBe('Give the Bates prefix of the production.');
  });
});
