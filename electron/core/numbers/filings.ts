// Filings: a bundle or stamped export made "for a filing" labels its exhibits in the filing's own scheme (Ex. A, B, C …
// or 1, 2, 3 …), cites instead of re-filing those already on the docket ("previously filed as Dkt. 45-3, Ex. B"), and,
// once written, records the filing with those labels frozen as designations. Renumbering the case never touches them.
import { UserError } from '../../../shared/errors.ts';
import type { Designation, Filing, FilingScheme } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import type { ExportJob, ExportOutcome } from '../export/export-job.ts';
import type { Family } from '../export/rendition.ts';
import { designationStore, type FilingRow } from './designation-store.ts';
import { schemeLabel, subNumber } from './schemes.ts';

export interface FilingRequest {
  title: string;
  labels: FilingScheme;
  /** Cite exhibits already on the docket instead of filing them again (the default). */
  cite: boolean;
}

/** An exhibit a filing cites as already filed, by the designation it was filed under. */
export interface CitedExhibit {
  exhibitId: number;
  exhibitNo: string;
  title: string;
  date: string | null;
  designationId: number;
  cite: string;
}

/** What an export for a filing hands back for the filing to be recorded: each family's label, and what it cited. */
export interface FilingOutcome {
  title: string;
  scheme: FilingScheme;
  labels: { exhibitId: number; label: string }[];
  cited: CitedExhibit[];
}

/**
 * In the export's worker: the families the filing files, each relabelled in the filing's scheme (its attachments
 * sub-numbered: B.1, B.2), and those it cites instead because they are already on the docket.
 */
export function planFilingFamilies(job: ExportJob, filing: FilingRequest | undefined, families: Family[]): { families: Family[]; filing: FilingOutcome | null } {
  if (!filing) return { families, filing: null };
  const store = designationStore(job.ctx.db);
  const cited: CitedExhibit[] = [];
  const filed: Family[] = [];
  for (const family of families) {
    const previous = filing.cite ? docketedAs(store.forExhibit(family.head.id)) : null;
    if (previous) {
      const head = family.head;
      cited.push({ exhibitId: head.id, exhibitNo: head.exhibitNo, title: head.title, date: head.date, designationId: previous.id!, cite: previous.cite });
      job.warn(`${head.exhibitNo} is not filed again: previously filed as ${previous.cite}.`);
    } else {
      filed.push(family);
    }
  }
  if (filed.length === 0) {
    throw new UserError('bad_input', `Every exhibit selected is already on the docket (${cited.map((c) => c.cite).join('; ')}); file them again to give them new labels.`);
  }
  const relabelled = filed.map((f, i) => relabel(f, schemeLabel(filing.labels, i + 1)));
  return {
    families: relabelled,
    filing: { title: filing.title, scheme: filing.labels, labels: relabelled.map((f) => ({ exhibitId: f.head.id, label: f.head.exhibitNo })), cited },
  };
}

/** The latest docketed filing an exhibit was filed in, or a filing citation entered by hand. */
function docketedAs(designations: Designation[]): Designation | null {
  const filings = designations.filter((d) => d.kind === 'filing' && d.id !== null);
  const docketed = filings.filter((d) => d.filingId !== null && d.cite.startsWith('Dkt.'));
  return docketed.at(-1) ?? filings.find((d) => d.filingId === null) ?? null;
}

/** The family under another label (a filing's, a trial number): the exhibit "B", its attachments "B.1", "B.2", theirs "B.1.1". */
export function relabel(family: Family, label: string): Family {
  const trail: { label: string; children: number }[] = [];
  const members = family.members.map((m) => {
    let mine = label;
    if (m.depth > 0) {
      const parent = trail[m.depth - 1]!;
      parent.children += 1;
      mine = subNumber(parent.label, parent.children);
    }
    trail.length = m.depth;
    trail.push({ label: mine, children: 0 });
    return { ...m, exhibit: { ...m.exhibit, exhibitNo: mine } };
  });
  return { ...family, head: members[0]!.exhibit, members };
}

/** In the main thread, once the export is published: the filing, its frozen labels and its citations, audited. */
export function recordFiling(ctx: CaseContext, kind: 'bundle' | 'stamped', folder: string, outcome: ExportOutcome): Filing | null {
  const plan = outcome.filing;
  if (!plan) return null;
  // The docket attachment of each exhibit is the place of its (first) file among the files that hold exhibits.
  const exhibitFiles = outcome.files.filter((f) => f.exhibits.length > 0).map((f) => f.name);
  const fileOf = new Map(outcome.exhibits.map((e) => [e.exhibitId, e.files[0]]));
  return ctx.db
    .transaction((): Filing => {
      const store = designationStore(ctx.db);
      const createdAt = ctx.now();
      const id = store.insertFiling({ title: plan.title, date: localDay(createdAt), kind, scheme: plan.scheme, folder, createdAt });
      for (const { exhibitId, label } of plan.labels) {
        const file = fileOf.get(exhibitId);
        const fileIndex = Math.max(0, file === undefined ? 0 : exhibitFiles.indexOf(file));
        store.insert({ exhibitId, kind: 'filing', label, filingId: id, fileIndex, createdAt });
      }
      for (const c of plan.cited) store.cite(id, c.designationId);
      const filing = filingOf(ctx, store.filing(id)!);
      ctx.audit.record({ action: 'filing.create', objectType: 'filing', objectId: id, after: filing });
      for (const e of filing.exhibits) ctx.audit.record({ action: 'designation.add', objectType: 'exhibit', objectId: e.exhibitId, after: { kind: 'filing', label: e.label, cite: e.cite, filing: filing.title } });
      return filing;
    })
    .immediate();
}

/** A filing named by its id or its title (a title used twice names the latest filing of that title). */
export function resolveFiling(ctx: CaseContext, ref: string): FilingRow {
  const store = designationStore(ctx.db);
  const trimmed = ref.trim();
  const byId = /^\d+$/.test(trimmed) ? store.filing(Number(trimmed)) : null;
  const found = byId ?? store.filingsTitled(trimmed).at(-1) ?? null;
  if (!found) throw new UserError('not_found', `No filing "${ref}" (give its id or its title; exhibit-desk filing CASE list shows them).`);
  return found;
}

/** Enters the docket number a filing received; its exhibits are then cited "Dkt. 45-3, Ex. B", attachments counted from `firstAttachment`. */
export function docketFiling(ctx: CaseContext, ref: string, docket: string, firstAttachment: number): Filing {
  return ctx.db
    .transaction((): Filing => {
      const row = resolveFiling(ctx, ref);
      const before = filingOf(ctx, row);
      designationStore(ctx.db).setDocket(row.id, docket, firstAttachment);
      const after = filingOf(ctx, designationStore(ctx.db).filing(row.id)!);
      ctx.audit.record({ action: 'filing.docket', objectType: 'filing', objectId: row.id, before: { docket: before.docket, firstAttachment: before.firstAttachment }, after: { docket, firstAttachment } });
      return after;
    })
    .immediate();
}

export function listFilings(ctx: CaseContext): Filing[] {
  return designationStore(ctx.db)
    .filings()
    .map((row) => filingOf(ctx, row));
}

export function filingOf(ctx: CaseContext, row: FilingRow): Filing {
  const store = designationStore(ctx.db);
  const numberOf = (id: number) => ctx.exhibits.get(id).exhibitNo;
  return {
    id: row.id,
    title: row.title,
    date: row.filed_on,
    kind: row.export_kind,
    scheme: row.scheme,
    folder: row.folder,
    docket: row.docket,
    firstAttachment: row.first_attachment,
    exhibits: store.filingLabels(row.id).map((d) => ({ exhibitId: d.exhibitId, exhibitNo: numberOf(d.exhibitId), label: d.label, cite: d.cite })),
    cited: store.citations(row.id).map((d) => ({ exhibitId: d.exhibitId, exhibitNo: numberOf(d.exhibitId), cite: d.cite })),
    createdAt: row.created_at,
  };
}

/** The calendar day of an instant where the user is (a filing made at 6 pm in California is made that day). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

