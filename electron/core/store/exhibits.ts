// Exhibits: their rows, their text, their numbers; looked up by id, number or hash.
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import { ID_REF, type Confidentiality, type Exhibit, type ExhibitEdit, type ExhibitKind, type NumberingScheme } from '../../../shared/model.ts';
import type { PageFacts } from '../import/formats/pdf-page-facts.ts';
import { ocrDone } from './ocr-text.ts';
import { formatExhibitNo } from './settings.ts';
import { statementCache } from './statement-cache.ts';

interface ExhibitRow {
  id: number;
  exhibit_no: string;
  seq: number;
  title: string;
  kind: ExhibitKind;
  doc_date: string | null;
  author: string | null;
  from_addr: string | null;
  to_addr: string | null;
  cc_addr: string | null;
  subject: string | null;
  description: string | null;
  source_name: string;
  source_path: string;
  sha256: string;
  media_type: string;
  page_count: number | null;
  text_layer: 0 | 1;
  ocr: 0 | 1;
  encrypted: 0 | 1;
  confidentiality: Confidentiality;
  parent_id: number | null;
  warnings: string;
  imported_at: string;
  bytes: number;
  tag_ids: string;
}

export interface NewExhibit {
  exhibitNo: string;
  title: string;
  kind: ExhibitKind;
  date: string | null;
  author: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  subject: string | null;
  sourceName: string;
  sourcePath: string;
  sha256: string;
  mediaType: string;
  pages: number | null;
  textLayer: boolean;
  encrypted: boolean;
  parentId: number | null;
  warnings: string[];
  importedAt: string;
}

export interface ExhibitQuery {
  tagIds?: number[]; // exhibits carrying any of these tags
  kind?: ExhibitKind;
  limit?: number;
  offset?: number;
}

/** Columns a user may edit, mapped to where they live. */
const EDITABLE: Record<keyof ExhibitEdit, string> = {
  exhibitNo: 'exhibit_no',
  title: 'title',
  date: 'doc_date',
  author: 'author',
  from: 'from_addr',
  to: 'to_addr',
  cc: 'cc_addr',
  subject: 'subject',
  description: 'description',
  confidentiality: 'confidentiality',
};

const SELECT = `
  SELECT e.*, o.bytes,
    (SELECT json_group_array(et.tag_id) FROM exhibit_tags et WHERE et.exhibit_id = e.id) AS tag_ids,
    ${ocrDone('e.id')} AS ocr
  FROM exhibits e JOIN originals o ON o.sha256 = e.sha256`;

/** The number an exhibit sorts by: the first run of digits in its exhibit number. */
export function sequenceOf(exhibitNo: string): number {
  const digits = /\d+/.exec(exhibitNo);
  return digits ? Number(digits[0]) : Number.MAX_SAFE_INTEGER;
}

/** `tagPaths` gives each tag's full path ("Parent/Child"); tags are few, so it is read once per call. */
export function createExhibitStore(db: Database.Database, tagPaths: () => Map<number, string>) {
  const prepare = statementCache(db);
  const insertRow = db.prepare(`
    INSERT INTO exhibits (exhibit_no, seq, title, kind, doc_date, author, from_addr, to_addr, cc_addr, subject,
      source_name, source_path, sha256, media_type, page_count, text_layer, encrypted, parent_id, warnings, imported_at)
    VALUES (@exhibitNo, @seq, @title, @kind, @date, @author, @from, @to, @cc, @subject,
      @sourceName, @sourcePath, @sha256, @mediaType, @pages, @textLayer, @encrypted, @parentId, @warnings, @importedAt)`);
  const insertOriginal = db.prepare(
    'INSERT OR IGNORE INTO originals (sha256, bytes, media_type, stored_at) VALUES (?, ?, ?, ?)',
  );
  const insertText = db.prepare<[number, string, number | null, string, number | null, number | null]>(
    'INSERT INTO texts (exhibit_id, source, page, text, image_cover, body_chars) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], ExhibitRow>(`${SELECT} WHERE e.id = ?`);
  const byNo = db.prepare<[string], ExhibitRow>(`${SELECT} WHERE e.exhibit_no = ?`);
  const idByHash = db.prepare<[string], { id: number }>('SELECT id FROM exhibits WHERE sha256 = ?');
  const maxSeq = db.prepare<[], { seq: number | null }>(
    `SELECT max(seq) AS seq FROM exhibits WHERE seq < ${Number.MAX_SAFE_INTEGER}`,
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM exhibits');
  const numbering = db.prepare<[], { id: number; exhibit_no: string; parent_id: number | null }>(
    'SELECT id, exhibit_no, parent_id FROM exhibits ORDER BY seq, exhibit_no, id',
  );
  const setNumber = db.prepare<[string, number, number]>('UPDATE exhibits SET exhibit_no = ?, seq = ? WHERE id = ?');
  const pageText = db.prepare<[number, number], { text: string }>(
    "SELECT text FROM texts WHERE exhibit_id = ? AND source = 'page' AND coalesce(page, 0) = ?",
  );
  const bodyText = db.prepare<[number], { text: string }>(
    "SELECT text FROM texts WHERE exhibit_id = ? AND source = 'body'",
  );
  // A document read as pages of text (a workbook's sheets, a deck's slides): its pages, in order, are its text to show
  // and print; a PDF's or a picture's pages are drawn from the original instead.
  const pagesAsBody = db.prepare<[number], { text: string | null }>(
    `SELECT group_concat(text, char(10) || char(10)) AS text FROM (
       SELECT t.text FROM texts t JOIN exhibits e ON e.id = t.exhibit_id
       WHERE t.exhibit_id = ? AND t.source = 'page' AND e.kind NOT IN ('pdf', 'image') ORDER BY t.page)`,
  );
  const children = db.prepare<[number], ExhibitRow>(`${SELECT} WHERE e.parent_id = ? ORDER BY e.seq, e.id`);
  const originalInfo = db.prepare<[string], { mediaType: string; bytes: number }>(
    'SELECT media_type AS mediaType, bytes FROM originals WHERE sha256 = ?',
  );
  const allOriginals = db.prepare<[], { sha256: string; ids: string }>(
    `SELECT o.sha256, (SELECT json_group_array(id) FROM exhibits WHERE sha256 = o.sha256) AS ids FROM originals o`,
  );

  function get(id: number): Exhibit {
    const row = byId.get(id);
    if (!row) throw new UserError('not_found', `No exhibit with id ${id}.`);
    return toExhibit(row, tagPaths());
  }

  return {
    count: () => count.get()!.n,
    get,
    findByHash: (sha256: string) => idByHash.get(sha256)?.id ?? null,

    /** An exhibit named by its exhibit number (case-insensitive) or, failing that, by its numeric id. */
    resolve(ref: string): Exhibit {
      const trimmed = ref.trim();
      const id = ID_REF.exec(trimmed);
      const row = id ? byId.get(Number(id[1])) : (byNo.get(trimmed) ?? (/^\d+$/.test(trimmed) ? byId.get(Number(trimmed)) : undefined));
      if (!row) throw new UserError('not_found', `No exhibit "${ref}" (give an exhibit number such as PX-001, or an id).`);
      return toExhibit(row, tagPaths());
    },

    nextExhibitNo(scheme: NumberingScheme): string {
      const last = maxSeq.get()?.seq;
      return formatExhibitNo(scheme, last == null ? scheme.start : Math.max(last + 1, scheme.start));
    },

    /** Inserts the original's record, the exhibit and its text; the caller wraps this in its transaction. */
    insert(e: NewExhibit, bytes: number, texts: { source: 'page' | 'body'; page: number | null; text: string; facts?: PageFacts }[]): number {
      insertOriginal.run(e.sha256, bytes, e.mediaType, e.importedAt);
      const { lastInsertRowid } = insertRow.run({
        ...e,
        seq: sequenceOf(e.exhibitNo),
        textLayer: e.textLayer ? 1 : 0,
        encrypted: e.encrypted ? 1 : 0,
        warnings: JSON.stringify(e.warnings),
      });
      const id = Number(lastInsertRowid);
      for (const t of texts) insertText.run(id, t.source, t.page, t.text, t.facts?.imageCover ?? null, t.facts?.bodyChars ?? null);
      return id;
    },

    list(q: ExhibitQuery = {}): Exhibit[] {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (q.kind) {
        where.push('e.kind = ?');
        params.push(q.kind);
      }
      if (q.tagIds) {
        where.push('e.id IN (SELECT exhibit_id FROM exhibit_tags WHERE tag_id IN (SELECT value FROM json_each(?)))');
        params.push(JSON.stringify(q.tagIds));
      }
      const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.seq, e.exhibit_no, e.id LIMIT ? OFFSET ?`;
      const paths = tagPaths();
      return prepare<(string | number)[], ExhibitRow>(sql)
        .all(...params, q.limit ?? -1, q.offset ?? 0)
        .map((r) => toExhibit(r, paths));
    },

    children(id: number): Exhibit[] {
      const paths = tagPaths();
      return children.all(id).map((r) => toExhibit(r, paths));
    },

    /** Applies an edit; returns the exhibit before and after. The caller audits it in the same transaction. */
    update(id: number, edit: ExhibitEdit): { before: Exhibit; after: Exhibit } {
      const before = get(id);
      const entries = Object.entries(edit).filter(([, v]) => v !== undefined) as [keyof ExhibitEdit, unknown][];
      if (entries.length === 0) return { before, after: before };
      if (edit.exhibitNo !== undefined) {
        const holder = byNo.get(edit.exhibitNo);
        if (holder && holder.id !== id) {
          throw new UserError('conflict', `Exhibit number ${edit.exhibitNo} is already used by "${holder.title}".`);
        }
      }
      const sets = entries.map(([k]) => `${EDITABLE[k]} = @${k}`);
      if (edit.exhibitNo !== undefined) sets.push('seq = @seq');
      prepare(`UPDATE exhibits SET ${sets.join(', ')} WHERE id = @id`).run({
        ...Object.fromEntries(entries),
        seq: edit.exhibitNo === undefined ? undefined : sequenceOf(edit.exhibitNo),
        id,
      });
      return { before, after: get(id) };
    },

    /**
     * Gives every top-level exhibit, in its current order, a fresh number under the scheme, and each attachment
     * its family's number with a suffix ("PX-004.2"); returns old → new for those that changed.
     */
    renumber(scheme: NumberingScheme): { id: number; from: string; to: string }[] {
      const rows = numbering.all();
      const kids = new Map<number, typeof rows>();
      for (const r of rows) if (r.parent_id !== null) kids.set(r.parent_id, [...(kids.get(r.parent_id) ?? []), r]);
      const changes: { id: number; from: string; to: string }[] = [];
      const assign = (r: (typeof rows)[number], to: string) => {
        changes.push({ id: r.id, from: r.exhibit_no, to });
        (kids.get(r.id) ?? []).sort((a, b) => a.id - b.id).forEach((k, i) => assign(k, `${to}.${i + 1}`));
      };
      rows.filter((r) => r.parent_id === null).forEach((r, i) => assign(r, formatExhibitNo(scheme, scheme.start + i)));
      // Two passes so that swapping numbers never trips the unique index half-way; every row gets a placeholder
      // first, so a placeholder cannot meet a number still in use.
      for (const c of changes) setNumber.run(`(renumbering ${c.id})`, 0, c.id);
      for (const c of changes) setNumber.run(c.to, sequenceOf(c.to), c.id);
      return changes.filter((c) => c.from !== c.to);
    },

    pageText: (id: number, page: number) => pageText.get(id, page)?.text ?? null,
    /** What a document without drawn pages shows and prints: its body, or the text of its pages (sheets, slides). */
    bodyText: (id: number) => bodyText.get(id)?.text ?? pagesAsBody.get(id)?.text ?? null,

    originalInfo: (sha256: string) => originalInfo.get(sha256) ?? null,

    /** Every original with the exhibits that hold it. */
    originals: () => allOriginals.all().map((r) => ({ sha256: r.sha256, exhibitIds: JSON.parse(r.ids) as number[] })),
  };
}

export type ExhibitStore = ReturnType<typeof createExhibitStore>;

function toExhibit(r: ExhibitRow, tagPaths: Map<number, string>): Exhibit {
  return {
    id: r.id,
    exhibitNo: r.exhibit_no,
    title: r.title,
    kind: r.kind,
    date: r.doc_date,
    author: r.author,
    from: r.from_addr,
    to: r.to_addr,
    cc: r.cc_addr,
    subject: r.subject,
    description: r.description,
    sourceName: r.source_name,
    sourcePath: r.source_path,
    sha256: r.sha256,
    bytes: r.bytes,
    mediaType: r.media_type,
    pages: r.page_count,
    textLayer: r.text_layer === 1,
    ocr: r.ocr === 1,
    encrypted: r.encrypted === 1,
    confidentiality: r.confidentiality,
    parentId: r.parent_id,
    warnings: JSON.parse(r.warnings) as string[],
    tags: (JSON.parse(r.tag_ids) as number[]).map((id) => tagPaths.get(id) ?? String(id)).sort(),
    importedAt: r.imported_at,
  };
}
