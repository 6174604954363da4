// The rows behind every number an exhibit carries: designations (with a production's Bates range read from the
// production it came in, not copied), filings and what they cited, and trial marks. One store per database, made on
// first use, so that the handlers and the export worker (its own read-only connection) share the same statements.
import type Database from 'better-sqlite3';
import { labelKey } from '../../../shared/designation-key.ts';
import type { Designation, DesignationKind, DesignationSummary, Party, TrialEvent, TrialMark } from '../../../shared/model.ts';

interface DesignationRow {
  id: number;
  exhibit_id: number;
  kind: DesignationKind;
  label: string;
  source: string | null;
  witness: string | null;
  source_date: string | null;
  party: Party | null;
  filing_id: number | null;
  file_index: number | null;
  created_at: string;
  filing_title: string | null;
  filed_on: string | null;
  docket: string | null;
  first_attachment: number | null;
}

interface ProductionRow {
  exhibit_id: number;
  beg_bates: string;
  end_bates: string;
  volume: string;
  producing_party: string | null;
}

export interface FilingRow {
  id: number;
  title: string;
  filed_on: string;
  export_kind: 'bundle' | 'stamped';
  scheme: 'letters' | 'numbers';
  folder: string | null;
  docket: string | null;
  first_attachment: number;
  created_at: string;
}

export interface NewDesignation {
  exhibitId: number;
  kind: DesignationKind;
  label: string;
  source?: string | null;
  witness?: string | null;
  date?: string | null;
  party?: Party | null;
  filingId?: number | null;
  fileIndex?: number | null;
  createdAt: string;
}

const SELECT = `
  SELECT d.*, f.title AS filing_title, f.filed_on, f.docket, f.first_attachment
  FROM designations d LEFT JOIN filings f ON f.id = d.filing_id`;

/** "Dkt. 45-3, Ex. B" once the filing is docketed (attachment 0 is the filing itself), else "Ex. B to Motion to Dismiss". */
export function filingCite(label: string, filing: { title: string; docket: string | null; firstAttachment: number }, fileIndex: number): string {
  if (filing.docket === null) return `Ex. ${label} to ${filing.title}`;
  const attachment = filing.firstAttachment + fileIndex;
  return `Dkt. ${filing.docket}${attachment === 0 ? '' : `-${attachment}`}, Ex. ${label}`;
}

function toDesignation(r: DesignationRow): Designation {
  const filed = r.filing_id !== null;
  const cite = filed ? filingCite(r.label, { title: r.filing_title!, docket: r.docket, firstAttachment: r.first_attachment! }, r.file_index!) : r.label;
  return {
    id: r.id,
    exhibitId: r.exhibit_id,
    kind: r.kind,
    label: r.label,
    cite,
    source: filed ? r.filing_title : r.source,
    witness: r.witness,
    date: filed ? r.filed_on : r.source_date,
    party: r.party,
    filingId: r.filing_id,
    frozen: filed,
    createdAt: r.created_at,
  };
}

/** A production's Bates range as a designation: kept with the production, so it has no id and cannot be removed. */
function productionDesignation(r: ProductionRow): Designation {
  return {
    id: null,
    exhibitId: r.exhibit_id,
    kind: 'production',
    label: r.beg_bates === r.end_bates ? r.beg_bates : `${r.beg_bates} – ${r.end_bates}`,
    cite: r.beg_bates,
    source: `Production ${r.volume}${r.producing_party ? ` (${r.producing_party})` : ''}`,
    witness: null,
    date: null,
    party: null,
    filingId: null,
    frozen: true,
    createdAt: null,
  };
}

const KIND_ORDER: Record<DesignationKind, number> = { trial: 0, deposition: 1, filing: 2, production: 3, custom: 4 };
const inOrder = (a: Designation, b: Designation) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id ?? 0) - (b.id ?? 0);

function createDesignationStore(db: Database.Database) {
  // A case open read-only because it is damaged is not migrated: an older one has no such tables, and so no designations.
  const present = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'designations'").get() !== undefined;
  const q = <P extends unknown[], R>(sql: string) => (present ? db.prepare<P, R>(sql) : null);

  const byExhibit = q<[number], DesignationRow>(`${SELECT} WHERE d.exhibit_id = ? ORDER BY d.id`);
  const byId = q<[number], DesignationRow>(`${SELECT} WHERE d.id = ?`);
  const byExhibits = q<[string], DesignationRow>(`${SELECT} WHERE d.exhibit_id IN (SELECT value FROM json_each(?)) ORDER BY d.id`);
  // Keys are runs of letters and digits joined by single spaces, so [key, key + '!') holds the key and every key that
  // continues it after a space ("smith dep" … "smith dep ex 4"), and no other: one range of the index.
  const byKey = q<[string, string], DesignationRow>(`${SELECT} WHERE d.label_key >= ? AND d.label_key < ? ORDER BY d.id LIMIT 1000`);
  const ofKind = q<[string], DesignationRow>(`${SELECT} WHERE d.kind = ? ORDER BY d.id`);
  const onDocket = q<[string, number], DesignationRow>(
    `${SELECT} WHERE f.docket = ? COLLATE NOCASE AND f.first_attachment + d.file_index = ? ORDER BY d.id`,
  );
  const productionOf = db.prepare<[number], ProductionRow>('SELECT exhibit_id, beg_bates, end_bates, volume, producing_party FROM production_sources WHERE exhibit_id = ?');
  const productionsOf = db.prepare<[string], ProductionRow>(
    'SELECT exhibit_id, beg_bates, end_bates, volume, producing_party FROM production_sources WHERE exhibit_id IN (SELECT value FROM json_each(?))',
  );
  // The range that may hold a Bates number: the last one beginning at or before it (compared as stored, ignoring case).
  const productionAtOrBefore = db.prepare<[string], ProductionRow>(
    'SELECT exhibit_id, beg_bates, end_bates, volume, producing_party FROM production_sources WHERE beg_bates <= ? COLLATE NOCASE ORDER BY beg_bates COLLATE NOCASE DESC LIMIT 5',
  );
  const insert = q<[Record<string, unknown>], never>(`
    INSERT INTO designations (exhibit_id, kind, label, label_key, source, witness, source_date, party, filing_id, file_index, created_at)
    VALUES (@exhibitId, @kind, @label, @labelKey, @source, @witness, @date, @party, @filingId, @fileIndex, @createdAt)`);
  const remove = q<[number], never>('DELETE FROM designations WHERE id = ?');
  const bySequence = db.prepare<[number], { id: number; exhibit_no: string }>('SELECT id, exhibit_no FROM exhibits WHERE seq = ?');
  const citedBy = q<[number], { filing_id: number }>('SELECT filing_id FROM filing_citations WHERE designation_id = ?');

  const filingById = q<[number], FilingRow>('SELECT * FROM filings WHERE id = ?');
  const filingsAll = q<[], FilingRow>('SELECT * FROM filings ORDER BY id');
  const filingsTitled = q<[string], FilingRow>('SELECT * FROM filings WHERE title = ? COLLATE NOCASE ORDER BY id');
  const insertFiling = q<[Record<string, unknown>], never>(`
    INSERT INTO filings (title, filed_on, export_kind, scheme, folder, created_at)
    VALUES (@title, @date, @kind, @scheme, @folder, @createdAt)`);
  const setDocket = q<[string, number, number], never>('UPDATE filings SET docket = ?, first_attachment = ? WHERE id = ?');
  const filingLabels = q<[number], DesignationRow>(`${SELECT} WHERE d.filing_id = ? ORDER BY d.file_index, d.id`);
  const insertCitation = q<[number, number], never>('INSERT OR IGNORE INTO filing_citations (filing_id, designation_id) VALUES (?, ?)');
  const citationsOf = q<[number], DesignationRow>(
    `${SELECT} WHERE d.id IN (SELECT designation_id FROM filing_citations WHERE filing_id = ?) ORDER BY d.id`,
  );

  const insertMark = q<[Record<string, unknown>], never>(
    'INSERT INTO trial_marks (exhibit_id, event, on_date, witness, recorded_at) VALUES (@exhibitId, @event, @date, @witness, @recordedAt)',
  );
  const marksOf = q<[number], MarkRow>('SELECT * FROM trial_marks WHERE exhibit_id = ? ORDER BY on_date, id');
  const marksAll = q<[], MarkRow>('SELECT * FROM trial_marks ORDER BY exhibit_id, on_date, id');

  const written = <T>(stmt: T | null): T => {
    if (!stmt) throw new Error('This case has no designations table (it was not migrated).');
    return stmt;
  };

  return {
    /** Every designation of an exhibit, its production's range included: trial numbers first, then depositions, filings … */
    forExhibit(exhibitId: number): Designation[] {
      const stored = (byExhibit?.all(exhibitId) ?? []).map(toDesignation);
      const produced = productionOf.get(exhibitId);
      return [...stored, ...(produced ? [productionDesignation(produced)] : [])].sort(inOrder);
    },

    /** What a list shows of each exhibit's designations, for a page of exhibits at once. */
    summaries(exhibitIds: number[]): Map<number, DesignationSummary[]> {
      const out = new Map<number, Designation[]>();
      if (exhibitIds.length === 0) return new Map();
      const ids = JSON.stringify(exhibitIds);
      const add = (d: Designation) => out.set(d.exhibitId, [...(out.get(d.exhibitId) ?? []), d]);
      for (const r of byExhibits?.all(ids) ?? []) add(toDesignation(r));
      for (const r of productionsOf.all(ids)) add(productionDesignation(r));
      return new Map([...out].map(([id, list]) => [id, list.sort(inOrder).map(({ kind, label, cite }) => ({ kind, label, cite }))]));
    },

    get: (id: number): Designation | null => {
      const r = byId?.get(id);
      return r ? toDesignation(r) : null;
    },

    /** Designations whose label is `typed` or begins with it at a word boundary, as labelKey folds both. */
    matching(typed: string): Designation[] {
      const key = labelKey(typed);
      if (key === '' || !byKey) return [];
      return byKey.all(key, `${key}!`).map(toDesignation);
    },

    /** The production range holding a Bates number ("ABC0000125" is in ABC0000123 – ABC0000130), if any. */
    producedAs(bates: string): Designation | null {
      const m = /^(.*?)(\d+)$/.exec(bates.trim());
      if (!m) return null;
      for (const r of productionAtOrBefore.all(bates.trim())) {
        const beg = /^(.*?)(\d+)$/.exec(r.beg_bates);
        const end = /^(.*?)(\d+)$/.exec(r.end_bates);
        if (!beg || !end || beg[1]!.toLowerCase() !== m[1]!.toLowerCase() || beg[2]!.length !== m[2]!.length) continue;
        const n = Number(m[2]);
        if (n >= Number(beg[2]) && n <= Number(end[2])) return productionDesignation(r);
      }
      return null;
    },

    /** Exhibits whose own number is the one typed, written another way ("PX-12" for PX-012). */
    exhibitsNumberedAs(typed: string): number[] {
      const digits = /\d+/.exec(typed);
      if (!digits) return [];
      const key = labelKey(typed);
      return bySequence.all(Number(digits[0])).filter((r) => labelKey(r.exhibit_no) === key).map((r) => r.id);
    },

    ofKind: (kind: DesignationKind): Designation[] => (ofKind?.all(kind) ?? []).map(toDesignation),

    /** The exhibits a docket citation names ("Dkt. 45-3": attachment 3 of docket entry 45; "Dkt. 45": the entry itself). */
    onDocket: (docket: string, attachment: number): Designation[] => (onDocket?.all(docket, attachment) ?? []).map(toDesignation),

    insert(d: NewDesignation): number {
      const row = {
        exhibitId: d.exhibitId,
        kind: d.kind,
        label: d.label,
        // A filing's own label "B" is found as "Ex. B", how it is cited.
        labelKey: labelKey(d.filingId ? `Ex. ${d.label}` : d.label),
        source: d.source ?? null,
        witness: d.witness ?? null,
        date: d.date ?? null,
        party: d.party ?? null,
        filingId: d.filingId ?? null,
        fileIndex: d.fileIndex ?? null,
        createdAt: d.createdAt,
      };
      return Number(written(insert).run(row).lastInsertRowid);
    },

    remove: (id: number) => written(remove).run(id),
    /** The filings that cite a designation as already filed. */
    citedBy: (id: number): number[] => (citedBy?.all(id) ?? []).map((r) => r.filing_id),

    filing: (id: number): FilingRow | null => filingById?.get(id) ?? null,
    filings: (): FilingRow[] => filingsAll?.all() ?? [],
    filingsTitled: (title: string): FilingRow[] => filingsTitled?.all(title) ?? [],
    insertFiling(f: { title: string; date: string; kind: 'bundle' | 'stamped'; scheme: 'letters' | 'numbers'; folder: string | null; createdAt: string }): number {
      return Number(written(insertFiling).run(f).lastInsertRowid);
    },
    setDocket: (id: number, docket: string, firstAttachment: number) => written(setDocket).run(docket, firstAttachment, id),
    filingLabels: (filingId: number): Designation[] => (filingLabels?.all(filingId) ?? []).map(toDesignation),
    cite: (filingId: number, designationId: number) => written(insertCitation).run(filingId, designationId),
    citations: (filingId: number): Designation[] => (citationsOf?.all(filingId) ?? []).map(toDesignation),

    addMark(m: { exhibitId: number; event: TrialEvent; date: string; witness: string | null; recordedAt: string }): number {
      return Number(written(insertMark).run(m).lastInsertRowid);
    },
    marks: (exhibitId: number): TrialMark[] => (marksOf?.all(exhibitId) ?? []).map(toMark),
    allMarks: (): TrialMark[] => (marksAll?.all() ?? []).map(toMark),
  };
}

interface MarkRow {
  id: number;
  exhibit_id: number;
  event: TrialEvent;
  on_date: string;
  witness: string | null;
  recorded_at: string;
}

function toMark(r: MarkRow): TrialMark {
  return { id: r.id, exhibitId: r.exhibit_id, event: r.event, date: r.on_date, witness: r.witness, recordedAt: r.recorded_at };
}

export type DesignationStore = ReturnType<typeof createDesignationStore>;

const stores = new WeakMap<Database.Database, DesignationStore>();

/** The store of this database connection, made once. */
export function designationStore(db: Database.Database): DesignationStore {
  let store = stores.get(db);
  if (!store) {
    store = createDesignationStore(db);
    stores.set(db, store);
  }
  return store;
}
