// The time band's geometry on real fact dates (read by the core's own date reader): fuzzy dates as spans, the axis's
// grain from years to days, clusters with counts that stay put when the band is panned, and a bounded number of
// glyphs for ten thousand facts.
import { describe, expect, it } from 'vitest';
import { parseFactDate } from '../../electron/core/chronology/fuzzy-date.ts';
import type { Fact } from '../../shared/model.ts';
import { axisFor } from '../../renderer/features/chronology/band-axis.ts';
import {
  byStart,
  CLUSTER_PX,
  DAY_MS,
  dayMs,
  factMark,
  fitView,
  layoutLane,
  MIN_SPAN_MS,
  zoomView,
  type TimeView,
} from '../../renderer/features/chronology/band-geometry.ts';

let nextId = 1;
function fact(date: string, key = false): Fact {
  return {
    id: nextId++,
    statement: `Fact dated ${date}`,
    date: parseFactDate(date),
    sequence: 0,
    status: 'undisputed',
    key,
    tags: [],
    proposed: false,
    proposedFrom: null,
    sources: [],
    paragraphs: [],
    unsourced: true,
    createdAt: '2026-01-05T09:00:00Z',
  };
}

const view = (from: string, to: string): TimeView => ({ start: dayMs(from), end: dayMs(to) });

describe('facts as marks on the band', () => {
  it('draws a day as a day, a month, a year, a range and "c. 2016" as spans, and open ends from their moment', () => {
    const m = (d: string) => factMark(fact(d))!;
    expect(m('28 March 2017')).toMatchObject({ shape: 'day', start: dayMs('2017-03-28'), end: dayMs('2017-03-29') });
    expect(m('03/??/2017')).toMatchObject({ shape: 'period', start: dayMs('2017-03-01'), end: dayMs('2017-04-01') });
    expect(m('2018')).toMatchObject({ shape: 'period', start: dayMs('2018-01-01'), end: dayMs('2019-01-01') });
    expect(m('2017-03 to 2017-05')).toMatchObject({ shape: 'period', start: dayMs('2017-03-01'), end: dayMs('2017-06-01') });
    expect(m('c. 2016')).toMatchObject({ shape: 'period', circa: true, start: dayMs('2016-01-01'), end: dayMs('2017-01-01') });
    expect(m('before 2018')).toMatchObject({ shape: 'before', start: dayMs('2018-01-01') });
    expect(m('after 12 April 2019')).toMatchObject({ shape: 'after', start: dayMs('2019-04-13') });
    expect(factMark(fact('TBD'))).toBeNull();
  });

  it('lays a month out as a bar when it is wide enough, and as a point when it is not', () => {
    const marks = byStart([factMark(fact('March 2017'))]);
    const wide = layoutLane(marks, view('2017-01-01', '2018-01-01'), 700, 3);
    expect(wide).toHaveLength(1);
    expect(wide[0]).toMatchObject({ type: 'bar', row: 0 });
    expect(wide[0]!.x1 - wide[0]!.x0).toBeCloseTo((31 / 365) * 700, 0);
    const narrow = layoutLane(marks, view('1900-01-01', '2100-01-01'), 700, 3);
    expect(narrow[0]).toMatchObject({ type: 'point' });
  });
});

describe('clusters', () => {
  it('merges facts closer than a few pixels into one glyph with their count, and separates them when zoomed in', () => {
    const facts = ['28 March 2017', '29 March 2017', '7 April 2017', '13 February 2020'].map((d) => fact(d, d.startsWith('29')));
    const marks = byStart(facts.map(factMark));
    const far = layoutLane(marks, view('2015-01-01', '2022-01-01'), 700, 3);
    expect(far.map((g) => g.ids.length)).toEqual([3, 1]);
    expect(far[0]!.key).toBe(true);
    // Ten days across: each day is 70 px wide, so the three facts stand apart.
    const near = layoutLane(marks, view('2017-03-27', '2017-04-08'), 700, 3);
    expect(near.map((g) => g.ids.length)).toEqual([1, 1, 1]);
    expect(near[1]!.x - near[0]!.x).toBeGreaterThan(CLUSTER_PX);
  });

  it('keeps the same clusters wherever the band is panned', () => {
    const facts = Array.from({ length: 400 }, (_, i) => fact(new Date(Date.UTC(2010, 0, 1) + i * 3.7 * DAY_MS).toISOString().slice(0, 10)));
    const marks = byStart(facts.map(factMark));
    const v = view('2011-01-01', '2012-01-01');
    const clusters = (g: ReturnType<typeof layoutLane>) => g.filter((x) => x.x > 50 && x.x < 300).map((x) => x.ids.join(','));
    const here = layoutLane(marks, v, 700, 3);
    const shift = (v.end - v.start) / 7; // 100 px to the right
    const panned = layoutLane(marks, { start: v.start - shift, end: v.end - shift }, 700, 3);
    const shiftedBack = panned.map((g) => ({ ...g, x: g.x - 100 }));
    expect(clusters(shiftedBack)).toEqual(clusters(here));
  });

  it('stacks overlapping periods in rows, and counts those that find no row on the bar ending first', () => {
    const facts = ['2018', '2018', '2018-03 to 2018-09', 'c. 2018'].map((d) => fact(d));
    const glyphs = layoutLane(byStart(facts.map(factMark)), view('2017-01-01', '2020-01-01'), 700, 3);
    expect(glyphs.map((g) => g.row)).toEqual([0, 1, 2]);
    expect(glyphs.reduce((n, g) => n + g.ids.length, 0)).toBe(4);
    expect(glyphs.some((g) => g.ids.length === 2)).toBe(true);
  });

  it('draws ten thousand facts as a bounded number of glyphs, each fact counted once', () => {
    const random = (() => {
      let s = 7;
      return () => (s = (s * 16807) % 2147483647) / 2147483647;
    })();
    // Days, months, years "circa" and "before" dates, spread over twenty years: made as marks, as the band makes them.
    const shapes = [
      (t: number) => ({ start: t, end: t + DAY_MS, shape: 'day' as const, circa: false }),
      (t: number) => ({ start: t, end: t + 30 * DAY_MS, shape: 'period' as const, circa: false }),
      (t: number) => ({ start: t, end: t + 365 * DAY_MS, shape: 'period' as const, circa: true }),
      (t: number) => ({ start: t, end: t, shape: 'before' as const, circa: false }),
    ];
    const made = Array.from({ length: 10_000 }, (_, id) => {
      const t = Date.UTC(2005, 0, 1) + Math.floor(random() * 20 * 365) * DAY_MS;
      return { id, key: random() < 0.05, proposed: false, ...shapes[Math.floor(random() * shapes.length)]!(t) };
    });
    const marks = byStart(made);
    const everything = fitView({ start: marks[0]!.start, end: marks[marks.length - 1]!.end }, 0);
    const glyphs = layoutLane(marks, everything, 700, 3);
    expect(glyphs.reduce((n, g) => n + g.ids.length, 0)).toBe(10_000);
    expect(glyphs.length).toBeLessThan(700 / CLUSTER_PX + 2 * 700);
    expect(glyphs.filter((g) => g.type === 'point').length).toBeLessThanOrEqual(Math.ceil(700 / CLUSTER_PX) + 2);
  });
});

describe('the axis and the zoom', () => {
  it('labels years, then months, then days as the band zooms in', () => {
    const wide = axisFor(view('2010-01-01', '2022-01-01'), 700);
    expect(wide.grain).toBe('years');
    expect(wide.ticks.map((t) => t.label)).toContain('2017');
    const year = axisFor(view('2017-01-01', '2018-01-01'), 700);
    expect(year.grain).toBe('months');
    expect(year.ticks.map((t) => t.label)).toContain('Mar');
    expect(year.context.map((t) => t.label)).toContain('2017');
    const days = axisFor(view('2017-03-24', '2017-04-03'), 700);
    expect(days.grain).toBe('days');
    expect(days.ticks.map((t) => t.label)).toEqual(expect.arrayContaining(['28', '29', '1']));
    expect(days.context.map((t) => t.label)).toEqual(['Mar 2017', 'Apr 2017']);
  });

  it('zooms about its anchor and never closer than about ten days', () => {
    const v = view('2017-01-01', '2018-01-01');
    const anchor = dayMs('2017-03-28');
    const closer = zoomView(v, 2, anchor);
    expect((anchor - closer.start) / (closer.end - closer.start)).toBeCloseTo((anchor - v.start) / (v.end - v.start), 6);
    let z = v;
    for (let i = 0; i < 20; i++) z = zoomView(z, 2, anchor);
    expect(z.end - z.start).toBe(MIN_SPAN_MS);
  });
});
