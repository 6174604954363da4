import { describe, expect, it } from 'vitest';
import { passwordCandidates, saslprep } from '../../electron/core/import/formats/pdf-password.ts';

describe('PDF password preparation (SASLprep)', () => {
  it('drops characters mapped to nothing, maps odd spaces, and applies NFKC', () => {
    expect(saslprep('S\u00AASL\u00ADprep')).toBe('SaSLprep');
    expect(saslprep('pass\u00A0word')).toBe('pass word');
    expect(saslprep('pässwört')).toBe('pässwört');
  });
  it('tries the password as typed first, then its prepared form, without repeats', () => {
    expect(passwordCandidates(['S\u00AASL\u00ADprep', 'plain'])).toEqual(['S\u00AASL\u00ADprep', 'SaSLprep', 'plain']);
    expect(passwordCandidates(['pässwört'])).toEqual(['pässwört', 'p\u00c3\u00a4ssw\u00c3\u00b6rt']);
  });
});
