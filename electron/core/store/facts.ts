// Facts: the chronology's dated statements, their sources (exhibit, pages, quote), the paragraphs they bear on and
// their tags (the case's tags, shared with exhibits). Read whole and ordered by the chronology's sort rule.
import type Database from 'better-sqlite3';
import { pinpointCite } from '../../../shared/cite.ts';
import { UserError } from '../../../shared/errors.ts';
import type { DatePrecision, Fact, FactSource, FactStatus } from '../../../shared/model.ts';
import { compareFacts, printFactDate } from '../chronology/fuzzy-date.ts';

interface FactRow {
  id: number;
  statement: string;
  date_precision: DatePrecision;
  date_start: string | null;
  date_end: string | null;
  date_text: string;
  sequence: number;
  status: FactStatus;
  is_key: number;
  proposed: number;
  proposed_from: number | null;
  created_at: string;
}

interface SourceRow {
  id: number;
  fact_id: number;
  exhibit_id: number;
  exhibit_no: string;
  page_from: number | null;
  page_to: number | null;
  quote: string | null;
}

/** A fact's own columns, as a handler writes them. */
export interface FactFields {
  statement: string;
  precision: DatePrecision;
  start: string | null;
  end: string | null;
  dateText: string;
  sequence: number;
  status: FactStatus;
  key: boolean;
}

export interface NewSource {
  factId: number;
  exhibitId: number;
  pageFrom: number | null;
  pageTo: number | null;
  quote: string | null;
  createdAt: string;
}

const SOURCES = `
  SELECT s.id, s.fact_id, s.exhibit_id, e.exhibit_no, s.page_from, s.page_to, s.quote
  FROM fact_sources s JOIN exhibits e ON e.id = s.exhibit_id`;

const toRow = (f: FactFields) => ({
  statement: f.statement,
  precision: f.precision,
  start: f.start,
  end: f.end,
  dateText: f.dateText,
  sequence: f.sequence,
  status: f.status,
  key: f.key ? 1 : 0,
});

/** `tagPaths` gives each tag's full path ("Parent/Child"), as the exhibit store reads it. */
export function createFactStore(db: Database.Database, tagPaths: () => Map<number, string>) {
  const insert = db.prepare(`
    INSERT INTO facts (statement, date_precision, date_start, date_end, date_text, sequence, status, is_key, proposed, proposed_from, created_at)
    VALUES (@statement, @precision, @start, @end, @dateText, @sequence, @status, @key, @proposed, @proposedFrom, @createdAt)`);
  const update = db.prepare(`
    UPDATE facts SET statement = @statement, date_precision = @precision, date_start = @start, date_end = @end,
      date_text = @dateText, sequence = @sequence, status = @status, is_key = @key WHERE id = @id`);
  const byId = db.prepare<[number], FactRow>('SELECT * FROM facts WHERE id = ?');
  const all = db.prepare<[number], FactRow>('SELECT * FROM facts WHERE proposed <= ?');
  const remove = db.prepare<[number]>('DELETE FROM facts WHERE id = ?');
  const accept = db.prepare<[number]>('UPDATE facts SET proposed = 0 WHERE id = ? AND proposed = 1');
  const proposals = db.prepare<[], { id: number }>('SELECT id FROM facts WHERE proposed = 1 ORDER BY id');
  const fromExhibit = db.prepare<[number], { id: number }>('SELECT id FROM facts WHERE proposed_from = ? LIMIT 1');

  const insertSource = db.prepare(`
    INSERT INTO fact_sources (fact_id, exhibit_id, page_from, page_to, quote, created_at)
    VALUES (@factId, @exhibitId, @pageFrom, @pageTo, @quote, @createdAt)`);
  const sourceById = db.prepare<[number], SourceRow>(`${SOURCES} WHERE s.id = ?`);
  const sourcesOf = db.prepare<[number], SourceRow>(`${SOURCES} WHERE s.fact_id = ? ORDER BY s.id`);
  const allSources = db.prepare<[], SourceRow>(`${SOURCES} ORDER BY s.fact_id, s.id`);
  const removeSource = db.prepare<[number]>('DELETE FROM fact_sources WHERE id = ?');

  const paragraphsOf = db.prepare<[number], { number: number }>(
    'SELECT p.number FROM fact_paragraphs fp JOIN paragraphs p ON p.id = fp.paragraph_id WHERE fp.fact_id = ? ORDER BY p.number',
  );
  const allParagraphs = db.prepare<[], { fact_id: number; number: number }>(
    'SELECT fp.fact_id, p.number FROM fact_paragraphs fp JOIN paragraphs p ON p.id = fp.paragraph_id ORDER BY p.number',
  );
  const linkParagraph = db.prepare<[number, number]>('INSERT OR IGNORE INTO fact_paragraphs (fact_id, paragraph_id) VALUES (?, ?)');
  const unlinkParagraph = db.prepare<[number, number]>('DELETE FROM fact_paragraphs WHERE fact_id = ? AND paragraph_id = ?');

  const tagsOf = db.prepare<[number], { tag_id: number }>('SELECT tag_id FROM fact_tags WHERE fact_id = ?');
  const allTags = db.prepare<[], { fact_id: number; tag_id: number }>('SELECT fact_id, tag_id FROM fact_tags');
  const attachTag = db.prepare<[number, number]>('INSERT OR IGNORE INTO fact_tags (fact_id, tag_id) VALUES (?, ?)');
  const clearTags = db.prepare<[number]>('DELETE FROM fact_tags WHERE fact_id = ?');

  function get(id: number): Fact {
    const row = byId.get(id);
    if (!row) throw new UserError('not_found', `No fact with id ${id}.`);
    const paths = tagPaths();
    return toFact(
      row,
      sourcesOf.all(id).map(toSource),
      paragraphsOf.all(id).map((p) => p.number),
      tagsOf.all(id).map((t) => paths.get(t.tag_id)!),
    );
  }

  function source(id: number): FactSource {
    const row = sourceById.get(id);
    if (!row) throw new UserError('not_found', `No fact source with id ${id}.`);
    return toSource(row);
  }

  return {
    get,
    source,

    /** Every fact (with proposals when asked), in chronology order; the callers filter. */
    list(includeProposed: boolean): Fact[] {
      const sources = groupBy(allSources.all(), (s) => s.fact_id, toSource);
      const paragraphs = groupBy(allParagraphs.all(), (p) => p.fact_id, (p) => p.number);
      const paths = tagPaths();
      const tags = groupBy(allTags.all(), (t) => t.fact_id, (t) => paths.get(t.tag_id)!);
      return all
        .all(includeProposed ? 1 : 0)
        .map((r) => toFact(r, sources.get(r.id) ?? [], paragraphs.get(r.id) ?? [], (tags.get(r.id) ?? []).sort()))
        .sort(compareFacts);
    },

    add(fields: FactFields, extra: { proposedFrom: number | null; createdAt: string }): number {
      return Number(insert.run({ ...toRow(fields), proposed: extra.proposedFrom === null ? 0 : 1, ...extra }).lastInsertRowid);
    },
    update: (id: number, fields: FactFields) => update.run({ id, ...toRow(fields) }),
    remove(id: number): Fact {
      const before = get(id);
      remove.run(id);
      return before;
    },
    accept: (id: number) => accept.run(id).changes > 0,
    proposalIds: () => proposals.all().map((r) => r.id),
    /** Whether a fact was ever proposed from the exhibit and is still in the case (accepted or awaiting a decision). */
    proposedFromExhibit: (exhibitId: number) => fromExhibit.get(exhibitId) !== undefined,

    addSource: (s: NewSource) => source(Number(insertSource.run(s).lastInsertRowid)),
    removeSource(id: number): FactSource {
      const before = source(id);
      removeSource.run(id);
      return before;
    },

    /** Returns false when the fact was already linked to the paragraph. */
    linkParagraph: (factId: number, paragraphId: number) => linkParagraph.run(factId, paragraphId).changes > 0,
    unlinkParagraph: (factId: number, paragraphId: number) => unlinkParagraph.run(factId, paragraphId).changes > 0,

    setTags(factId: number, tagIds: number[]): void {
      clearTags.run(factId);
      for (const t of tagIds) attachTag.run(factId, t);
    },
  };
}

export type FactStore = ReturnType<typeof createFactStore>;

function groupBy<R, V>(rows: R[], key: (r: R) => number, value: (r: R) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
}

function toSource(r: SourceRow): FactSource {
  return {
    id: r.id,
    factId: r.fact_id,
    exhibitId: r.exhibit_id,
    exhibitNo: r.exhibit_no,
    pageFrom: r.page_from,
    pageTo: r.page_to,
    quote: r.quote,
    cite: pinpointCite(r.exhibit_no, r.page_from, r.page_to),
  };
}

function toFact(r: FactRow, sources: FactSource[], paragraphs: number[], tags: string[]): Fact {
  const date = { precision: r.date_precision, start: r.date_start, end: r.date_end };
  return {
    id: r.id,
    statement: r.statement,
    date: { ...date, text: r.date_text, display: printFactDate(date) },
    sequence: r.sequence,
    status: r.status,
    key: r.is_key === 1,
    tags: tags.sort(),
    proposed: r.proposed === 1,
    proposedFrom: r.proposed_from,
    sources,
    paragraphs,
    unsourced: sources.length === 0,
    createdAt: r.created_at,
  };
}
