import { describe, expect, it } from 'vitest';
import { maskDigits, scanPrivacy } from '../../electron/core/preflight/privacy-scan.ts';

const codes = (text: string) => scanPrivacy(text).map((f) => [f.code, f.masked]);

describe('the Fed. R. Civ. P. 5.2 privacy scan', () => {
  it('finds Social Security numbers, written with hyphens or named and written without', () => {
    expect(codes('Employee SSN 123-45-6789 on file.')).toEqual([['privacy-ssn', 'XXX-XX-6789']]);
    expect(codes('Social Security No. 123 45 6789')).toEqual([['privacy-ssn', 'XXX XX 6789']]);
    expect(codes('SSN: 123456789')).toEqual([['privacy-ssn', 'XXXXX6789']]);
  });

  it('finds taxpayer-identification numbers (EIN ##-#######)', () => {
    expect(codes('Huawei Technologies USA, EIN 12-3456789.')).toEqual([['privacy-tin', 'XX-XXX6789']]);
  });

  it('finds a full date of birth near "born", "DOB" or "date of birth", leaving only the year', () => {
    expect(codes('He was born on March 5, 1980 in Shenzhen.')).toEqual([['privacy-birth-date', 'XXX X, 1980']]);
    expect(codes('DOB: 03/05/1980')).toEqual([['privacy-birth-date', 'XX/XX/1980']]);
    expect(codes('Date of birth 1980-03-05')).toEqual([['privacy-birth-date', '1980-XX-XX']]);
    expect(codes('born 5th of March 1980')).toEqual([['privacy-birth-date', 'Xth of XXX 1980']]);
  });

  it('finds account numbers of 8 digits or more after "account" or "acct"', () => {
    expect(codes('Wire to account no. 1234 5678 9012.')).toEqual([['privacy-account', 'XXXX XXXX 9012']]);
    expect(codes('Acct # 00012345678')).toEqual([['privacy-account', 'XXXXXXX5678']]);
  });

  it('finds payment card numbers by their check digit, named or not', () => {
    expect(codes('Paid with 4111 1111 1111 1111 on 2017-03-28.')).toEqual([['privacy-account', 'XXXX XXXX XXXX 1111']]);
    expect(codes('Amex 378282246310005')).toEqual([['privacy-account', 'XXXXXXXXXXX0005']]);
    expect(codes('Reference 4111 1111 1111 1112 (not a card: its check digit is wrong)')).toEqual([]);
  });

  it('leaves alone what only looks like them: Bates and case numbers, phone numbers, dates, years of birth, short numbers', () => {
    const innocent = [
      'BES000123 – BES000129',
      'PX-123-45-6789 is an exhibit label, VOL-0001 a Bates number, ABC12-3456789 a part number',
      'Case No. 2:17-cv-01234-ODW, filed 2017-03-28; hearing on 03/05/2018',
      'Call 555-123-4567 or +1 (415) 555-0100',
      'He was born in 1980. The meeting of March 5, 1980 was minuted.',
      'Account manager: J. Smith; see account 123456 (six digits); accounting entries 2017-03-28',
    ];
    for (const text of innocent) expect(codes(text), text).toEqual([]);
  });

  it('never gives the full number back', () => {
    const text = 'SSN 123-45-6789, EIN 98-7654321, account 4444333322221111, DOB 12/31/1979';
    const found = scanPrivacy(text);
    expect(found.map((f) => f.code)).toEqual(['privacy-ssn', 'privacy-tin', 'privacy-account', 'privacy-birth-date']);
    for (const f of found) for (const secret of ['123-45', '98-765', '44443333', '12/31']) expect(f.masked).not.toContain(secret);
    expect(maskDigits('4444-3333-2222-1111')).toBe('XXXX-XXXX-XXXX-1111');
  });
});
