import { describe, expect, it } from 'vitest';
import { compareFacts, mayFallWithin, parseFactDate, printFactDate } from '../../electron/core/chronology/fuzzy-date.ts';

const read = (text: string) => {
  const { precision, start, end, display } = parseFactDate(text);
  return { precision, start, end, display };
};

describe('fact dates: reading what a user types', () => {
  it.each([
    ['2017-03-28', 'day', '2017-03-28', '2017-03-28', '28 Mar 2017'],
    ['28 March 2017', 'day', '2017-03-28', '2017-03-28', '28 Mar 2017'],
    ['March 28, 2017', 'day', '2017-03-28', '2017-03-28', '28 Mar 2017'],
    ['03/28/2017', 'day', '2017-03-28', '2017-03-28', '28 Mar 2017'],
    ['28/03/2017', 'day', '2017-03-28', '2017-03-28', '28 Mar 2017'],
    ['2017-03-28T09:14:00+05:00', 'day', '2017-03-28', '2017-03-28', '28 Mar 2017'],
    ['March 2017', 'month', '2017-03-01', '2017-03-31', 'Mar 2017'],
    ['Feb. 2016', 'month', '2016-02-01', '2016-02-29', 'Feb 2016'],
    ['03/??/2017', 'month', '2017-03-01', '2017-03-31', 'Mar 2017'],
    ['2017-03', 'month', '2017-03-01', '2017-03-31', 'Mar 2017'],
    ['2017', 'year', '2017-01-01', '2017-12-31', '2017'],
    ['??/??/2017', 'year', '2017-01-01', '2017-12-31', '2017'],
    ['c. 2016', 'circa', '2016-01-01', '2016-12-31', 'c. 2016'],
    ['circa March 2016', 'circa', '2016-03-01', '2016-03-31', 'c. Mar 2016'],
    ['before 2018', 'before', '2018-01-01', '2018-12-31', 'before 2018'],
    ['after 12 April 2019', 'after', '2019-04-12', '2019-04-12', 'after 12 Apr 2019'],
    ['2017-03 to 2017-05', 'range', '2017-03-01', '2017-05-31', 'Mar–May 2017'],
    ['March–May 2017', 'range', '2017-03-01', '2017-05-31', 'Mar–May 2017'],
    ['between 2019 and 2020', 'range', '2019-01-01', '2020-12-31', '2019–2020'],
    ['18 to 20 April 2017', 'range', '2017-04-18', '2017-04-20', '18–20 Apr 2017'],
    ['Nov 2016 - Feb 2017', 'range', '2016-11-01', '2017-02-28', 'Nov 2016–Feb 2017'],
    ['TBD', 'undated', null, null, 'TBD'],
    ['', 'undated', null, null, 'TBD'],
  ])('%s', (text, precision, start, end, display) => {
    expect(read(text)).toEqual({ precision, start, end, display });
  });

  it('keeps the text as given, and prints a date back the same whichever way it was typed', () => {
    expect(parseFactDate('  28   March 2017 ').text).toBe('28 March 2017');
    expect(new Set(['2017-03-28', '28 March 2017', '03/28/2017', 'Mar 28 2017'].map((t) => parseFactDate(t).display))).toEqual(new Set(['28 Mar 2017']));
  });

  it.each(['31 February 2017', '13/13/2017', 'next Tuesday', 'before', '2017-05 to 2017-03', 'Marchember 2017'])('refuses "%s", naming the forms it reads', (text) => {
    expect(() => parseFactDate(text)).toThrow(expect.objectContaining({ code: 'bad_input', message: expect.stringContaining('"28 March 2017"') }));
  });
});

describe('fact dates: the order of a chronology', () => {
  const ordered = (texts: string[]) =>
    texts
      .map((text, id) => ({ date: parseFactDate(text), sequence: 0, id }))
      .sort(compareFacts)
      .map((f) => f.date.text);

  it('puts a month before the days in it, so "03/??/2017" comes before "28 March 2017"', () => {
    expect(ordered(['28 March 2017', '03/??/2017'])).toEqual(['03/??/2017', '28 March 2017']);
    expect(ordered(['1 March 2017', 'March 2017', '2017'])).toEqual(['2017', 'March 2017', '1 March 2017']);
  });

  it('sorts "before X" just ahead of X and "after X" just behind it, and undated facts last', () => {
    expect(ordered(['TBD', '2018', 'Dec 2017', 'before 2018', '13 April 2019', 'after 12 April 2019', '12 April 2019', '2017-03 to 2017-05', 'c. 2016'])).toEqual([
      'c. 2016',
      '2017-03 to 2017-05',
      'Dec 2017',
      'before 2018',
      '2018',
      '12 April 2019',
      'after 12 April 2019',
      '13 April 2019',
      'TBD',
    ]);
  });

  it('orders facts of the same date by the user\'s sequence, then as entered', () => {
    const facts = [
      { date: parseFactDate('2017-03-28'), sequence: 2, id: 1 },
      { date: parseFactDate('28 March 2017'), sequence: 1, id: 2 },
      { date: parseFactDate('03/28/2017'), sequence: 1, id: 3 },
    ];
    expect(facts.sort(compareFacts).map((f) => f.id)).toEqual([2, 3, 1]);
  });

  it('keeps a fact in a date filter when its date may fall within it', () => {
    const within = (text: string, from?: string, to?: string) => mayFallWithin(parseFactDate(text), from, to);
    expect(within('March 2017', '2017-03-15', '2017-04-30')).toBe(true);
    expect(within('March 2017', '2017-04-01')).toBe(false);
    expect(within('before 2018', undefined, '2010-01-01')).toBe(true);
    expect(within('before 2018', '2019-01-01')).toBe(false);
    expect(within('after 12 April 2019', '2030-01-01')).toBe(true);
    expect(within('after 12 April 2019', undefined, '2019-04-12')).toBe(false);
    expect(within('TBD', '2000-01-01')).toBe(false);
    expect(within('TBD')).toBe(true);
  });

  it('prints what is stored, whatever text came with it', () => {
    expect(printFactDate({ precision: 'range', start: '2016-12-28', end: '2017-01-02' })).toBe('28 Dec 2016–2 Jan 2017');
    expect(printFactDate({ precision: 'range', start: '2017-03-28', end: '2017-04-02' })).toBe('28 Mar–2 Apr 2017');
    expect(printFactDate({ precision: 'undated', start: null, end: null })).toBe('TBD');
  });
});
