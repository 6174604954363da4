// The grid's rows (renderer/features/exhibits/exhibit-rows.ts) in Node: families nested under their parent, sorting as
// people read, filters that keep a family as context. No DOM environment is installed; these are plain functions.
import { describe, expect, it } from 'vitest';
import type { Exhibit } from '../../shared/model.ts';
import { buildRows, NO_FILTER, type GridRow } from '../../renderer/features/exhibits/exhibit-rows.ts';

function exhibit(id: number, exhibitNo: string, fields: Partial<Exhibit> = {}): Exhibit {
  return {
    id,
    exhibitNo,
    title: `Exhibit ${exhibitNo}`,
    kind: 'pdf',
    date: null,
    author: null,
    from: null,
    to: null,
    cc: null,
    subject: null,
    description: null,
    sourceName: `${exhibitNo}.pdf`,
    sourcePath: `/src/${exhibitNo}.pdf`,
    sha256: String(id).padStart(64, '0'),
    bytes: 1000,
    mediaType: 'application/pdf',
    pages: 1,
    textLayer: true,
    ocr: false,
    encrypted: false,
    confidentiality: 'none',
    parentId: null,
    warnings: [],
    tags: [],
    importedAt: '2026-01-05T09:00:00.000Z',
    ...fields,
  };
}

const ALL = [
  exhibit(1, 'PX-10', { title: 'zebra memo', date: '2017-03-01' }),
  exhibit(2, 'PX-2', { title: 'Éclair contract', date: null }),
  exhibit(3, 'PX-1', { title: 'approval email', kind: 'email', date: '2016-01-05' }),
  exhibit(4, 'PX-1.1', { title: 'attachment', parentId: 3, tags: ['hot/very'] }),
  exhibit(5, 'PX-1.2', { title: 'second attachment', parentId: 3 }),
];
const shown = (rows: GridRow[]) => rows.map((r) => `${'  '.repeat(r.depth)}${r.exhibit.exhibitNo}${r.context ? ' (context)' : ''}`);

describe('the exhibit grid’s rows', () => {
  it('sorts numbers by their value (PX-2 before PX-10) and nests attachments under their email when it is open', () => {
    expect(shown(buildRows(ALL, { column: 'number', descending: false }, NO_FILTER, new Set()))).toEqual(['PX-1', 'PX-2', 'PX-10']);
    const open = buildRows(ALL, { column: 'number', descending: false }, NO_FILTER, new Set([3]));
    expect(shown(open)).toEqual(['PX-1', '  PX-1.1', '  PX-1.2', 'PX-2', 'PX-10']);
    expect(open[0]).toMatchObject({ childCount: 2, expanded: true });
  });

  it('sorts titles ignoring case and accents, and puts undated exhibits last whichever way dates run', () => {
    expect(shown(buildRows(ALL, { column: 'title', descending: false }, NO_FILTER, new Set()))).toEqual(['PX-1', 'PX-2', 'PX-10']);
    expect(shown(buildRows(ALL, { column: 'date', descending: false }, NO_FILTER, new Set()))).toEqual(['PX-1', 'PX-10', 'PX-2']);
    expect(shown(buildRows(ALL, { column: 'date', descending: true }, NO_FILTER, new Set()))).toEqual(['PX-10', 'PX-1', 'PX-2']);
  });

  it('a filter that matches an attachment shows its family, the parent as context and opened', () => {
    const rows = buildRows(ALL, { column: 'number', descending: false }, { ...NO_FILTER, tag: 'hot' }, new Set());
    expect(shown(rows)).toEqual(['PX-1 (context)', '  PX-1.1']);
    expect(rows[0]).toMatchObject({ expanded: true, childCount: 1 });
    expect(shown(buildRows(ALL, { column: 'number', descending: false }, { ...NO_FILTER, kind: 'email' }, new Set()))).toEqual(['PX-1']);
    expect(shown(buildRows(ALL, { column: 'number', descending: false }, { ...NO_FILTER, dateFrom: '2017-01-01' }, new Set()))).toEqual(['PX-10']);
  });
});
